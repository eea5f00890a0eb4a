package zec_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

func TestAccZECInstancesDataSource_basic(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	other := emu.AddZECInstance("na-west-1a", "tf-acc-fixture")
	byName := "data.cloudcompute_zenlayer_zec_instances.by_name"
	byID := "data.cloudcompute_zenlayer_zec_instances.by_id"
	stopped := "data.cloudcompute_zenlayer_zec_instances.stopped"
	none := "data.cloudcompute_zenlayer_zec_instances.none"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-listed", "stopped", ""), `
data "cloudcompute_zenlayer_zec_instances" "by_name" {
  name       = "acc-list"
  depends_on = [cloudcompute_zenlayer_zec_instance.test]
}

data "cloudcompute_zenlayer_zec_instances" "by_id" {
  ids = [cloudcompute_zenlayer_zec_instance.test.id, "zec-unknown"]
}

data "cloudcompute_zenlayer_zec_instances" "stopped" {
  zone_id    = "asia-east-1a"
  status     = "STOPPED"
  depends_on = [cloudcompute_zenlayer_zec_instance.test]
}

data "cloudcompute_zenlayer_zec_instances" "none" {
  ids = []
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("instances"), knownvalue.ListSizeExact(1)),
				statecheck.CompareValuePairs(byName, tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("id"), instanceResourceName, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("instances").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name":           knownvalue.StringExact("tf-acc-listed"),
					"zone_id":        knownvalue.StringExact(testZone),
					"instance_type":  knownvalue.StringExact("z2a.cpu.1"),
					"cpu":            knownvalue.Int64Exact(1),
					"memory":         knownvalue.Int64Exact(2),
					"status":         knownvalue.StringExact("STOPPED"),
					"key_id":         knownvalue.StringExact("key-acc"),
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
	if _, ok := emu.ZECInstance(other); !ok {
		t.Errorf("the fixture instance %s was touched", other)
	}
}
