package bmc_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

func TestAccBMCInstancesDataSource_filters(t *testing.T) {
	acctest.SkipIfReal(t, "seeds machines outside Terraform (another zone, a stopped one)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	// Fixtures outside Terraform: another zone, and a stopped one.
	other := emu.AddBMCInstance("HKG-A", "tf-acc-ds-hkg")
	stopped := emu.AddBMCInstance(testZone, "tf-acc-ds-stopped")
	emu.SetBMCInstanceStatus(stopped, "STOPPED")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-ds-managed", "running"), fmt.Sprintf(`
data "cloudcompute_zenlayer_bmc_instances" "by_id" {
  ids = [cloudcompute_zenlayer_bmc_instance.test.id, %[1]q, "404"]
}

data "cloudcompute_zenlayer_bmc_instances" "by_prefix_in_zone" {
  zone_id = %[2]q
  name    = "tf-acc-ds-*"
  depends_on = [cloudcompute_zenlayer_bmc_instance.test]
}

data "cloudcompute_zenlayer_bmc_instances" "stopped" {
  status = "STOPPED"
  depends_on = [cloudcompute_zenlayer_bmc_instance.test]
}

data "cloudcompute_zenlayer_bmc_instances" "none" {
  ids = []
}
`, other, testZone)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_bmc_instances.by_id", tfjsonpath.New("instances"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_bmc_instances.by_prefix_in_zone", tfjsonpath.New("instances"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_bmc_instances.stopped", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"id":          knownvalue.StringExact(stopped),
						"name":        knownvalue.StringExact("tf-acc-ds-stopped"),
						"status":      knownvalue.StringExact("STOPPED"),
						"zone_id":     knownvalue.StringExact(testZone),
						"image_id":    knownvalue.StringExact(testImage),
						"create_time": knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`)),
					}),
				})),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_bmc_instances.none", tfjsonpath.New("instances"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

// The documentation's examples of the resource and of the instances data
// source apply against the emulator, whose catalogue holds their zones,
// types, images, subnet and key pair: the resource's alone, then with the
// data source's, which finds its machines by tag, status and name prefix.
// The destroy releases what the example says it releases.
func TestAccBMCInstance_examples(t *testing.T) {
	acctest.SkipIfReal(t, "the examples name the emulator's catalogue (zones, images, subnet, key pair)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	examples := acctest.Examples(t,
		"resources/cloudcompute_zenlayer_bmc_instance/resource.tf",
		"data-sources/cloudcompute_zenlayer_bmc_instances/data-source.tf",
	)
	vars := config.Variables{"bmc_password": config.StringVariable("Examp1e-Passw0rd")}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkExampleDestroyed(emu),
		Steps: acctest.ExampleSteps(acctest.ZenlayerProviderConfig(emu), vars, examples, nil, []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("database_private_ips", knownvalue.MapExact(map[string]knownvalue.Check{
				"db-1": knownvalue.ListSizeExact(1),
			})),
			statecheck.ExpectKnownOutputValue("build_machine_ids", knownvalue.ListSizeExact(1)),
		}),
	})
}

// checkExampleDestroyed is the CheckDestroy of the resource example: db-1
// and storage-1 are released; scratch-1 (release_on_destroy = false) stays
// in the recycle bin; build-1, PREPAID, cannot be released early and stays
// until it expires.
func checkExampleDestroyed(emu *emulator.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		left := map[string]string{}
		for _, id := range emu.Inventory()["bmc_instance"] {
			v, _ := emu.BMCInstance(id)
			left[v.Name] = v.Status
		}
		if len(left) != 2 || left["scratch-1"] != "RECYCLE" || left["build-1"] == "" {
			return fmt.Errorf("after destroy the emulator holds %v, want scratch-1 in RECYCLE and build-1 only", left)
		}
		return nil
	}
}
