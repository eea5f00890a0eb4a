package bmc_test

import (
	"fmt"
	"strconv"
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
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/bmc"
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
	acctest.SkipIfReal(t, "seeds the machine into the emulator and writes the official provider's state for it")
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
  password_wo             = "Tf-acc-Passw0rd"
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
					statecheck.ExpectKnownValue(address, tfjsonpath.New("password_wo"), knownvalue.Null()),
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

// The mapping of every attribute of the official state, without Terraform:
// a PREPAID machine on a traffic package, with SSH keys, RAID 5 (a string
// there), NIC names, a custom timeout, stopped, plus an attribute of a
// later official version, which is ignored.
func TestBMCInstanceMoveState_mapsTheOfficialAttributes(t *testing.T) {
	moved, d := acctest.MoveState(t, bmc.NewInstanceResource(), "zenlayercloud_bmc_instance", `{
		"availability_zone": "SEL-A", "create_time": "2024-05-01T00:00:00Z", "expired_time": "2024-08-01T00:00:00Z",
		"force_delete": true, "hostname": "db.example", "id": "1700000000042", "image_id": "img-ubuntu-2204",
		"image_name": "Ubuntu 22.04", "instance_charge_prepaid_period": 3, "instance_charge_type": "PREPAID",
		"instance_name": "db", "instance_status": "STOPPED", "instance_type_id": "S9I",
		"internet_charge_type": "ByTrafficPackage", "internet_max_bandwidth_out": 100,
		"nic_lan_name": "lan1", "nic_wan_name": "wan1", "partitions": [{"fs_type": "ext4", "fs_path": "/", "size": 100}],
		"password": "Old-Passw0rd!", "primary_ipv4_address": "203.0.113.9", "private_ip_addresses": ["10.0.0.9"],
		"public_ipv4_addresses": ["203.0.113.9"], "public_ipv6_addresses": [], "raid_config_custom": [],
		"raid_config_type": "5", "resource_group_id": "rg-1", "resource_group_name": "Default",
		"ssh_keys": ["ssh-ed25519 AAAAC3Nza test"], "subnet_id": "subnet-1",
		"timeouts": {"create": "2h", "update": null}, "traffic_package_size": 10.5, "boot_mode": "UEFI"
	}`, map[string]attr.Value{
		"id": types.StringValue("1700000000042"), "zone_id": types.StringValue("SEL-A"), "instance_type_id": types.StringValue("S9I"),
		"image_id": types.StringValue("img-ubuntu-2204"), "name": types.StringValue("db"), "hostname": types.StringValue("db.example"),
		"password_wo": types.StringNull(), "password_wo_version": types.Int64Null(),
		"partitions": types.ListValueMust(types.ObjectType{AttrTypes: partitionType}, []attr.Value{types.ObjectValueMust(partitionType, map[string]attr.Value{
			"fs_path": types.StringValue("/"), "fs_type": types.StringValue("ext4"), "size": types.Int64Value(100)})}),
		"custom_raids": types.ListNull(types.ObjectType{AttrTypes: customRaidType}), "user_data": types.StringNull(),
		"ssh_keys":             types.SetValueMust(types.StringType, []attr.Value{types.StringValue("ssh-ed25519 AAAAC3Nza test")}),
		"instance_charge_type": types.StringValue("PREPAID"), "period": types.Int64Value(3),
		"internet_charge_type": types.StringValue("ByTrafficPackage"), "internet_max_bandwidth_out": types.Int64Value(100),
		"traffic_package_size": types.Float64Value(10.5), "subnet_id": types.StringValue("subnet-1"), "raid_type": types.Int64Value(5),
		"nic_wan_name": types.StringValue("wan1"), "nic_lan_name": types.StringValue("lan1"), "resource_group_id": types.StringValue("rg-1"),
		"power_state": types.StringValue("stopped"), "release_on_destroy": types.BoolValue(true), "status": types.StringValue("STOPPED"),
		"primary_ipv4_address": types.StringValue("203.0.113.9"),
		"ipv6_addresses":       types.ListValueMust(types.StringType, []attr.Value{}),
		"expired_time":         types.StringValue("2024-08-01T00:00:00Z"), "auto_renew": types.BoolNull(),
	})
	if !moved || d.HasError() {
		t.Fatalf("moved %v: %v", moved, d)
	}
}

// partitionType and customRaidType are the object types of partitions and custom_raids.
var (
	partitionType  = map[string]attr.Type{"fs_path": types.StringType, "fs_type": types.StringType, "size": types.Int64Type}
	customRaidType = map[string]attr.Type{"raid_type": types.Int64Type, "disk_sequence": types.ListType{ElemType: types.Int64Type}}
)

// The official custom RAID layout (raid_type a string there) and a last
// partition without a size (0 there: the rest) are carried over.
func TestBMCInstanceMoveState_customRaidsAndPartitions(t *testing.T) {
	moved, d := acctest.MoveState(t, bmc.NewInstanceResource(), "zenlayercloud_bmc_instance", `{
		"id": "1700000000044", "instance_charge_type": "POSTPAID", "instance_status": "RUNNING",
		"raid_config_type": "", "raid_config_custom": [{"raid_type": "1", "disk_sequence": [1, 2]}, {"raid_type": "0", "disk_sequence": [3]}],
		"partitions": [{"fs_type": "ext4", "fs_path": "/", "size": 50}, {"fs_type": "ext4", "fs_path": "/data", "size": 0}],
		"user_data": "#!/bin/sh"
	}`, map[string]attr.Value{
		"raid_type": types.Int64Null(),
		"custom_raids": types.ListValueMust(types.ObjectType{AttrTypes: customRaidType}, []attr.Value{
			types.ObjectValueMust(customRaidType, map[string]attr.Value{"raid_type": types.Int64Value(1),
				"disk_sequence": types.ListValueMust(types.Int64Type, []attr.Value{types.Int64Value(1), types.Int64Value(2)})}),
			types.ObjectValueMust(customRaidType, map[string]attr.Value{"raid_type": types.Int64Value(0),
				"disk_sequence": types.ListValueMust(types.Int64Type, []attr.Value{types.Int64Value(3)})}),
		}),
		"partitions": types.ListValueMust(types.ObjectType{AttrTypes: partitionType}, []attr.Value{
			types.ObjectValueMust(partitionType, map[string]attr.Value{"fs_path": types.StringValue("/"), "fs_type": types.StringValue("ext4"), "size": types.Int64Value(50)}),
			types.ObjectValueMust(partitionType, map[string]attr.Value{"fs_path": types.StringValue("/data"), "fs_type": types.StringValue("ext4"), "size": types.Int64Null()}),
		}),
		"user_data": types.StringValue("#!/bin/sh"),
	})
	if !moved || d.HasError() {
		t.Fatalf("moved %v: %v", moved, d)
	}
}

// A POSTPAID machine's official state holds no period or traffic package
// that could be carried over, and force_delete's default (false) is kept.
func TestBMCInstanceMoveState_postpaidDefaults(t *testing.T) {
	moved, d := acctest.MoveState(t, bmc.NewInstanceResource(), "zenlayercloud_bmc_instance", `{
		"id": "1700000000043", "instance_charge_type": "POSTPAID", "instance_charge_prepaid_period": 0,
		"internet_charge_type": "ByBandwidth", "traffic_package_size": 0, "instance_status": "RUNNING",
		"image_id": "", "subnet_id": "", "raid_config_type": "", "ssh_keys": null, "timeouts": null
	}`, map[string]attr.Value{
		"period": types.Int64Null(), "traffic_package_size": types.Float64Null(), "release_on_destroy": types.BoolValue(false),
		"power_state": types.StringValue("running"), "image_id": types.StringNull(), "subnet_id": types.StringNull(),
		"raid_type": types.Int64Null(), "ssh_keys": types.SetNull(types.StringType),
	})
	if !moved || d.HasError() {
		t.Fatalf("moved %v: %v", moved, d)
	}
}
