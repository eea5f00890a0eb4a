package zec_test

import (
	"context"
	"fmt"
	"testing"
	"time"

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
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The official provider's password of the seeded instance: in its state,
// and write-only (configuration only) here.
const officialPassword = "Old-Passw0rd"

// A ZEC instance with a data disk attached, made and managed by the
// official provider (zenlayercloud_zec_instance, zenlayercloud_zec_disk
// and zenlayercloud_zec_disk_attachment), taken over with moved blocks
// and a removed block, as docs/guides/migrating-from-zenlayercloud.md
// says: with the configuration translated attribute by attribute, the
// plan moves both and forgets the attachment without any other change,
// the state holds what the official state and the API say (the
// configured timeout, force_delete as release_on_destroy, the attachment
// as the disk's instance_id, no password), the plan after the apply is
// empty, and the API is only read.
func TestAccZECInstanceMove_fromOfficial(t *testing.T) {
	acctest.SkipIfReal(t, "seeds the instance into the emulator and writes the official provider's state for it")
	acctest.PreCheck(t)
	acctest.UseOfficialZenlayerStub(t)
	emu := acctest.StartEmulator(t, emulator.Options{})
	conn := acctest.ZenlayerClient(t, emu)
	inst := seedOfficialInstance(t, emu, conn, "web-official")
	disk := seedOfficialDisk(t, conn, "data-official", 40, inst.InstanceID)
	emu.ResetLog()

	provider := acctest.ZenlayerProviderConfig(emu)
	var dir string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkInstancesGone(emu), checkDisksGone(emu)),
		Steps: []resource.TestStep{
			acctest.WorkingDirStep(provider, &dir),
			{
				PreConfig: func() {
					acctest.WriteState(t, dir,
						acctest.StateTemplate{Path: "testdata/move/zenlayercloud_zec_instance.state.tmpl", Data: map[string]any{
							"Name": "web", "Instance": inst, "Password": officialPassword, "CreateTimeout": "30m",
						}},
						acctest.StateTemplate{Path: "testdata/move/zenlayercloud_zec_disk.state.tmpl", Data: map[string]any{
							"Name": "data", "Disk": disk, "ForceDelete": false,
						}},
						acctest.StateTemplate{Path: "testdata/move/zenlayercloud_zec_disk_attachment.state.tmpl", Data: map[string]any{
							"Name": "data", "Disk": "data", "Instance": "web", "DiskID": disk.DiskID, "InstanceID": inst.InstanceID,
						}})
				},
				Config: acctest.ConfigCompose(provider, fmt.Sprintf(`
moved {
  from = zenlayercloud_zec_instance.web
  to   = cloudcompute_zenlayer_zec_instance.web
}

moved {
  from = zenlayercloud_zec_disk.data
  to   = cloudcompute_zenlayer_zec_disk.data
}

removed {
  from = zenlayercloud_zec_disk_attachment.data
  lifecycle {
    destroy = false
  }
}

resource "cloudcompute_zenlayer_zec_instance" "web" {
  zone_id       = %[1]q
  instance_type = %[2]q
  image_id      = %[3]q
  subnet_id     = %[4]q
  name          = %[5]q
  password_wo   = %[6]q
  system_disk   = { size = %[7]d }
  timeouts      = { create = "30m" }
}

resource "cloudcompute_zenlayer_zec_disk" "data" {
  zone_id            = %[1]q
  name               = %[8]q
  size               = %[9]d
  instance_id        = cloudcompute_zenlayer_zec_instance.web.id
  release_on_destroy = false
}
`, inst.ZoneID, inst.InstanceType, inst.ImageID, inst.SubnetID, inst.InstanceName, officialPassword, inst.SystemDisk.DiskSize,
					disk.DiskName, disk.DiskSize)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{acctest.ExpectMovePlan([]acctest.Move{
						{From: "zenlayercloud_zec_instance.web", To: "cloudcompute_zenlayer_zec_instance.web"},
						{From: "zenlayercloud_zec_disk.data", To: "cloudcompute_zenlayer_zec_disk.data"},
					}, "zenlayercloud_zec_disk_attachment.data")},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("id"), knownvalue.StringExact(inst.InstanceID)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("name"), knownvalue.StringExact(inst.InstanceName)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("key_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("release_on_destroy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("force_shutdown"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("system_disk_id"), knownvalue.StringExact(inst.SystemDisk.DiskID)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("data_disk_ids"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(disk.DiskID)})),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_instance.web", tfjsonpath.New("timeouts"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"create": knownvalue.StringExact("30m"), "update": knownvalue.Null(), "delete": knownvalue.Null(),
					})),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.data", tfjsonpath.New("id"), knownvalue.StringExact(disk.DiskID)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.data", tfjsonpath.New("instance_id"), knownvalue.StringExact(inst.InstanceID)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.data", tfjsonpath.New("release_on_destroy"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.data", tfjsonpath.New("status"), knownvalue.StringExact("IN_USE")),
				},
				Check: func(*terraform.State) error {
					return acctest.AllActionsStartWith(emu.Actions(""), "zec.Describe")
				},
			},
		},
	})
}

// seedOfficialInstance places a running instance in the emulator, as the
// official provider would have made it, and returns what the API answers
// for it (what the official Read put in its state).
func seedOfficialInstance(t *testing.T, emu *emulator.Server, conn *zenlayer.Client, name string) *zenlayer.Instance {
	t.Helper()
	inst, err := conn.FindZECInstance(t.Context(), emu.AddZECInstance(testZone, name))
	if err != nil {
		t.Fatal(err)
	}
	if inst.SystemDisk == nil {
		t.Fatalf("the seeded instance %s has no system disk", inst.InstanceID)
	}
	return inst
}

// seedOfficialDisk creates a data disk through the API (attached to
// instanceID unless it is empty), waits until it settles and returns what
// the API answers for it.
func seedOfficialDisk(t *testing.T, conn *zenlayer.Client, name string, size int64, instanceID string) *zenlayer.Disk {
	t.Helper()
	ids, err := conn.CreateDisks(t.Context(), zenlayer.CreateDisksRequest{ZoneID: testZone, DiskName: name, DiskSize: size, InstanceID: instanceID})
	if err != nil || len(ids) != 1 {
		t.Fatalf("creating the disk: %v %v", ids, err)
	}
	want := zenlayer.DiskStatusAvailable
	if instanceID != "" {
		want = zenlayer.DiskStatusInUse
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	for {
		d, err := conn.FindDisk(ctx, ids[0])
		if err == nil && d.DiskStatus == want {
			return d
		}
		select {
		case <-ctx.Done():
			t.Fatalf("disk %s did not become %s: %v %v", ids[0], want, d, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// The mapping of every attribute of the official state, without Terraform:
// a stopped instance with a key pair (and the password's empty string),
// force_delete = false and a custom timeout, plus an attribute of a later
// official version, which is ignored.
func TestZECInstanceMoveState_mapsTheOfficialAttributes(t *testing.T) {
	moved, d := acctest.MoveState(t, zec.NewInstanceResource(), "zenlayercloud_zec_instance", `{
		"availability_zone": "asia-east-1a", "cpu": 2, "create_time": "2024-05-01T00:00:00Z", "disable_qga_agent": true,
		"enable_ip_forwarding": true, "force_delete": false, "id": "zec-42", "image_id": "ubuntu-22.04",
		"image_name": "Ubuntu 22.04", "instance_name": "web", "instance_status": "STOPPED", "instance_type": "z2a.cpu.2",
		"key_id": "key-1", "memory": 4, "password": "", "private_ip_addresses": ["10.0.0.2"], "public_ip_addresses": [],
		"resource_group_id": "rg-1", "resource_group_name": "Default", "running_flag": false, "subnet_id": "subnet-1",
		"system_disk_category": "Standard NVMe SSD", "system_disk_id": "disk-sys", "system_disk_size": 40,
		"time_zone": "Asia/Singapore", "timeouts": {"create": "30m", "update": "10m"}, "security_group_ids": ["sg-1"]
	}`, map[string]attr.Value{
		"id": types.StringValue("zec-42"), "zone_id": types.StringValue("asia-east-1a"), "instance_type": types.StringValue("z2a.cpu.2"),
		"image_id": types.StringValue("ubuntu-22.04"), "image_name": types.StringValue("Ubuntu 22.04"), "name": types.StringValue("web"),
		"password_wo": types.StringNull(), "password_wo_version": types.Int64Null(), "user_data": types.StringNull(),
		"enable_agent": types.BoolValue(false), "enable_ip_forwarding": types.BoolValue(true), "nested_virtualization": types.BoolNull(),
		"lan_ip": types.StringNull(), "key_id": types.StringValue("key-1"), "subnet_id": types.StringValue("subnet-1"),
		"security_group_id": types.StringNull(), "resource_group_id": types.StringValue("rg-1"), "time_zone": types.StringValue("Asia/Singapore"),
		"power_state": types.StringValue("stopped"), "force_shutdown": types.BoolValue(false), "release_on_destroy": types.BoolValue(false),
		"status": types.StringValue("STOPPED"), "cpu": types.Int64Value(2), "memory": types.Int64Value(4),
		"private_ip_addresses": types.ListValueMust(types.StringType, []attr.Value{types.StringValue("10.0.0.2")}),
		"public_ip_addresses":  types.ListValueMust(types.StringType, []attr.Value{}),
		"system_disk": types.ObjectValueMust(map[string]attr.Type{"size": types.Int64Type, "category": types.StringType}, map[string]attr.Value{
			"size": types.Int64Value(40), "category": types.StringValue("Standard NVMe SSD"),
		}),
		"system_disk_id": types.StringValue("disk-sys"), "create_time": types.StringValue("2024-05-01T00:00:00Z"),
	})
	if !moved || d.HasError() {
		t.Fatalf("moved %v: %v", moved, d)
	}
}

// A source of another type, or from another provider, is not taken: the
// framework then reports that the resource cannot move it.
func TestZECInstanceMoveState_takesOnlyItsOwnSource(t *testing.T) {
	for _, source := range []string{"zenlayercloud_zec_disk", "zenlayercloud_instance"} {
		if moved, d := acctest.MoveState(t, zec.NewInstanceResource(), source, `{"id": "x-1"}`, nil); moved || d.HasError() {
			t.Errorf("%s: moved %v (%v), want it left to the framework", source, moved, d)
		}
	}
}
