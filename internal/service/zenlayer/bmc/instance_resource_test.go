package bmc_test

import (
	"context"
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
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

const (
	instanceResourceName = "cloudcompute_zenlayer_bmc_instance.test"
	testZone             = "SEL-A"
	testType             = "S9I"
	testImage            = "img-ubuntu-2204"
)

func TestAccBMCInstance_basic(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.BMC()
	name := acctest.RandomName("basic")
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(checkInstancesDestroyed(tg), func(*terraform.State) error {
			if tg.Emu == nil {
				return nil
			}
			// Destroy went Terminate → (RECYCLE) → Release → (gone), in that order.
			// The emulator releases only recycled instances, so a successful
			// ReleaseInstances proves the instance was in the recycle bin.
			if got := tg.Emu.Actions(id); !acctest.ContainsInOrder(got, "bmc.TerminateInstance", "bmc.DescribeInstances", "bmc.ReleaseInstances", "bmc.DescribeInstances") {
				return fmt.Errorf("emulator saw %v for %s, want TerminateInstance, DescribeInstances, ReleaseInstances, DescribeInstances", got, id)
			}
			if !slices.ContainsFunc(tg.Emu.Log(), func(e emulator.LogEntry) bool {
				return e.Action == "ReleaseInstances" && e.Status == 200 && slices.Contains(e.IDs, id)
			}) {
				return fmt.Errorf("ReleaseInstances of %s did not succeed: %v", id, tg.Emu.Log())
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  image_id         = %[3]q
  name             = %[4]q
  hostname         = "%[4]s.example"
  password_wo      = "Tf-acc-Passw0rd"
}
`, ids.Zone, ids.InstanceType, ids.Image, name)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("id"), tg.Known(knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`)))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("hostname"), knownvalue.StringExact(name+".example")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("instance_charge_type"), knownvalue.StringExact("POSTPAID")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("internet_charge_type"), knownvalue.StringExact("ByBandwidth")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("internet_max_bandwidth_out"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("nic_wan_name"), tg.Known(knownvalue.StringExact("wan0"))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("period"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("expired_time"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("release_on_destroy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("primary_ipv4_address"), tg.Known(knownvalue.StringRegexp(regexp.MustCompile(`^203\.0\.`)))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("private_ip_addresses"), tg.Known(knownvalue.ListSizeExact(1))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("create_time"), knownvalue.NotNull()),
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
					if tg.Emu == nil {
						return nil
					}
					v, ok := tg.Emu.BMCInstance(id)
					if !ok || v.Status != "RUNNING" || v.Name != name || v.ImageID != ids.Image {
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
	if tg.Emu != nil {
		if n := tg.Emu.CallCount("bmc.CreateInstances"); n != 1 {
			t.Errorf("CreateInstances was called %d times, want 1", n)
		}
	}
}

// key_id installs one of the account's key pairs (CreateInstances keyId,
// the replacement of the deprecated sshKeys).
func TestAccBMCInstance_keyID(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.BMC()
	key := tg.ID(acctest.EnvBMCKeyID, "key-acc")
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  image_id         = %[3]q
  name             = %[4]q
  key_id           = %[5]q
}
`, ids.Zone, ids.InstanceType, ids.Image, acctest.RandomName("key"), key)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("key_id"), knownvalue.StringExact(key)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("ssh_keys"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
					if tg.Emu == nil {
						return nil
					}
					if v, _ := tg.Emu.BMCInstance(id); v.KeyID != key {
						return fmt.Errorf("the emulator installed key %q, want %q", v.KeyID, key)
					}
					return nil
				}),
			},
			{
				ResourceName:      instanceResourceName,
				ImportState:       true,
				ImportStateVerify: true,
				// The emulator answers keyId and the import reads it back;
				// an API that does not leaves it to the configuration.
				ImportStateVerifyIgnore: ignoreIfReal(tg, "key_id"),
			},
		},
	})
}

// ignoreIfReal lists attrs against a real cloud, none against the emulator.
func ignoreIfReal(tg *acctest.Target, attrs ...string) []string {
	if tg.Real() {
		return attrs
	}
	return nil
}

func TestAccBMCInstance_update(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.BMC()
	provider := tg.ZenlayerProviderConfig()
	name, renamed := acctest.RandomName("update"), acctest.RandomName("renamed")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	update := resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)},
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config:            acctest.ConfigCompose(provider, instanceConfigAt(ids, name, "running")),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id"))},
				Check:             acctest.CaptureID(instanceResourceName, &id),
			},
			{
				// Rename in place.
				Config:           acctest.ConfigCompose(provider, instanceConfigAt(ids, renamed, "running")),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("name"), knownvalue.StringExact(renamed)),
				},
				Check: checkEmulator(tg.Emu, &id, func(v emulator.BMCInstanceView) bool { return v.Name == renamed }),
			},
			{
				// Power off in place.
				Config:           acctest.ConfigCompose(provider, instanceConfigAt(ids, renamed, "stopped")),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("stopped")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("STOPPED")),
				},
				Check: checkEmulator(tg.Emu, &id, func(v emulator.BMCInstanceView) bool { return v.Status == "STOPPED" }),
			},
			{
				// Power on in place.
				Config:           acctest.ConfigCompose(provider, instanceConfigAt(ids, renamed, "running")),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
				},
				Check: checkEmulator(tg.Emu, &id, func(v emulator.BMCInstanceView) bool { return v.Status == "RUNNING" }),
			},
			{
				// Powered off outside Terraform, with the API: the plan powers it on again, in place.
				PreConfig: func() {
					if err := stopBehindBack(tg, id); err != nil {
						t.Fatal(err)
					}
				},
				Config:           acctest.ConfigCompose(provider, instanceConfigAt(ids, renamed, "running")),
				ConfigPlanChecks: update,
				Check:            checkEmulator(tg.Emu, &id, func(v emulator.BMCInstanceView) bool { return v.Status == "RUNNING" }),
			},
			{
				// The hostname is set at installation: changing it reinstalls
				// the same machine in place.
				Config: acctest.ConfigCompose(provider, fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  name             = %[3]q
  hostname         = "other"
}
`, ids.Zone, ids.InstanceType, renamed)),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("hostname"), knownvalue.StringExact("other")),
				},
			},
		},
	})
	if tg.Emu != nil {
		// One StopInstances is Terraform's, the other the stop behind its back.
		for action, want := range map[string]int{"bmc.ModifyInstancesAttribute": 1, "bmc.StopInstances": 2, "bmc.StartInstances": 2,
			"bmc.CreateInstances": 1, "bmc.ReinstallInstance": 1} {
			if n := tg.Emu.CallCount(action); n != want {
				t.Errorf("%s was called %d times, want %d", action, n, want)
			}
		}
	}
}

// A destroy that finds the instance already in the recycle bin (terminated
// outside Terraform, or by a destroy that was interrupted) releases it.
func TestAccBMCInstance_destroyReleasesRecycled(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(checkInstancesDestroyed(tg), func(*terraform.State) error {
			if tg.Emu == nil {
				return nil
			}
			got := tg.Emu.Actions(id)
			if !slices.Contains(got, "bmc.ReleaseInstances") || slices.Contains(got, "bmc.TerminateInstance") {
				return fmt.Errorf("emulator saw %v for %s, want a ReleaseInstances and no TerminateInstance", got, id)
			}
			return nil
		}),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(tg.BMC(), acctest.RandomName("recycled"), "running")),
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
				return terminateBehindBack(tg, id)
			}),
			// The refresh keeps the recycled instance and the plan replaces it.
			ExpectNonEmptyPlan: true,
		}},
	})
}

// An instance terminated outside Terraform is replaced by the next apply;
// the old machine is released from the recycle bin, not terminated again.
func TestAccBMCInstance_recycledIsReplaced(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	config := acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(tg.BMC(), acctest.RandomName("replaced"), "running"))
	var oldID, newID string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  acctest.CaptureID(instanceResourceName, &oldID),
			},
			{
				PreConfig: func() {
					if err := terminateBehindBack(tg, oldID); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &newID), func(*terraform.State) error {
					if newID == oldID {
						return fmt.Errorf("instance %s was not replaced", oldID)
					}
					if status, err := findStatus(tg)(context.Background(), oldID); !zenlayer.IsNotFound(err) && status != zenlayer.BMCStatusReleasing {
						return fmt.Errorf("old instance %s was not released: %s, %w", oldID, status, err)
					}
					if tg.Emu != nil && slices.Contains(tg.Emu.Actions(oldID), "bmc.TerminateInstance") {
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
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.BMC()
	var id string
	if tg.Real() {
		// Left in the recycle bin by the test, on purpose: released afterwards.
		t.Cleanup(func() {
			if id != "" {
				if err := releaseRecycled(tg, id); err != nil {
					t.Errorf("releasing %s from the recycle bin after the test: %v", id, err)
				}
			}
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if status, err := findStatus(tg)(context.Background(), id); err != nil || status != zenlayer.BMCStatusRecycle {
				return fmt.Errorf("instance %s: %s, %w; want it in the recycle bin", id, status, err)
			}
			if tg.Emu != nil {
				if n := tg.Emu.CallCount("bmc.ReleaseInstances"); n != 0 {
					return fmt.Errorf("ReleaseInstances was called %d times, want 0", n)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id            = %[1]q
  instance_type_id   = %[2]q
  name               = %[3]q
  release_on_destroy = false
}
`, ids.Zone, ids.InstanceType, acctest.RandomName("keep"))),
			Check: acctest.CaptureID(instanceResourceName, &id),
		}},
	})
}

// A PREPAID instance is not released before its subscription ends: the
// destroy cancels its renewal, warns, and succeeds.
func TestAccBMCInstance_prepaid(t *testing.T) {
	acctest.SkipIfReal(t, "buys a month of a PREPAID machine, which cannot be released before it expires")
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
	acctest.SkipIfReal(t, "deletes the instance in the middle of the destroy (emulator hooks)")
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
	acctest.SkipIfReal(t, "restores the instance in the middle of the destroy (emulator hooks)")
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
	acctest.SkipIfReal(t, "fails every create on purpose (emulator fault)")
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
	tg := acctest.NewTarget(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(tg.BMC(), acctest.RandomName("gone"), "running")),
			Check: func(s *terraform.State) error {
				return deleteBehindBack(tg, s.RootModule().Resources[instanceResourceName].Primary.ID)
			},
			ExpectNonEmptyPlan: true,
		}},
	})
}

func TestAccBMCInstance_validation(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	provider := tg.ZenlayerProviderConfig()
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
			step(`password_wo = "short1!A"`+"\n"+`name = "my web"`, `must be 1 to 64 letters, digits, '-' and '.'`),
			step(`password_wo = "nodigits!A"`, `(?s)Invalid password.*must\s+contain\s+at\s+least\s+one\s+digit`),
			step(`password_wo = "Passw0rd#"`, `(?s)Invalid password.*may\s+contain\s+only\s+letters`),
			step(`instance_charge_type = "PREPAID"`, `period is required for a PREPAID instance`),
			step(`period = 3`, `period applies only to PREPAID instances`),
			step(`traffic_package_size = 2`, `traffic_package_size needs ByTrafficPackage`),
			step(`password_wo = "Passw0rd!x"`+"\n"+`ssh_keys = ["ssh-ed25519 AAAA me@host"]`, `"ssh_keys" cannot be specified when "password_wo" is specified`),
			step(`ssh_keys = ["not-a-key"]`, `must be an OpenSSH public key`),
			step(`password_wo = "Passw0rd!x"`+"\n"+`key_id = "key-acc"`, `"key_id" cannot be specified when "password_wo" is specified`),
			step(`key_id = "key-acc"`+"\n"+`ssh_keys = ["ssh-ed25519 AAAA me@host"]`, `"ssh_keys" cannot be specified when "key_id" is specified`),
			step(`key_id = ""`, `key_id string length must be between 1 and 64`),
			step(`nic_wan_name = "lan9"`, `must not start with "lan"`),
			step(`nic_wan_name = "eth0x"`+"\n"+`nic_lan_name = "ETH0X"`, `nic_wan_name and nic_lan_name must differ`),
			step(`raid_type = 2`, `raid_type value must be one of`),
			step(`power_state = "off"`, `power_state value must be one of`),
		},
	})
	if tg.Emu != nil {
		if n := len(tg.Emu.Log()); n != 0 {
			t.Errorf("plan-time validation reached the API %d times", n)
		}
	}
}

// instanceConfig is instanceConfigAt with the emulator's fixtures.
func instanceConfig(name, power string) string {
	return instanceConfigAt(acctest.BMCIDs{Zone: testZone, InstanceType: testType, Image: testImage}, name, power)
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

// checkEmulator checks the emulator's view of instance *id (nothing
// against a real cloud: emu is nil).
func checkEmulator(emu *emulator.Server, id *string, ok func(emulator.BMCInstanceView) bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if emu == nil {
			return nil
		}
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
	acctest.SkipIfReal(t, "cuts the connection after a create (emulator fault injection)")
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
