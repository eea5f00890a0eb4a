package zec_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

const instanceResourceName = "cloudcompute_zenlayer_zec_instance.test"

func TestAccZECInstance_basic(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	name := acctest.RandomName("basic")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(ids, name, "running", "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\S+$`))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("cpu"), tg.Known(knownvalue.Int64Exact(1))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("memory"), tg.Known(knownvalue.Int64Exact(2))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("key_id"), knownvalue.StringExact(ids.KeyID)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("system_disk"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"size": knownvalue.Int64Exact(20), "category": tg.Known(knownvalue.StringExact("Standard NVMe SSD")),
					})),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("system_disk_id"), tg.Known(knownvalue.StringRegexp(regexp.MustCompile(`^disk-`)))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("private_ip_addresses"), tg.Known(knownvalue.ListSizeExact(1))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("public_ip_addresses"), tg.Known(knownvalue.ListSizeExact(0))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("security_group_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("release_on_destroy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("create_time"), knownvalue.NotNull()),
				},
				Check: checkInstanceInEmulator(tg.Emu, func(v emulator.ZECInstanceView) error {
					if v.Status != "RUNNING" || v.Name != name || !strings.HasPrefix(v.ID, "zec-") {
						return fmt.Errorf("emulator has instance %+v, want RUNNING %s", v, name)
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
		if n := tg.Emu.CallCount("zec.CreateZecInstances"); n != 1 {
			t.Errorf("CreateZecInstances was called %d times, want 1", n)
		}
	}
}

// Stop, then start, in place: the id stays, the plan is an Update, and the
// API sees StopInstances then StartInstances. The rename and the
// system disk growth happen in place as well.
func TestAccZECInstance_powerState(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	provider := tg.ZenlayerProviderConfig()
	name, renamed := acctest.RandomName("power"), acctest.RandomName("stopped")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config:            acctest.ConfigCompose(provider, instanceConfigAt(ids, name, "running", "")),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id"))},
				Check:             acctest.CaptureID(instanceResourceName, &id),
			},
			{
				Config: acctest.ConfigCompose(provider, instanceConfigAt(ids, renamed, "stopped", "  system_disk = { size = 40 }\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("stopped")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("STOPPED")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("name"), knownvalue.StringExact(renamed)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("system_disk").AtMapKey("size"), knownvalue.Int64Exact(40)),
				},
				Check: checkInstanceInEmulator(tg.Emu, func(v emulator.ZECInstanceView) error {
					d, _ := tg.Emu.ZECDisk(v.SystemDiskID)
					if v.Status != "STOPPED" || v.Name != renamed || d.Size != 40 {
						return fmt.Errorf("emulator has instance %+v with system disk %+v, want it STOPPED, renamed, 40 GiB", v, d)
					}
					return nil
				}),
			},
			{
				Config: acctest.ConfigCompose(provider, instanceConfigAt(ids, renamed, "running", "  system_disk = { size = 40 }\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
				},
			},
			{
				// A smaller system disk replaces the instance.
				Config:   acctest.ConfigCompose(provider, instanceConfigAt(ids, renamed, "running", "  system_disk = { size = 30 }\n")),
				PlanOnly: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionReplace)},
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
	if tg.Emu != nil {
		if got := tg.Emu.Actions(id); !acctest.ContainsInOrder(got, "zec.StopInstances", "zec.StartInstances") {
			t.Errorf("emulator saw %v for %s, want StopInstances then StartInstances", got, id)
		}
		if n := tg.Emu.CallCount("zec.CreateZecInstances"); n != 1 {
			t.Errorf("CreateZecInstances was called %d times, want 1 (no replacement)", n)
		}
	}
}

// An instance stopped (and renamed) behind Terraform's back, with the API,
// is planned back.
func TestAccZECInstance_drift(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	name := acctest.RandomName("drift")
	config := acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(tg.ZEC(), name, "running", ""))
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  acctest.CaptureID(instanceResourceName, &id),
			},
			{
				PreConfig: func() {
					if err := stopInstanceBehindBack(tg, id); err != nil {
						t.Fatal(err)
					}
					if err := tg.MustZenlayerClient().ModifyInstancesAttribute(context.Background(), acctest.RandomName("by-hand"), id); err != nil {
						t.Fatal(err)
					}
					if tg.Emu != nil {
						tg.Emu.ResetLog()
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
						plancheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
				},
				Check: checkInstanceInEmulator(tg.Emu, func(v emulator.ZECInstanceView) error {
					if v.Status != "RUNNING" || v.Name != name {
						return fmt.Errorf("emulator has instance %+v, want it RUNNING and named back", v)
					}
					if !acctest.ContainsInOrder(tg.Emu.Actions(id), "zec.ModifyInstancesAttribute", "zec.StartInstances") {
						return fmt.Errorf("emulator saw %v, want a rename and a start", tg.Emu.Actions(id))
					}
					return nil
				}),
			},
		},
	})
}

// A create that ends in CREATE_FAILED leaves the instance in the state,
// tainted; the next apply releases it and creates a new one.
func TestAccZECInstance_createFailed(t *testing.T) {
	acctest.SkipIfReal(t, "fails a create on purpose (emulator fault)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	config := acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), `
resource "cloudcompute_zenlayer_zec_instance" "test" {
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.2"
  image_id      = "debian-12"
  subnet_id     = "subnet-acc"
  name          = "tf-acc-failed"
  password_wo   = "Tf-acc-Passw0rd"
}
`)
	var failed string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { emu.FailNextZECInstanceCreates(1) },
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)waiting for ZEC instance \(zec-[^)]+\) to be created.*failure status\s+CREATE_FAILED.*marked\s+tainted`),
			},
			{
				PreConfig: func() {
					ids := emu.Inventory()["zec_instance"]
					if len(ids) != 1 {
						t.Fatalf("emulator holds instances %v, want the failed one", ids)
					}
					failed = ids[0]
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("key_id"), knownvalue.Null()),
				},
				Check: func(s *terraform.State) error {
					id := s.RootModule().Resources[instanceResourceName].Primary.ID
					if id == failed {
						return fmt.Errorf("the failed instance %s is still the one in state", id)
					}
					if v, ok := emu.ZECInstance(failed); ok {
						return fmt.Errorf("the failed instance is still in the emulator: %+v", v)
					}
					return nil
				},
			},
		},
	})
	if !acctest.ContainsInOrder(emu.Actions(""), "zec.CreateZecInstances", "zec.ReleaseInstances", "zec.CreateZecInstances") {
		t.Errorf("emulator saw %v, want create, release of the failed one, create", emu.Actions(""))
	}
}

// An instance found in CREATE_FAILED by a refresh (not tainted: imported,
// or failed after Terraform last saw it) is planned for replacement.
func TestAccZECInstance_failedOnRefresh(t *testing.T) {
	acctest.SkipIfReal(t, "forces CREATE_FAILED on a running instance (emulator status control)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	config := acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-refresh", "running", ""))
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{Config: config, Check: acctest.CaptureID(instanceResourceName, &id)},
			{
				PreConfig: func() { emu.SetZECInstanceStatus(id, "CREATE_FAILED") },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
				},
				Check: func(*terraform.State) error {
					if _, ok := emu.ZECInstance(id); ok {
						return fmt.Errorf("the failed instance %s was not released", id)
					}
					return nil
				},
			},
		},
	})
}

func TestAccZECInstance_disappears(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(tg.ZEC(), acctest.RandomName("gone"), "running", "")),
			Check: func(s *terraform.State) error {
				return releaseInstanceBehindBack(tg, s.RootModule().Resources[instanceResourceName].Primary.ID)
			},
			ExpectNonEmptyPlan: true,
		}},
	})
}

// A data disk attached to the instance is destroyed with it: Terraform
// detaches and releases the disk, then releases the instance (which takes
// its system disk along).
func TestAccZECInstance_withDisk(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	var id, systemDisk string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkInstancesDestroyed(tg), checkDisksDestroyed(tg)),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(ids, acctest.RandomName("host"), "running", ""), fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id      = cloudcompute_zenlayer_zec_instance.test.zone_id
  name         = %[1]q
  size         = 50
  instance_id  = cloudcompute_zenlayer_zec_instance.test.id
  force_detach = true
}

data "cloudcompute_zenlayer_zec_disks" "system" {
  instance_id = cloudcompute_zenlayer_zec_instance.test.id
  disk_type   = "SYSTEM"
  depends_on  = [cloudcompute_zenlayer_zec_disk.test]
}
`, acctest.RandomName("data"))),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("IN_USE")),
				statecheck.CompareValuePairs(diskResourceName, tfjsonpath.New("instance_id"), instanceResourceName, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.CompareValuePairs("data.cloudcompute_zenlayer_zec_disks.system", tfjsonpath.New("disks").AtSliceIndex(0).AtMapKey("id"),
					instanceResourceName, tfjsonpath.New("system_disk_id"), compare.ValuesSame()),
			},
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
				inst, err := tg.MustZenlayerClient().FindZECInstance(context.Background(), id)
				if err != nil {
					return err
				}
				if inst.SystemDisk != nil {
					systemDisk = inst.SystemDisk.DiskID
				}
				if len(inst.DataDisks) != 1 {
					return fmt.Errorf("instance %+v, want one data disk attached", inst)
				}
				return nil
			}),
		}},
	})
	if tg.Emu != nil {
		if got := tg.Emu.Actions(""); !acctest.ContainsInOrder(got, "zec.DetachDisks", "zec.ReleaseDisk", "zec.ReleaseInstances") {
			t.Errorf("emulator saw %v, want the disk detached and released before the instance", got)
		}
	}
	if _, err := tg.MustZenlayerClient().FindDisk(context.Background(), systemDisk); !zenlayer.IsNotFound(err) {
		t.Errorf("system disk %s outlived its instance (lookup: %v)", systemDisk, err)
	}
}

// In an account with a recycle bin, destroy releases the instance twice:
// into the bin, then from it.
func TestAccZECInstance_recycleBin(t *testing.T) {
	acctest.SkipIfReal(t, "needs an account with a recycle bin (emulator release mode) and counts its calls")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-bin", "stopped", "")),
		}},
	})
	if n := emu.CallCount("zec.ReleaseInstances"); n != 2 {
		t.Errorf("ReleaseInstances was called %d times, want 2 (into the recycle bin, then out of it)", n)
	}
}

// release_on_destroy = false leaves the instance in the recycle bin (with a warning).
func TestAccZECInstance_keepInRecycleBin(t *testing.T) {
	acctest.SkipIfReal(t, "needs an account with a recycle bin (emulator release mode)")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			v, ok := emu.ZECInstance(id)
			if !ok || v.Status != "RECYCLE" {
				return fmt.Errorf("instance %s: %+v (present %v), want it in the recycle bin (RECYCLE)", id, v, ok)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-keep", "running", "  release_on_destroy = false\n")),
			Check:  acctest.CaptureID(instanceResourceName, &id),
		}},
	})
	if n := emu.CallCount("zec.ReleaseInstances"); n != 1 {
		t.Errorf("ReleaseInstances was called %d times, want 1", n)
	}
}

// Each StartInstances answer of the seed document surfaces as a clear
// diagnostic, and the next apply succeeds once the cause is gone.
func TestAccZECInstance_startErrors(t *testing.T) {
	acctest.SkipIfReal(t, "changes statuses in the middle of StartInstances (emulator hooks)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	stopped := acctest.ConfigCompose(provider, instanceConfig("tf-acc-start", "stopped", ""))
	running := acctest.ConfigCompose(provider, instanceConfig("tf-acc-start", "running", ""))
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: stopped,
				Check:  acctest.CaptureID(instanceResourceName, &id),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("STOPPED")),
				},
			},
			{
				// OPERATION_DENIED_INSTANCE_IN_OPERATION: another operation started meanwhile.
				PreConfig:   func() { emu.OnceBefore("zec.StartInstances", func() { emu.SetZECInstanceStatus(id, "REBOOT") }) },
				Config:      running,
				ExpectError: regexp.MustCompile(`(?s)starting ZEC instance.*performing\s+another\s+operation\s+\(status\s+REBOOT\).*Wait\s+for\s+it\s+to\s+finish.*OPERATION_DENIED_INSTANCE_IN_OPERATION`),
			},
			{
				// UNSUPPORTED_OPERATION_INSTANCE_STATUS: the instance went to the recycle bin meanwhile.
				PreConfig: func() {
					emu.SetZECInstanceStatus(id, "STOPPED")
					emu.OnceBefore("zec.StartInstances", func() { emu.SetZECInstanceStatus(id, "RECYCLE") })
				},
				Config:      running,
				ExpectError: regexp.MustCompile(`(?s)cannot\s+be\s+started\s+in\s+its\s+current\s+status\s+\(RECYCLE\).*recycle\s+bin.*UNSUPPORTED_OPERATION_INSTANCE_STATUS`),
			},
			{
				// A 200 answer that lists the instance as failed to start.
				PreConfig: func() {
					emu.SetZECInstanceStatus(id, "STOPPED")
					emu.FailZECInstanceOnce("StartInstances", id)
				},
				Config:      running,
				ExpectError: regexp.MustCompile(`(?s)StartInstances\s+accepted\s+the\s+request\s+but\s+answered\s+instance\s+zec-\S+\s+as\s+failed\s+to\s+start`),
			},
			{
				// The instance was started behind Terraform's back: UNSUPPORTED_OPERATION_INSTANCE_STATUS
				// for a RUNNING instance is success.
				PreConfig: func() {
					emu.SetZECInstanceStatus(id, "STOPPED")
					emu.OnceBefore("zec.StartInstances", func() { emu.SetZECInstanceStatus(id, "RUNNING") })
				},
				Config: running,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
				},
			},
		},
	})
	for _, code := range []string{"OPERATION_DENIED_INSTANCE_IN_OPERATION", "UNSUPPORTED_OPERATION_INSTANCE_STATUS"} {
		if !acctest.LoggedCode(emu, "StartInstances", code) {
			t.Errorf("the emulator never answered StartInstances with %s", code)
		}
	}
}

func TestAccZECInstance_validation(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	provider := tg.ZenlayerProviderConfig()
	withLogin := func(name, login, extra string) string {
		return acctest.ConfigCompose(provider, fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_instance" "test" {
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.1"
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-acc"
  name          = %[1]q
%[2]s%[3]s}
`, name, login, extra))
	}
	key := "  key_id = \"key-acc\"\n"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: withLogin("-bad-", key, ""), PlanOnly: true, ExpectError: regexp.MustCompile(`must\s+be\s+2\s+to\s+63\s+letters,\s+digits`)},
			{Config: withLogin("x", key, ""), PlanOnly: true, ExpectError: regexp.MustCompile(`must\s+be\s+2\s+to\s+63\s+letters,\s+digits`)},
			{Config: withLogin("ok", "  password_wo = \"password\"\n", ""), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Invalid ZEC instance password.*uses\s+only\s+1\s+of\s+the\s+four\s+kinds`)},
			{Config: withLogin("ok", "  password_wo = \"Sh0rt!\"\n", ""), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Invalid ZEC instance password.*has 6 characters`)},
			{Config: withLogin("ok", "  password_wo = \"Passw0rd#1\"\n", ""), PlanOnly: true, ExpectError: regexp.MustCompile(`not allowed`)},
			{Config: withLogin("ok", key+"  password_wo = \"Passw0rd!1\"\n", ""), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)These attributes cannot be configured together.*password_wo.*key_id`)},
			{Config: withLogin("ok", key, "  password_wo_version = 2\n"), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)password_wo_version.*password_wo`)},
			{Config: withLogin("ok", key, "  lan_ip = \"10.0.300.1\"\n"), PlanOnly: true, ExpectError: regexp.MustCompile(`must be an IPv4 address`)},
			{Config: withLogin("ok", key, "  public_network = { internet_charge_type = \"BandwidthCluster\" }\n"), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)cluster_id is required`)},
			{Config: withLogin("ok", key, "  public_network = { internet_charge_type = \"ByBandwidth\", traffic_package_size = 1 }\n"), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)traffic_package_size applies only`)},
			{Config: withLogin("ok", key, "  system_disk = { size = 10 }\n"), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)size.*must be between 20 and 32768`)},
			{Config: withLogin("ok", key, "  power_state = \"paused\"\n"), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)power_state.*value must be one of`)},
		},
	})
	if tg.Emu != nil {
		if n := len(tg.Emu.Log()); n != 0 {
			t.Errorf("plan-time validation reached the API %d times", n)
		}
	}
}

// instanceConfig is instanceConfigAt with the emulator's fixtures.
func instanceConfig(name, powerState, extra string) string {
	return instanceConfigAt(acctest.ZECIDs{Zone: testZone, InstanceType: "z2a.cpu.1", Image: "ubuntu-22.04", Subnet: "subnet-acc", KeyID: "key-acc"},
		name, powerState, extra)
}

// checkInstancesGone is a CheckDestroy: no instance is left in the emulator.
func checkInstancesGone(emu *emulator.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if ids := emu.Inventory()["zec_instance"]; len(ids) != 0 {
			return fmt.Errorf("instances %v are still in the emulator", ids)
		}
		return nil
	}
}

// checkInstanceInEmulator checks the emulator's view of the state's
// instance (nothing against a real cloud: emu is nil).
func checkInstanceInEmulator(emu *emulator.Server, f func(emulator.ZECInstanceView) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if emu == nil {
			return nil
		}
		rs, ok := s.RootModule().Resources[instanceResourceName]
		if !ok {
			return fmt.Errorf("%s not in state", instanceResourceName)
		}
		v, ok := emu.ZECInstance(rs.Primary.ID)
		if !ok {
			return fmt.Errorf("instance %s not in emulator", rs.Primary.ID)
		}
		return f(v)
	}
}

// A create whose answer is lost after the instance was made (the
// connection cut after the action) is not repeated: the instance is found
// by its create token and adopted.
func TestAccZECInstance_createAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "cuts the connection after a create (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultCutAfter, Rate: 1, Max: 1, Actions: []string{"zec.CreateZecInstances"}},
	}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-cut", "running", "")),
			Check:  acctest.CheckCreatedOnce(emu, instanceResourceName, "zec_instance", "zec.CreateZecInstances"),
		}},
	})
}

// A create cut before the server acted leaves its outcome just as unknown
// to the provider: it is looked up by its token until the create timeout,
// never sent again in that apply, and the apply fails naming the token.
// The next run (a new provider process) looks the token up first; as the
// earlier create's deadline has passed and nothing carries it, it creates
// once.
func TestAccZECInstance_createCutBefore(t *testing.T) {
	acctest.SkipIfReal(t, "cuts the connection before a create (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultCutBefore, Rate: 1, Max: 1, Actions: []string{"zec.CreateZecInstances"}},
	}})
	config := acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-cut", "running", "  timeouts = { create = \"3s\" }\n"))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)answer\s+to\s+the\s+create\s+of\s+a\s+ZEC\s+instance\s+was\s+lost.*create\s+token\s+[0-9a-f]{32}.*not\s+sent\s+again.*next\s+apply\s+looks\s+for\s+it\s+first`),
		}, {
			PreConfig: func() {
				if n := len(emu.Inventory()["zec_instance"]); n != 0 || emu.FaultCounts()[emulator.FaultCutBefore] != 1 {
					t.Fatalf("after the cut create: %d instances, %d cuts", n, emu.FaultCounts()[emulator.FaultCutBefore])
				}
				journal.NewProcessForTest()
			},
			Config: config,
			Check:  acctest.CheckCreatedOnce(emu, instanceResourceName, "zec_instance", "zec.CreateZecInstances"),
		}},
	})
}
