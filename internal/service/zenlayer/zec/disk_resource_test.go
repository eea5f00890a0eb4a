package zec_test

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

const (
	diskResourceName = "cloudcompute_zenlayer_zec_disk.test"
	testZone         = "asia-east-1a"
)

func TestAccZECDisk_basic(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig("tf-acc-basic", 40, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^disk-`))),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("name"), knownvalue.StringExact("tf-acc-basic")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("size"), knownvalue.Int64Exact(40)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("zone_id"), knownvalue.StringExact(testZone)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("category"), knownvalue.StringExact("Standard NVMe SSD")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("AVAILABLE")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("disk_type"), knownvalue.StringExact("DATA")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("portable"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("instance_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("release_on_destroy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("create_time"), knownvalue.NotNull()),
				},
				Check: checkDiskInEmulator(emu, func(d emulator.ZECDiskView) error {
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
	if n := emu.CallCount("zec.CreateDisks"); n != 1 {
		t.Errorf("CreateDisks was called %d times, want 1", n)
	}
}

func TestAccZECDisk_update(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	instance := emu.AddZECInstance(testZone, "tf-acc-host")
	provider := acctest.ZenlayerProviderConfig(emu)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{
			{
				Config:            acctest.ConfigCompose(provider, diskConfig("tf-acc-update", 20, "")),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(diskResourceName, tfjsonpath.New("id"))},
			},
			{
				// Rename and grow in place.
				Config: acctest.ConfigCompose(provider, diskConfig("tf-acc-renamed", 60, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(diskResourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(diskResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("name"), knownvalue.StringExact("tf-acc-renamed")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("size"), knownvalue.Int64Exact(60)),
				},
				Check: checkDiskInEmulator(emu, func(d emulator.ZECDiskView) error {
					if d.Name != "tf-acc-renamed" || d.Size != 60 {
						return fmt.Errorf("emulator has disk %+v, want renamed and 60 GiB", d)
					}
					return nil
				}),
			},
			{
				// Attach in place.
				Config: acctest.ConfigCompose(provider, diskConfig("tf-acc-renamed", 60, instance)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(diskResourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(diskResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("instance_id"), knownvalue.StringExact(instance)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("IN_USE")),
				},
			},
			{
				// Detaching from a running instance is refused by the API
				// unless forced; the error says what to do.
				Config:      acctest.ConfigCompose(provider, diskConfig("tf-acc-renamed", 60, "")),
				ExpectError: regexp.MustCompile(`(?s)Stop instance.*force_detach = true`),
			},
			{
				// With the instance stopped, detach in place.
				PreConfig: func() { emu.SetZECInstanceStatus(instance, "STOPPED") },
				Config:    acctest.ConfigCompose(provider, diskConfig("tf-acc-renamed", 60, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(diskResourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(diskResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("instance_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("AVAILABLE")),
				},
			},
			{
				// Shrinking is refused at plan time.
				Config:      acctest.ConfigCompose(provider, diskConfig("tf-acc-renamed", 30, "")),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`ZEC disk cannot shrink`),
			},
		},
	})
}

func TestAccZECDisk_attachedAtCreateForceDetachOnDestroy(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	instance := emu.AddZECInstance(testZone, "tf-acc-host")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id      = %[1]q
  name         = "tf-acc-attached"
  size         = 20
  instance_id  = %[2]q
  force_detach = true
}
`, testZone, instance)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("IN_USE")),
				statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("instance_id"), knownvalue.StringExact(instance)),
			},
		}},
	})
	// The destroy detached the disk from the running instance, then released it.
	if got := emu.Actions(""); !acctest.ContainsInOrder(got, "zec.DetachDisks", "zec.ReleaseDisk") {
		t.Errorf("emulator saw %v, want DetachDisks before ReleaseDisk", got)
	}
}

func TestAccZECDisk_disappears(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig("tf-acc-gone", 20, "")),
			Check: func(s *terraform.State) error {
				id := s.RootModule().Resources[diskResourceName].Primary.ID
				if !emu.DeleteZECDisk(id) {
					return fmt.Errorf("disk %s not in emulator", id)
				}
				return nil
			},
			ExpectNonEmptyPlan: true,
		}},
	})
}

func TestAccZECDisk_validation(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
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
	if n := len(emu.Log()); n != 0 {
		t.Errorf("plan-time validation reached the API %d times", n)
	}
}

// In an account with a recycle bin, destroy releases the disk twice: into
// the bin, then from it.
func TestAccZECDisk_recycleBin(t *testing.T) {
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

func diskConfig(name string, size int, instanceID string) string {
	inst := ""
	if instanceID != "" {
		inst = fmt.Sprintf("  instance_id = %q\n", instanceID)
	}
	return fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id = %[1]q
  name    = %[2]q
  size    = %[3]d
%[4]s}
`, testZone, name, size, inst)
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

func checkDiskInEmulator(emu *emulator.Server, f func(emulator.ZECDiskView) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
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
