package bmc_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// expectUpdate is the plan check of an in-place change.
func expectUpdate() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)}}
}

// The installation arguments CreateInstances takes beyond the image:
// user_data, custom RAID disk groups and partitions (the last without a
// size: the rest of the disks). DescribeInstances reports the partitions
// and the RAID layout (they are read back, and a change made outside
// Terraform is drift); it never reports user_data, which an import adopts.
func TestAccBMCInstance_installOptions(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's own record of the machine")
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	config := func(dataSize string) string {
		return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = "M6C"
  image_id         = %[2]q
  name             = "tf-acc-install"
  password_wo      = "Tf-acc-Passw0rd"
  user_data        = "#!/bin/sh\necho hello > /tmp/hello\n"
  custom_raids = [
    { raid_type = 1, disk_sequence = [1, 2] },
    { raid_type = 0, disk_sequence = [3, 4] },
  ]
  partitions = [
    { fs_path = "/", fs_type = "ext4", size = 200 },
    { fs_path = "/data", fs_type = "ext4"%[3]s },
  ]
}
`, testZone, testImage, dataSize))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: config(""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("user_data"), knownvalue.StringExact("#!/bin/sh\necho hello > /tmp/hello\n")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("custom_raids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"raid_type": knownvalue.Int64Exact(1),
							"disk_sequence": knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(1), knownvalue.Int64Exact(2)})}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"raid_type": knownvalue.Int64Exact(0),
							"disk_sequence": knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(3), knownvalue.Int64Exact(4)})}),
					})),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("partitions").AtSliceIndex(1).AtMapKey("size"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("raid_type"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool {
					return v.UserData == "#!/bin/sh\necho hello > /tmp/hello\n" && len(v.CustomRaids) == 2 && len(v.Partitions) == 2 &&
						v.Partitions[0] == emulator.BMCPartitionView{FsPath: "/", FsType: "ext4", Size: 200} && v.Reinstalls == 0
				})),
			},
			{
				// The partitions changed outside Terraform: the refresh shows
				// it, and the plan puts them back by reinstalling in place.
				PreConfig: func() {
					emu.SetBMCInstancePartitions(id, []emulator.BMCPartitionView{{FsPath: "/", FsType: "ext4"}})
				},
				Config:             config(""),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
				}},
			},
			{
				Config:           config(""),
				ConfigPlanChecks: expectUpdate(),
				Check: checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool {
					return v.Reinstalls == 1 && len(v.Partitions) == 2 && v.Status == "RUNNING"
				}),
			},
			{
				// user_data is never reported: the import leaves it out,
				// and the configuration's value is adopted (see the import test).
				ResourceName:            instanceResourceName,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"user_data"},
			},
		},
	})
}

// Bandwidth, traffic package and subnet change in place: the same machine
// (same id), one API call each, no reinstall; a bandwidth changed outside
// Terraform (DescribeInstances reports it) is drift that the next apply
// puts back in place.
func TestAccBMCInstance_networkInPlace(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's own record of the machine")
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	config := func(bandwidth int, traffic, subnet string) string {
		if subnet != "" {
			subnet = fmt.Sprintf("subnet_id = %q", subnet)
		}
		return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id                    = %[1]q
  instance_type_id           = %[2]q
  image_id                   = %[3]q
  name                       = "tf-acc-network"
  key_id                     = "key-acc"
  internet_charge_type       = "ByTrafficPackage"
  internet_max_bandwidth_out = %[4]d
  traffic_package_size       = %[5]s
  %[6]s
}
`, testZone, testType, testImage, bandwidth, traffic, subnet))
	}
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config:            config(10, "10", "subnet-sel-a-1"),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id"))},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool {
					return v.Bandwidth == 10 && v.TrafficPackageSize == 10 && v.SubnetID == "subnet-sel-a-1"
				})),
			},
			{
				PreConfig:        emu.ResetLog,
				Config:           config(50, "12.5", "subnet-sel-a-2"),
				ConfigPlanChecks: expectUpdate(),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("internet_max_bandwidth_out"), knownvalue.Int64Exact(50)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("traffic_package_size"), knownvalue.Float64Exact(12.5)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("subnet_id"), knownvalue.StringExact("subnet-sel-a-2")),
				},
				Check: resource.ComposeTestCheckFunc(checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool {
					return v.Bandwidth == 50 && v.TrafficPackageSize == 12.5 && v.SubnetID == "subnet-sel-a-2" && v.Reinstalls == 0
				}), checkCalledOnce(emu, "bmc.ModifyInstanceBandwidth", "bmc.ModifyInstanceTrafficPackage", "bmc.UnAssociateSubnetInstance",
					"bmc.AssociateSubnetInstances"), checkNotCalled(emu, "bmc.CreateInstances", "bmc.ReinstallInstance", "bmc.TerminateInstance")),
			},
			{
				// Drift: the bandwidth changed behind Terraform's back.
				PreConfig:        func() { emu.SetBMCInstanceNetwork(id, 5, -1) },
				Config:           config(50, "12.5", "subnet-sel-a-2"),
				ConfigPlanChecks: expectUpdate(),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("internet_max_bandwidth_out"), knownvalue.Int64Exact(50)),
				},
				Check: checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool { return v.Bandwidth == 50 }),
			},
			{
				// Leaving the subnet.
				Config:           config(50, "12.5", ""),
				ConfigPlanChecks: expectUpdate(),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("subnet_id"), knownvalue.Null()),
				},
				Check: checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool { return v.SubnetID == "" }),
			},
		},
	})
}

// A new image and a new password_wo_version reinstall the same machine in
// place (ReinstallInstance with the new password), once; the plan warns
// that the disks are wiped; the machine, stopped before, is stopped again
// after the reinstall. A stopped machine cannot change its bandwidth: the
// plan says so.
func TestAccBMCInstance_reinstallInPlace(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's own record of the machine")
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	config := func(image string, version int, extra string) string {
		return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id             = %[1]q
  instance_type_id    = %[2]q
  image_id            = %[3]q
  name                = "tf-acc-reinstall"
  password_wo      = "Tf-acc-Pw0rd-%[4]d"
  password_wo_version = %[4]d
  power_state         = "stopped"
  %[5]s
}
`, testZone, testType, image, version, extra))
	}
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config:            config(testImage, 1, ""),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id"))},
				Check:             acctest.CaptureID(instanceResourceName, &id),
			},
			{
				PreConfig:        emu.ResetLog,
				Config:           config("img-debian-12", 2, ""),
				ConfigPlanChecks: expectUpdate(),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("image_id"), knownvalue.StringExact("img-debian-12")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("stopped")),
				},
				Check: resource.ComposeTestCheckFunc(checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool {
					return v.Reinstalls == 1 && v.ImageID == "img-debian-12" && v.Status == "STOPPED"
				}), checkCalledOnce(emu, "bmc.ReinstallInstance", "bmc.StopInstances"), checkNotCalled(emu, "bmc.CreateInstances", "bmc.TerminateInstance")),
			},
			{
				// Only the password: a reinstall too, with the same image.
				Config:           config("img-debian-12", 3, ""),
				ConfigPlanChecks: expectUpdate(),
				Check:            checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool { return v.Reinstalls == 2 && v.Status == "STOPPED" }),
			},
			{
				Config:      config("img-debian-12", 3, "internet_max_bandwidth_out = 20"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)A stopped BMC instance cannot change\s+internet_max_bandwidth_out`),
			},
		},
	})
}

// A reinstall whose answer is lost is not sent again: the machine is read,
// and INSTALLING says the call took effect; the apply waits for the
// reinstall and succeeds, with one ReinstallInstance in all.
func TestAccBMCInstance_reinstallAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's own record of the machine")
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	config := func(image string) string {
		return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  image_id         = %[3]q
  name             = "tf-acc-reinstall-lost"
  key_id           = "key-acc"
}
`, testZone, testType, image))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: config(testImage),
				Check:  resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), acctest.LoseAnswersOf(emu, "bmc.ReinstallInstance", true)),
			},
			{
				Config:           config("img-centos-79"),
				ConfigPlanChecks: expectUpdate(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("image_id"), knownvalue.StringExact("img-centos-79")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
				},
				Check: resource.ComposeTestCheckFunc(func(*terraform.State) error {
					return acctest.CheckAnswerLostOnce(emu, "bmc.ReinstallInstance")
				}, checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool { return v.Reinstalls == 1 && v.ImageID == "img-centos-79" })),
			},
		},
	})
}

// checkCalledOnce checks that each action was called exactly once since the log was reset.
func checkCalledOnce(emu *emulator.Server, actions ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, a := range actions {
			if n := countCalls(emu, a); n != 1 {
				return fmt.Errorf("%s was called %d times since the log was reset, want 1", a, n)
			}
		}
		return nil
	}
}

// checkNotCalled checks that none of the actions was called since the log was reset.
func checkNotCalled(emu *emulator.Server, actions ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, a := range actions {
			if n := countCalls(emu, a); n != 0 {
				return fmt.Errorf("%s was called %d times since the log was reset, want none", a, n)
			}
		}
		return nil
	}
}

// countCalls counts the logged calls of "service.Action".
func countCalls(emu *emulator.Server, action string) int {
	n := 0
	for _, e := range emu.Log() {
		if e.API+"."+e.Action == action {
			n++
		}
	}
	return n
}
