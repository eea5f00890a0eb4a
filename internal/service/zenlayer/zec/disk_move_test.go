package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// A detached zenlayercloud_zec_disk with the official default
// force_delete = false, moved with a configuration that leaves
// release_on_destroy at its own default (true): the only change the plan
// shows is release_on_destroy false → true, in place, which the apply
// records without changing the disk (the API is only read); after it the
// plan is empty.
func TestAccZECDiskMove_officialDefaults(t *testing.T) {
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
