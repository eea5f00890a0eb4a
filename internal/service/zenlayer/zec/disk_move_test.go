package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zec"
)

// A detached zenlayercloud_zec_disk with the official default
// force_delete = false, moved with a configuration that leaves
// release_on_destroy at its own default (true): the only change the plan
// shows is release_on_destroy false → true, in place, which the apply
// records without changing the disk (the API is only read); after it the
// plan is empty.
func TestAccZECDiskMove_officialDefaults(t *testing.T) {
	acctest.SkipIfReal(t, "seeds the disk into the emulator and writes the official provider's state for it")
	acctest.PreCheck(t)
	acctest.UseOfficialZenlayerStub(t)
	emu := acctest.StartEmulator(t, emulator.Options{})
	disk := seedOfficialDisk(t, acctest.ZenlayerClient(t, emu), "logs-official", 60, "")
	emu.ResetLog()

	provider := acctest.ZenlayerProviderConfig(emu)
	var dir string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{
			acctest.WorkingDirStep(provider, &dir),
			{
				PreConfig: func() {
					acctest.WriteState(t, dir, acctest.StateTemplate{Path: "testdata/move/zenlayercloud_zec_disk.state.tmpl", Data: map[string]any{
						"Name": "logs", "Disk": disk, "ForceDelete": false,
					}})
				},
				Config: acctest.ConfigCompose(provider, fmt.Sprintf(`
moved {
  from = zenlayercloud_zec_disk.logs
  to   = cloudcompute_zenlayer_zec_disk.logs
}

resource "cloudcompute_zenlayer_zec_disk" "logs" {
  zone_id  = %[1]q
  name     = %[2]q
  size     = %[3]d
  category = %[4]q
}
`, disk.ZoneID, disk.DiskName, disk.DiskSize, disk.DiskCategory)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{acctest.ExpectMovePlan([]acctest.Move{
						{From: "zenlayercloud_zec_disk.logs", To: "cloudcompute_zenlayer_zec_disk.logs", Changed: []string{"release_on_destroy"}},
					})},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.logs", tfjsonpath.New("id"), knownvalue.StringExact(disk.DiskID)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.logs", tfjsonpath.New("release_on_destroy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.logs", tfjsonpath.New("instance_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.logs", tfjsonpath.New("status"), knownvalue.StringExact("AVAILABLE")),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.logs", tfjsonpath.New("timeouts"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					return acctest.AllActionsStartWith(emu.Actions(""), "zec.Describe")
				},
			},
		},
	})
}

// The mapping of the official disk's state, without Terraform: force_delete
// = true keeps releasing from the recycle bin; what the official disk has no
// attribute for (instance_id, status) waits for the refresh.
func TestZECDiskMoveState_mapsTheOfficialAttributes(t *testing.T) {
	moved, d := acctest.MoveState(t, zec.NewDiskResource(), "zenlayercloud_zec_disk", `{
		"availability_zone": "asia-east-1a", "create_time": "2024-05-01T00:00:00Z", "disk_category": "Standard NVMe SSD",
		"disk_name": "data", "disk_size": 80, "disk_type": "DATA", "force_delete": true, "id": "disk-7",
		"resource_group_id": "rg-1", "snapshot_policy_id": "sp-1"
	}`, map[string]attr.Value{
		"id": types.StringValue("disk-7"), "zone_id": types.StringValue("asia-east-1a"), "name": types.StringValue("data"),
		"size": types.Int64Value(80), "category": types.StringValue("Standard NVMe SSD"), "disk_type": types.StringValue("DATA"),
		"resource_group_id": types.StringValue("rg-1"), "create_time": types.StringValue("2024-05-01T00:00:00Z"),
		"release_on_destroy": types.BoolValue(true), "force_detach": types.BoolValue(false),
		"instance_id": types.StringNull(), "status": types.StringNull(),
	})
	if !moved || d.HasError() {
		t.Fatalf("moved %v: %v", moved, d)
	}
}
