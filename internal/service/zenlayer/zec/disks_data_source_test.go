package zec_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

func TestAccZECDisksDataSource_filters(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	alpha, beta := acctest.RandomName("ds-alpha"), acctest.RandomName("ds-beta")
	config := acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(ids, acctest.RandomName("ds-host"), "running", ""), fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_disk" "a" {
  zone_id = %[1]q
  name    = %[2]q
  size    = 20
}

resource "cloudcompute_zenlayer_zec_disk" "b" {
  zone_id = %[1]q
  name    = %[3]q
  size    = 30
}

data "cloudcompute_zenlayer_zec_disks" "by_ids" {
  ids = [cloudcompute_zenlayer_zec_disk.b.id, cloudcompute_zenlayer_zec_disk.a.id]
}

data "cloudcompute_zenlayer_zec_disks" "by_name" {
  name       = %[2]q
  depends_on = [cloudcompute_zenlayer_zec_disk.a, cloudcompute_zenlayer_zec_disk.b]
}

data "cloudcompute_zenlayer_zec_disks" "system" {
  zone_id     = %[1]q
  disk_type   = "SYSTEM"
  instance_id = cloudcompute_zenlayer_zec_instance.test.id
  depends_on  = [cloudcompute_zenlayer_zec_disk.a]
}

data "cloudcompute_zenlayer_zec_disks" "none" {
  ids = []
}
`, ids.Zone, alpha, beta))
	system := "data.cloudcompute_zenlayer_zec_disks.system"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkDisksDestroyed(tg), checkInstancesDestroyed(tg)),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_disks.by_ids", tfjsonpath.New("disks"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_disks.by_name", tfjsonpath.New("disks"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"name": knownvalue.StringExact(alpha), "size": knownvalue.Int64Exact(20),
							"status": knownvalue.StringExact("AVAILABLE"), "disk_type": knownvalue.StringExact("DATA"),
						}),
					})),
					statecheck.ExpectKnownValue(system, tfjsonpath.New("disks"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"portable": knownvalue.Bool(false), "disk_type": knownvalue.StringExact("SYSTEM")}),
					})),
					statecheck.CompareValuePairs(system, tfjsonpath.New("disks").AtSliceIndex(0).AtMapKey("id"),
						instanceResourceName, tfjsonpath.New("system_disk_id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(system, tfjsonpath.New("disks").AtSliceIndex(0).AtMapKey("instance_id"),
						instanceResourceName, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_disks.none", tfjsonpath.New("disks"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}

func TestAccZECDisksDataSource_validation(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), `
data "cloudcompute_zenlayer_zec_disks" "bad" {
  status = "SLEEPING"
}
`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)status.*value must be one of`),
			},
		},
	})
}
