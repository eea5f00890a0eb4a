package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

func TestAccZECInstancesDataSource_basic(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	name := acctest.RandomName("listed")
	var other string
	if tg.Emu != nil {
		// Another instance, outside Terraform, that no filter may take.
		other = tg.Emu.AddZECInstance("na-west-1a", "tf-acc-fixture")
	}
	byName := "data.cloudcompute_zenlayer_zec_instances.by_name"
	byID := "data.cloudcompute_zenlayer_zec_instances.by_id"
	stopped := "data.cloudcompute_zenlayer_zec_instances.stopped"
	none := "data.cloudcompute_zenlayer_zec_instances.none"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesNotFound(tg),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(ids, name, "stopped", ""), fmt.Sprintf(`
data "cloudcompute_zenlayer_zec_instances" "by_name" {
  name       = %[1]q
  depends_on = [cloudcompute_zenlayer_zec_instance.test]
}

data "cloudcompute_zenlayer_zec_instances" "by_id" {
  ids = [cloudcompute_zenlayer_zec_instance.test.id, "zec-unknown"]
}

data "cloudcompute_zenlayer_zec_instances" "stopped" {
  zone_id    = %[2]q
  status     = "STOPPED"
  name       = %[1]q
  depends_on = [cloudcompute_zenlayer_zec_instance.test]
}

data "cloudcompute_zenlayer_zec_instances" "none" {
  ids = []
}
`, name, ids.Zone)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("instances"), knownvalue.ListSizeExact(1)),
				statecheck.CompareValuePairs(byName, tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("id"), instanceResourceName, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("instances").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name":           knownvalue.StringExact(name),
					"zone_id":        knownvalue.StringExact(ids.Zone),
					"instance_type":  knownvalue.StringExact(ids.InstanceType),
					"cpu":            tg.Known(knownvalue.Int64Exact(1)),
					"memory":         tg.Known(knownvalue.Int64Exact(2)),
					"status":         knownvalue.StringExact("STOPPED"),
					"key_id":         knownvalue.StringExact(ids.KeyID),
					"image_name":     knownvalue.NotNull(),
					"data_disk_ids":  knownvalue.ListSizeExact(0),
					"system_disk_id": knownvalue.NotNull(),
				})),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("instances"), knownvalue.ListSizeExact(1)),
				statecheck.CompareValuePairs(byID, tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("system_disk_id"), instanceResourceName, tfjsonpath.New("system_disk_id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(stopped, tfjsonpath.New("instances"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue(none, tfjsonpath.New("instances"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
	if tg.Emu != nil {
		if _, ok := tg.Emu.ZECInstance(other); !ok {
			t.Errorf("the fixture instance %s was touched", other)
		}
	}
}

// The documentation's examples of the instance resource and of the
// instances and disks data sources apply against the emulator, whose
// catalogue holds their zone, types, images, subnet, security group and key
// pair: the resource's alone, then with the data sources', which find its
// stopped worker, its tagged web server and the disk attached to it.
func TestAccZECInstance_examples(t *testing.T) {
	acctest.SkipIfReal(t, "the examples name the emulator's catalogue (zone, images, subnet, key pair)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	examples := acctest.Examples(t,
		"resources/cloudcompute_zenlayer_zec_instance/resource.tf",
		"data-sources/cloudcompute_zenlayer_zec_instances/data-source.tf",
		"data-sources/cloudcompute_zenlayer_zec_disks/data-source.tf",
	)
	vars := config.Variables{"root_password": config.StringVariable("Example-Passw0rd")}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeAggregateTestCheckFunc(checkInstancesGone(emu), checkDisksGone(emu)),
		Steps: acctest.ExampleSteps(acctest.ZenlayerProviderConfig(emu), vars, examples, nil, []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("stopped_worker_ids", knownvalue.ListSizeExact(1)),
			statecheck.ExpectKnownOutputValue("web_private_ips", knownvalue.MapExact(map[string]knownvalue.Check{
				"web-1": knownvalue.ListSizeExact(1),
			})),
			statecheck.ExpectKnownOutputValue("web_data_disk_gib", knownvalue.Int64Exact(100)),
		}),
	})
}
