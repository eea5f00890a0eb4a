package zec_test

import (
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
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

const (
	diskResourceName = "cloudcompute_zenlayer_zec_disk.test"
	testZone         = "asia-east-1a"
)

func TestAccZECDisk_basic(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	zone := tg.ID(acctest.EnvZECZoneID, testZone)
	name := acctest.RandomName("basic")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), diskConfigAt(zone, name, 40, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("id"), tg.Known(knownvalue.StringRegexp(regexp.MustCompile(`^disk-`)))),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("size"), knownvalue.Int64Exact(40)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("zone_id"), knownvalue.StringExact(zone)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("category"), tg.Known(knownvalue.StringExact("Standard NVMe SSD"))),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("AVAILABLE")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("disk_type"), knownvalue.StringExact("DATA")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("portable"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("instance_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("release_on_destroy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("create_time"), knownvalue.NotNull()),
				},
				Check: checkDiskInEmulator(tg.Emu, func(d emulator.ZECDiskView) error {
					if d.Status != "AVAILABLE" || d.Size != 40 {
						return fmt.Errorf("emulator has disk %+v, want AVAILABLE and 40 GiB", d)
					}
					return nil
				}),
			},
			{
				ResourceName:      diskResourceName,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
	if tg.Emu != nil {
		if n := tg.Emu.CallCount("zec.CreateDisks"); n != 1 {
			t.Errorf("CreateDisks was called %d times, want 1", n)
		}
	}
}

// Rename, grow, attach to an instance, detach: all in place. The instance
// is a resource of the test too (cloudcompute_zenlayer_zec_instance.test).
func TestAccZECDisk_update(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	provider := tg.ZenlayerProviderConfig()
	name, renamed, hostName := acctest.RandomName("update"), acctest.RandomName("renamed"), acctest.RandomName("host")
	host := func(power string) string { return instanceConfigAt(ids, hostName, power, "") }
	attached := "  instance_id = cloudcompute_zenlayer_zec_instance.test.id\n"
	sameID := statecheck.CompareValue(compare.ValuesSame())
	update := resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(diskResourceName, plancheck.ResourceActionUpdate)},
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkDisksDestroyed(tg), checkInstancesDestroyed(tg)),
		Steps: []resource.TestStep{
			{
				Config:            acctest.ConfigCompose(provider, host("running"), diskConfigAt(ids.Zone, name, 20, "")),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(diskResourceName, tfjsonpath.New("id"))},
			},
			{
				// Rename and grow in place.
				Config:           acctest.ConfigCompose(provider, host("running"), diskConfigAt(ids.Zone, renamed, 60, "")),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(diskResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("name"), knownvalue.StringExact(renamed)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("size"), knownvalue.Int64Exact(60)),
				},
				Check: checkDiskInEmulator(tg.Emu, func(d emulator.ZECDiskView) error {
					if d.Name != renamed || d.Size != 60 {
						return fmt.Errorf("emulator has disk %+v, want renamed and 60 GiB", d)
					}
					return nil
				}),
			},
			{
				// Attach in place.
				Config:           acctest.ConfigCompose(provider, host("running"), diskConfigAt(ids.Zone, renamed, 60, attached)),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(diskResourceName, tfjsonpath.New("id")),
					statecheck.CompareValuePairs(diskResourceName, tfjsonpath.New("instance_id"), instanceResourceName, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("IN_USE")),
				},
			},
			{
				// Detaching from a running instance is refused by the API
				// unless forced; the error says what to do.
				Config:      acctest.ConfigCompose(provider, host("running"), diskConfigAt(ids.Zone, renamed, 60, "")),
				ExpectError: regexp.MustCompile(`(?s)Stop instance.*force_detach = true`),
			},
			{
				// Stop the instance (the disk stays attached).
				Config: acctest.ConfigCompose(provider, host("stopped"), diskConfigAt(ids.Zone, renamed, 60, attached)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("STOPPED")),
				},
			},
			{
				// With the instance stopped, detach in place.
				Config:           acctest.ConfigCompose(provider, host("stopped"), diskConfigAt(ids.Zone, renamed, 60, "")),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(diskResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("instance_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("AVAILABLE")),
				},
			},
			{
				// Shrinking is refused at plan time.
				Config:      acctest.ConfigCompose(provider, host("stopped"), diskConfigAt(ids.Zone, renamed, 30, "")),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`ZEC disk cannot shrink`),
			},
		},
	})
}

// A disk attached at its creation to an instance with force_detach is
// detached from the running instance, then released, by the destroy.
func TestAccZECDisk_attachedAtCreateForceDetachOnDestroy(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkDisksDestroyed(tg), checkInstancesDestroyed(tg)),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(ids, acctest.RandomName("host"), "running", ""),
				diskConfigAt(ids.Zone, acctest.RandomName("attached"), 20, "  instance_id  = cloudcompute_zenlayer_zec_instance.test.id\n  force_detach = true\n")),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("IN_USE")),
				statecheck.CompareValuePairs(diskResourceName, tfjsonpath.New("instance_id"), instanceResourceName, tfjsonpath.New("id"), compare.ValuesSame()),
			},
		}},
	})
	// The destroy detached the disk from the running instance, then released it.
	if tg.Emu != nil {
		if got := tg.Emu.Actions(""); !acctest.ContainsInOrder(got, "zec.DetachDisks", "zec.ReleaseDisk") {
			t.Errorf("emulator saw %v, want DetachDisks before ReleaseDisk", got)
		}
	}
}

func TestAccZECDisk_disappears(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksDestroyed(tg),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), diskConfigAt(tg.ID(acctest.EnvZECZoneID, testZone), acctest.RandomName("gone"), 20, "")),
			Check: func(s *terraform.State) error {
				return releaseDiskBehindBack(tg, s.RootModule().Resources[diskResourceName].Primary.ID)
			},
			ExpectNonEmptyPlan: true,
		}},
	})
}

func TestAccZECDisk_validation(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	provider := tg.ZenlayerProviderConfig()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      acctest.ConfigCompose(provider, diskConfig("-bad name-", 20, "")),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`must be 1 to 64 letters, digits`),
			},
			{
				Config:      acctest.ConfigCompose(provider, diskConfig("ok", 10, "")),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)size.*must be between 20 and 32768`),
			},
			{
				Config:      acctest.ConfigCompose(provider, diskConfig("ok", 40000, "")),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)size.*must be between 20 and 32768`),
			},
		},
	})
	if tg.Emu != nil {
		if n := len(tg.Emu.Log()); n != 0 {
			t.Errorf("plan-time validation reached the API %d times", n)
		}
	}
}

// In an account with a recycle bin, destroy releases the disk twice: into
// the bin, then from it.
func TestAccZECDisk_recycleBin(t *testing.T) {
	acctest.SkipIfReal(t, "needs an account with a recycle bin (emulator release mode) and counts its calls")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig("tf-acc-bin", 20, "")),
		}},
	})
	if n := emu.CallCount("zec.ReleaseDisk"); n != 2 {
		t.Errorf("ReleaseDisk was called %d times, want 2 (into the recycle bin, then out of it)", n)
	}
}

// release_on_destroy = false leaves the disk in the recycle bin.
func TestAccZECDisk_keepInRecycleBin(t *testing.T) {
	acctest.SkipIfReal(t, "needs an account with a recycle bin (emulator release mode)")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			d, ok := emu.ZECDisk(id)
			if !ok || d.Status != "RECYCLED" {
				return fmt.Errorf("disk %s: %+v (present %v), want it RECYCLED", id, d, ok)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), `
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id            = "asia-east-1a"
  name               = "tf-acc-keep"
  size               = 20
  release_on_destroy = false
}
`),
			Check: acctest.CaptureID(diskResourceName, &id),
		}},
	})
	if n := emu.CallCount("zec.ReleaseDisk"); n != 1 {
		t.Errorf("ReleaseDisk was called %d times, want 1", n)
	}
}

// ReleaseDisk's INVALID_DISK_NOT_FOUND (404): the disk was released by
// someone else between the refresh and the release. Destroy succeeds.
func TestAccZECDisk_releaseNotFound(t *testing.T) {
	acctest.SkipIfReal(t, "deletes the disk in the middle of the destroy (emulator hooks)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if !acctest.LoggedCode(emu, "ReleaseDisk", "INVALID_DISK_NOT_FOUND") {
				return fmt.Errorf("the emulator did not answer ReleaseDisk with INVALID_DISK_NOT_FOUND: %v", emu.Log())
			}
			return checkDisksGone(emu)(nil)
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig("tf-acc-raced", 20, "")),
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(diskResourceName, &id), func(*terraform.State) error {
				emu.OnceBefore("zec.ReleaseDisk", func() { emu.DeleteZECDisk(id) })
				return nil
			}),
		}},
	})
}

// ReleaseDisk's UNSUPPORTED_OPERATION_DISK_STATUS (400): the disk is busy
// with another operation. Destroy fails with the status in the message and
// succeeds once the disk is idle again.
func TestAccZECDisk_releaseUnsupportedStatus(t *testing.T) {
	acctest.SkipIfReal(t, "forces a busy status in the middle of the destroy (emulator hooks)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, diskConfig("tf-acc-busy", 20, "")),
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(diskResourceName, &id), func(*terraform.State) error {
					emu.OnceBefore("zec.ReleaseDisk", func() { emu.SetZECDiskStatus(id, "SNAPSHOT_CREATING") })
					return nil
				}),
			},
			{
				Config:      acctest.ConfigCompose(provider, diskConfig("tf-acc-busy", 20, "")),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)cannot be released in its current status \(SNAPSHOT_CREATING\).*UNSUPPORTED_OPERATION_DISK_STATUS`),
			},
			{
				PreConfig: func() { emu.SetZECDiskStatus(id, "AVAILABLE") },
				Config:    acctest.ConfigCompose(provider, diskConfig("tf-acc-busy", 20, "")),
			},
		},
	})
}

// ReleaseDisk's INVALID_DISK_NOT_PORTABLE (400): a boot disk imported as a
// disk resource cannot be destroyed on its own; a removed block lets go of it.
func TestAccZECDisk_releaseBootDisk(t *testing.T) {
	acctest.SkipIfReal(t, "seeds an instance outside Terraform and imports its boot disk")
	emu := acctest.StartEmulator(t, emulator.Options{})
	instance := emu.AddZECInstance(testZone, "tf-acc-host")
	boot := emu.ZECSystemDiskID(instance)
	provider := acctest.ZenlayerProviderConfig(emu)
	config := acctest.ConfigCompose(provider, fmt.Sprintf(`
import {
  to = cloudcompute_zenlayer_zec_disk.test
  id = %[1]q
}

resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id     = %[2]q
  name        = "tf-acc-host-system"
  size        = 20
  instance_id = %[3]q
}
`, boot, testZone, instance))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if d, ok := emu.ZECDisk(boot); !ok || d.Status != "IN_USE" {
				return fmt.Errorf("boot disk %s: %+v (present %v), want it untouched", boot, d, ok)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("disk_type"), knownvalue.StringExact("SYSTEM")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("portable"), knownvalue.Bool(false)),
				},
			},
			{
				Config:      config,
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)is a boot disk and cannot be released on its own.*removed.*INVALID_DISK_NOT_PORTABLE`),
			},
			{
				Config: acctest.ConfigCompose(provider, `
removed {
  from = cloudcompute_zenlayer_zec_disk.test
  lifecycle {
    destroy = false
  }
}
`),
			},
		},
	})
	if !acctest.LoggedCode(emu, "ReleaseDisk", "INVALID_DISK_NOT_PORTABLE") {
		t.Errorf("the emulator did not answer ReleaseDisk with INVALID_DISK_NOT_PORTABLE")
	}
}

// diskConfig is diskConfigAt in the emulator's zone, attached to instanceID if it is not empty.
func diskConfig(name string, size int, instanceID string) string {
	inst := ""
	if instanceID != "" {
		inst = fmt.Sprintf("  instance_id = %q\n", instanceID)
	}
	return diskConfigAt(testZone, name, size, inst)
}

// checkDisksGone is a CheckDestroy: every disk that was in state is gone
// from the emulator.
func checkDisksGone(emu *emulator.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, id := range emu.Inventory()["zec_disk"] {
			d, ok := emu.ZECDisk(id)
			if ok && d.Type != "SYSTEM" {
				return fmt.Errorf("disk %s is still in the emulator: %+v", id, d)
			}
		}
		return nil
	}
}

// checkDiskInEmulator checks the emulator's view of the state's disk
// (nothing against a real cloud: emu is nil).
func checkDiskInEmulator(emu *emulator.Server, f func(emulator.ZECDiskView) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if emu == nil {
			return nil
		}
		rs, ok := s.RootModule().Resources[diskResourceName]
		if !ok {
			return fmt.Errorf("%s not in state", diskResourceName)
		}
		d, ok := emu.ZECDisk(rs.Primary.ID)
		if !ok {
			return fmt.Errorf("disk %s not in emulator", rs.Primary.ID)
		}
		return f(d)
	}
}

// A create whose answer is lost (the connection is cut after the disk was
// made) is not repeated: the disk is found by its create token and adopted.
func TestAccZECDisk_createAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "cuts the connection after a create (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultCutAfter, Rate: 1, Actions: []string{"zec.CreateDisks"}},
	}})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig("tf-acc-cut", 20, "")),
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(diskResourceName, &id), func(*terraform.State) error {
				disks := emu.Inventory()["zec_disk"]
				if len(disks) != 1 || disks[0] != id {
					return fmt.Errorf("emulator holds %v, state has %s: want exactly the one disk", disks, id)
				}
				if n := emu.CallCount("zec.CreateDisks"); n != 1 {
					return fmt.Errorf("CreateDisks sent %d times, want 1", n)
				}
				return nil
			}),
		}},
	})
}

// The documentation's example of the resource applies against the emulator,
// with the instance it attaches the disk to (cloudcompute_zenlayer_zec_instance.app).
func TestAccZECDisk_example(t *testing.T) {
	acctest.SkipIfReal(t, "the example names the emulator's catalogue (zone, disk category)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	app := strings.Replace(instanceConfig("app-1", "running", ""), `"test"`, `"app"`, 1)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeAggregateTestCheckFunc(checkInstancesGone(emu), checkDisksGone(emu)),
		Steps: []resource.TestStep{{
			Config: acctest.ExamplesConfig(t, acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), app),
				"resources/cloudcompute_zenlayer_zec_disk/resource.tf"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs("cloudcompute_zenlayer_zec_disk.data", tfjsonpath.New("instance_id"),
					"cloudcompute_zenlayer_zec_instance.app", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.data", tfjsonpath.New("status"), knownvalue.StringExact("IN_USE")),
				statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.data", tfjsonpath.New("bursting_enabled"), knownvalue.Bool(true)),
			},
		}},
	})
}
