package bmc_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The catalogue lookups answer what the API's filters select, and a
// machine can be ordered from their answers alone.
func TestAccBMCCatalogDataSources(t *testing.T) {
	acctest.SkipIfReal(t, "checks the answers against the emulator's catalogue")
	emu := acctest.StartEmulator(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), `
data "cloudcompute_zenlayer_bmc_zones" "all" {}

data "cloudcompute_zenlayer_bmc_zones" "seoul" {
  ids = ["SEL-A"]
}

data "cloudcompute_zenlayer_bmc_instance_types" "big" {
  min_cpu_cores = 24
  support_raids = [5]
}

data "cloudcompute_zenlayer_bmc_instance_types" "ha" {
  is_ha = true
}

data "cloudcompute_zenlayer_bmc_images" "ubuntu" {
  catalog          = "ubuntu"
  instance_type_id = data.cloudcompute_zenlayer_bmc_instance_types.big.instance_types[0].id
}

resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = data.cloudcompute_zenlayer_bmc_zones.seoul.zones[0].id
  instance_type_id = data.cloudcompute_zenlayer_bmc_instance_types.big.instance_types[0].id
  image_id         = data.cloudcompute_zenlayer_bmc_images.ubuntu.images[0].id
  name             = "tf-acc-from-lookups"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_bmc_zones.all", tfjsonpath.New("zones"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_bmc_zones.seoul", tfjsonpath.New("zones"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("SEL-A"), "name": knownvalue.StringExact("Seoul A"),
						"city_name": knownvalue.StringExact("Seoul"), "area_name": knownvalue.StringExact("Asia Pacific"),
					}),
				})),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_bmc_instance_types.big", tfjsonpath.New("instance_types"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("L6H"), "cpu_cores": knownvalue.Int64Exact(64), "is_ha": knownvalue.Bool(true)}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("M6C"), "memory": knownvalue.Int64Exact(128)}),
				})),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_bmc_instance_types.ha", tfjsonpath.New("instance_types"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_bmc_images.ubuntu", tfjsonpath.New("images").AtSliceIndex(0).AtMapKey("catalog"), knownvalue.StringExact("ubuntu")),
				statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("instance_type_id"), knownvalue.StringExact("L6H")),
			},
		}},
	})
}

// The documentation's examples of the catalogue data sources apply together
// against the emulator, whose catalogue holds their zones, images and
// types; the instance types example orders the machine it picks.
func TestAccBMCCatalogDataSources_examples(t *testing.T) {
	acctest.SkipIfReal(t, "the examples name the emulator's catalogue (zones, images, types)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	cfg := acctest.ExamplesConfig(t, acctest.ZenlayerProviderConfig(emu),
		"data-sources/cloudcompute_zenlayer_bmc_zones/data-source.tf",
		"data-sources/cloudcompute_zenlayer_bmc_images/data-source.tf",
		"data-sources/cloudcompute_zenlayer_bmc_instance_types/data-source.tf",
	)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("bmc_zone_ids", knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownOutputValue("ubuntu_image_id", knownvalue.StringExact("img-ubuntu-2204")),
				statecheck.ExpectKnownValue("cloudcompute_zenlayer_bmc_instance.db", tfjsonpath.New("instance_type_id"), knownvalue.StringExact("L6H")),
			},
		}},
	})
}
