package bmc_test

import (
	"fmt"
	"strconv"
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

// A BMC machine made and managed by the official provider
// (zenlayercloud_bmc_instance, with a password and the default
// force_delete = false), taken over with a moved block, as
// docs/guides/migrating-from-zenlayercloud.md says. With the configuration
// translated attribute by attribute (the password stays, write-only;
// release_on_destroy = false for force_delete = false) the plan moves it
// without any change and the API is only read. Then password_wo_version,
// which the official provider had no equivalent of, is added: as after an
// import it is adopted in place, never a reinstall, and the plan after it
// is empty. Destroy then leaves the machine in the recycle bin, as the
// official provider did with force_delete = false.
func TestAccBMCInstanceMove_fromOfficial(t *testing.T) {
	acctest.PreCheck(t)
	acctest.UseOfficialZenlayerStub(t)
	emu := acctest.StartEmulator(t, emulator.Options{})
	inst, err := acctest.ZenlayerClient(t, emu).FindBMCInstance(t.Context(), emu.AddBMCInstance(testZone, "db-official"))
	if err != nil {
		t.Fatal(err)
	}
	raid, extra := "", ""
	if inst.RaidConfig != nil && inst.RaidConfig.RaidType != nil {
		raid = strconv.Itoa(*inst.RaidConfig.RaidType)
		extra += "  raid_type = " + raid + "\n"
	}
	if len(inst.SubnetIDs) > 0 {
		extra += fmt.Sprintf("  subnet_id = %q\n", inst.SubnetIDs[0])
	}
	emu.ResetLog()

	const address = "cloudcompute_zenlayer_bmc_instance.db"
	provider := acctest.ZenlayerProviderConfig(emu)
	config := func(more string) string {
		return acctest.ConfigCompose(provider, fmt.Sprintf(`
moved {
  from = zenlayercloud_bmc_instance.db
  to   = cloudcompute_zenlayer_bmc_instance.db
}

resource "cloudcompute_zenlayer_bmc_instance" "db" {
  zone_id              = %[1]q
  instance_type_id     = %[2]q
  image_id             = %[3]q
  name                 = %[4]q
  hostname             = %[5]q
  internet_charge_type = %[6]q
  password             = "Tf-acc-Passw0rd"
  release_on_destroy   = false
%[7]s}
`, inst.ZoneID, inst.InstanceTypeID, inst.ImageID, inst.InstanceName, inst.Hostname, inst.InternetChargeType, extra+more))
	}
	readsOnly := func(*terraform.State) error { return acctest.AllActionsStartWith(emu.Actions(""), "bmc.Describe") }
	var dir string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// release_on_destroy = false, as force_delete = false was: destroy
		// leaves the machine in the recycle bin.
		CheckDestroy: func(*terraform.State) error {
			if v, ok := emu.BMCInstance(inst.InstanceID); !ok || v.Status != "RECYCLE" {
				return fmt.Errorf("instance %s: %+v (present %v), want it in the recycle bin", inst.InstanceID, v, ok)
			}
			return nil
		},
		Steps: []resource.TestStep{
			acctest.WorkingDirStep(provider, &dir),
			{
				PreConfig: func() {
					acctest.WriteState(t, dir, acctest.StateTemplate{Path: "testdata/move/zenlayercloud_bmc_instance.state.tmpl", Data: map[string]any{
						"Name": "db", "Instance": inst, "Password": "Tf-acc-Passw0rd", "ForceDelete": false, "RaidType": raid,
					}})
				},
				Config: config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{acctest.ExpectMovePlan([]acctest.Move{
						{From: "zenlayercloud_bmc_instance.db", To: address},
					})},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("id"), knownvalue.StringExact(inst.InstanceID)),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("password_wo_version"), knownvalue.Null()),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("ssh_keys"), knownvalue.Null()),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("release_on_destroy"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("instance_charge_type"), knownvalue.StringExact(inst.InstanceChargeType)),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("internet_max_bandwidth_out"), knownvalue.Int64Exact(inst.BandwidthOutMbps)),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("primary_ipv4_address"), knownvalue.StringExact(inst.PrimaryPublicIPAddress)),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("timeouts"), knownvalue.Null()),
				},
				Check: readsOnly,
			},
			{
				Config: config("  password_wo_version = 1\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{acctest.ExpectMovePlan([]acctest.Move{
						{To: address, Changed: []string{"password_wo_version"}},
					})},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("id"), knownvalue.StringExact(inst.InstanceID)),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
				},
				Check: readsOnly,
			},
		},
	})
}
