package bmc_test

import (
	"fmt"
	"regexp"
	"slices"
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

const (
	instanceResourceName = "cloudcompute_zenlayer_bmc_instance.test"
	testZone             = "SEL-A"
	testType             = "S9I"
	testImage            = "img-ubuntu-2204"
)

func TestAccBMCInstance_basic(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			// Destroy went Terminate → (RECYCLE) → Release → (gone), in that order.
			// The emulator releases only recycled instances, so a successful
			// ReleaseInstances proves the instance was in the recycle bin.
			if got := emu.Actions(id); !acctest.ContainsInOrder(got, "bmc.TerminateInstance", "bmc.DescribeInstances", "bmc.ReleaseInstances", "bmc.DescribeInstances") {
				return fmt.Errorf("emulator saw %v for %s, want TerminateInstance, DescribeInstances, ReleaseInstances, DescribeInstances", got, id)
			}
			if !slices.ContainsFunc(emu.Log(), func(e emulator.LogEntry) bool {
				return e.Action == "ReleaseInstances" && e.Status == 200 && slices.Contains(e.IDs, id)
			}) {
				return fmt.Errorf("ReleaseInstances of %s did not succeed: %v", id, emu.Log())
			}
			return checkInstancesGone(emu)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  image_id         = %[3]q
  name             = "tf-acc-basic"
  hostname         = "tf-acc-basic.example"
  password         = "Tf-acc-Passw0rd"
}
`, testZone, testType, testImage)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("name"), knownvalue.StringExact("tf-acc-basic")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("hostname"), knownvalue.StringExact("tf-acc-basic.example")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("instance_charge_type"), knownvalue.StringExact("POSTPAID")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("internet_charge_type"), knownvalue.StringExact("ByBandwidth")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("internet_max_bandwidth_out"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("nic_wan_name"), knownvalue.StringExact("wan0")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("period"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("expired_time"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("release_on_destroy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("primary_ipv4_address"), knownvalue.StringRegexp(regexp.MustCompile(`^203\.0\.`))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("private_ip_addresses"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("create_time"), knownvalue.NotNull()),
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
					v, ok := emu.BMCInstance(id)
					if !ok || v.Status != "RUNNING" || v.Name != "tf-acc-basic" || v.ImageID != testImage {
						return fmt.Errorf("emulator has %+v (present %v)", v, ok)
					}
					return nil
				}),
			},
			{
				ResourceName:      instanceResourceName,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
	if n := emu.CallCount("bmc.CreateInstances"); n != 1 {
		t.Errorf("CreateInstances was called %d times, want 1", n)
	}
}

func TestAccBMCInstance_update(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	update := resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)},
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config:            acctest.ConfigCompose(provider, instanceConfig("tf-acc-update", "running")),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id"))},
				Check:             acctest.CaptureID(instanceResourceName, &id),
			},
			{
				// Rename in place.
				Config:           acctest.ConfigCompose(provider, instanceConfig("tf-acc-renamed", "running")),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("name"), knownvalue.StringExact("tf-acc-renamed")),
				},
				Check: checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool { return v.Name == "tf-acc-renamed" }),
			},
			{
				// Power off in place.
				Config:           acctest.ConfigCompose(provider, instanceConfig("tf-acc-renamed", "stopped")),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("stopped")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("STOPPED")),
				},
				Check: checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool { return v.Status == "STOPPED" }),
			},
			{
				// Power on in place.
				Config:           acctest.ConfigCompose(provider, instanceConfig("tf-acc-renamed", "running")),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
				},
				Check: checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool { return v.Status == "RUNNING" }),
			},
			{
				// Powered off outside Terraform: the plan powers it on again, in place.
				PreConfig:        func() { emu.SetBMCInstanceStatus(id, "STOPPED") },
				Config:           acctest.ConfigCompose(provider, instanceConfig("tf-acc-renamed", "running")),
				ConfigPlanChecks: update,
				Check:            checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool { return v.Status == "RUNNING" }),
			},
			{
				// The hostname is set at installation: changing it replaces the machine.
				Config: acctest.ConfigCompose(provider, fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  name             = "tf-acc-renamed"
  hostname         = "other"
}
`, testZone, testType)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
			},
		},
	})
	for _, action := range []string{"bmc.ModifyInstancesAttribute", "bmc.StopInstances"} {
		if n := emu.CallCount(action); n != 1 {
			t.Errorf("%s was called %d times, want 1", action, n)
		}
	}
	if n := emu.CallCount("bmc.StartInstances"); n != 2 {
		t.Errorf("StartInstances was called %d times, want 2", n)
	}
	if n := emu.CallCount("bmc.CreateInstances"); n != 2 {
		t.Errorf("CreateInstances was called %d times, want 2 (the create and the hostname replacement)", n)
	}
}

// A destroy that finds the instance already in the recycle bin (terminated
// outside Terraform, or by a destroy that was interrupted) releases it.
func TestAccBMCInstance_destroyReleasesRecycled(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			got := emu.Actions(id)
			if !slices.Contains(got, "bmc.ReleaseInstances") || slices.Contains(got, "bmc.TerminateInstance") {
				return fmt.Errorf("emulator saw %v for %s, want a ReleaseInstances and no TerminateInstance", got, id)
			}
			return checkInstancesGone(emu)(s)
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-recycled", "running")),
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
				emu.SetBMCInstanceStatus(id, "RECYCLE")
				return nil
			}),
			// The refresh keeps the recycled instance and the plan replaces it.
			ExpectNonEmptyPlan: true,
		}},
	})
}

// An instance terminated outside Terraform is replaced by the next apply;
// the old machine is released from the recycle bin, not terminated again.
func TestAccBMCInstance_recycledIsReplaced(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	var oldID, newID string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, instanceConfig("tf-acc-replaced", "running")),
				Check:  acctest.CaptureID(instanceResourceName, &oldID),
			},
			{
				PreConfig: func() { emu.SetBMCInstanceStatus(oldID, "RECYCLE") },
				Config:    acctest.ConfigCompose(provider, instanceConfig("tf-acc-replaced", "running")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &newID), func(*terraform.State) error {
					if newID == oldID {
						return fmt.Errorf("instance %s was not replaced", oldID)
					}
					if _, ok := emu.BMCInstance(oldID); ok {
						return fmt.Errorf("old instance %s was not released", oldID)
					}
					if slices.Contains(emu.Actions(oldID), "bmc.TerminateInstance") {
						return fmt.Errorf("old instance %s was terminated again", oldID)
					}
					return nil
				}),
			},
		},
	})
}

// release_on_destroy = false leaves the instance in the recycle bin.
func TestAccBMCInstance_keepInRecycleBin(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if v, ok := emu.BMCInstance(id); !ok || v.Status != "RECYCLE" {
				return fmt.Errorf("instance %s: %+v (present %v), want it in the recycle bin", id, v, ok)
			}
			if n := emu.CallCount("bmc.ReleaseInstances"); n != 0 {
				return fmt.Errorf("ReleaseInstances was called %d times, want 0", n)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id            = %[1]q
  instance_type_id   = %[2]q
  name               = "tf-acc-keep"
  release_on_destroy = false
}
`, testZone, testType)),
			Check: acctest.CaptureID(instanceResourceName, &id),
		}},
	})
}

// A PREPAID instance is not released before its subscription ends: the
// destroy cancels its renewal, warns, and succeeds.
func TestAccBMCInstance_prepaid(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			v, ok := emu.BMCInstance(id)
			if !ok || v.Status != "RUNNING" || v.AutoRenew {
				return fmt.Errorf("instance %s: %+v (present %v), want it RUNNING without renewal", id, v, ok)
			}
			if emu.CallCount("bmc.TerminateInstance") != 1 || emu.CallCount("bmc.ReleaseInstances") != 0 {
				return fmt.Errorf("calls %v, want one TerminateInstance and no ReleaseInstances", emu.Calls())
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id              = %[1]q
  instance_type_id     = %[2]q
  name                 = "tf-acc-prepaid"
  instance_charge_type = "PREPAID"
  period               = 1
}
`, testZone, testType)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("period"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("auto_renew"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("expired_time"), knownvalue.NotNull()),
			},
			Check: acctest.CaptureID(instanceResourceName, &id),
		}},
	})
}

// ReleaseInstances' INVALID_INSTANCE_NOT_FOUND (404): the instance was
// released by someone else between the wait and the release. Destroy succeeds.
func TestAccBMCInstance_releaseNotFound(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if !acctest.LoggedCode(emu, "ReleaseInstances", "INVALID_INSTANCE_NOT_FOUND") {
				return fmt.Errorf("the emulator did not answer ReleaseInstances with INVALID_INSTANCE_NOT_FOUND: %v", emu.Log())
			}
			return checkInstancesGone(emu)(s)
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-raced", "running")),
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
				emu.OnceBefore("bmc.ReleaseInstances", func() { emu.DeleteBMCInstance(id) })
				return nil
			}),
		}},
	})
}

// ReleaseInstances' OPERATION_DENIED_INSTANCE_NOT_RECYCLED (403): the
// instance left the recycle bin (restored) between the wait and the
// release. Destroy fails saying so; the next destroy terminates and releases it.
func TestAccBMCInstance_releaseNotRecycled(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, instanceConfig("tf-acc-restored", "running")),
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
					emu.OnceBefore("bmc.ReleaseInstances", func() { emu.SetBMCInstanceStatus(id, "RUNNING") })
					return nil
				}),
			},
			{
				Config:      acctest.ConfigCompose(provider, instanceConfig("tf-acc-restored", "running")),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)is not in the recycle bin \(status RUNNING\).*Run\s+the\s+destroy\s+again.*OPERATION_DENIED_INSTANCE_NOT_RECYCLED`),
			},
			{
				Config: acctest.ConfigCompose(provider, instanceConfig("tf-acc-restored", "running")),
			},
		},
	})
	if n := emu.CallCount("bmc.TerminateInstance"); n != 2 {
		t.Errorf("TerminateInstance was called %d times, want 2", n)
	}
}

// A machine that fails to be created leaves its id in the state, tainted:
// the next apply destroys it and tries again.
func TestAccBMCInstance_createFailedTaints(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{CreateFailRate: 1})
	provider := acctest.ZenlayerProviderConfig(emu)
	var first string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config:      acctest.ConfigCompose(provider, instanceConfig("tf-acc-failed", "running")),
				ExpectError: regexp.MustCompile(`(?s)reached failure\s+status\s+CREATE_FAILED.*kept\s+in\s+the\s+state\s+and\s+marked\s+tainted`),
			},
			{
				PreConfig: func() { first = emu.Inventory()["bmc_instance"][0] },
				Config:    acctest.ConfigCompose(provider, instanceConfig("tf-acc-failed", "running")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ExpectError: regexp.MustCompile(`CREATE_FAILED`),
			},
		},
	})
	if got := emu.Actions(first); !slices.Contains(got, "bmc.TerminateInstance") {
		t.Errorf("the tainted instance %s was not terminated: %v", first, got)
	}
	if n := emu.CallCount("bmc.CreateInstances"); n != 2 {
		t.Errorf("CreateInstances was called %d times, want 2", n)
	}
}

func TestAccBMCInstance_disappears(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-gone", "running")),
			Check: func(s *terraform.State) error {
				id := s.RootModule().Resources[instanceResourceName].Primary.ID
				if !emu.DeleteBMCInstance(id) {
					return fmt.Errorf("instance %s not in emulator", id)
				}
				return nil
			},
			ExpectNonEmptyPlan: true,
		}},
	})
}

func TestAccBMCInstance_validation(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	step := func(body, want string) resource.TestStep {
		return resource.TestStep{
			Config: acctest.ConfigCompose(provider, fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  image_id         = %[3]q
%[4]s
}
`, testZone, testType, testImage, body)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(want),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			step(`password = "short1!A"`+"\n"+`name = "my web"`, `must be 1 to 64 letters, digits, '-' and '.'`),
			step(`password = "nodigits!A"`, `(?s)Invalid password.*must\s+contain\s+at\s+least\s+one\s+digit`),
			step(`password = "Passw0rd#"`, `(?s)Invalid password.*may\s+contain\s+only\s+letters`),
			step(`instance_charge_type = "PREPAID"`, `period is required for a PREPAID instance`),
			step(`period = 3`, `period applies only to PREPAID instances`),
			step(`traffic_package_size = 2`, `traffic_package_size needs ByTrafficPackage`),
			step(`password = "Passw0rd!x"`+"\n"+`ssh_keys = ["ssh-ed25519 AAAA me@host"]`, `"ssh_keys" cannot be specified when "password" is specified`),
			step(`ssh_keys = ["not-a-key"]`, `must be an OpenSSH public key`),
			step(`password = "Passw0rd!x"`+"\n"+`key_id = "key-acc"`, `"key_id" cannot be specified when "password" is specified`),
			step(`key_id = "key-acc"`+"\n"+`ssh_keys = ["ssh-ed25519 AAAA me@host"]`, `"ssh_keys" cannot be specified when "key_id" is specified`),
			step(`key_id = ""`, `key_id string length must be between 1 and 64`),
			step(`nic_wan_name = "lan9"`, `must not start with "lan"`),
			step(`nic_wan_name = "eth0x"`+"\n"+`nic_lan_name = "ETH0X"`, `nic_wan_name and nic_lan_name must differ`),
			step(`raid_type = 2`, `raid_type value must be one of`),
			step(`power_state = "off"`, `power_state value must be one of`),
		},
	})
	if n := len(emu.Log()); n != 0 {
		t.Errorf("plan-time validation reached the API %d times", n)
	}
}

func instanceConfig(name, power string) string {
	return fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  name             = %[3]q
  power_state      = %[4]q
}
`, testZone, testType, name, power)
}

// checkInstancesGone is a CheckDestroy: no BMC instance is left in the emulator.
func checkInstancesGone(emu *emulator.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if ids := emu.Inventory()["bmc_instance"]; len(ids) > 0 {
			v, _ := emu.BMCInstance(ids[0])
			return fmt.Errorf("BMC instances %v are still in the emulator (first: %+v)", ids, v)
		}
		return nil
	}
}

func checkEmulator(emu *emulator.Server, id *string, ok func(emulator.BMCInstanceView) bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		v, found := emu.BMCInstance(*id)
		if !found || !ok(v) {
			return fmt.Errorf("emulator has instance %s: %+v (present %v)", *id, v, found)
		}
		return nil
	}
}

// A create whose answer is lost is not repeated: BMC takes no tags, so
// the machine is found by its name and creation time and adopted.
func TestAccBMCInstance_createAnswerLost(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultCutAfter, Rate: 1, Actions: []string{"bmc.CreateInstances"}},
	}})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-cut", "running")),
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
				got := emu.Inventory()["bmc_instance"]
				if len(got) != 1 || got[0] != id || emu.CallCount("bmc.CreateInstances") != 1 {
					return fmt.Errorf("emulator holds %v after %d creates, state has %s: want exactly the one machine", got, emu.CallCount("bmc.CreateInstances"), id)
				}
				return nil
			}),
		}},
	})
}
