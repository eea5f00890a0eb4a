package zec_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// On an account with a recycle bin a destroy is two releases: into the
// bin, then out of it. These tests fail the second (every release after the
// first answers 500) so that the destroy stops with the object in the bin.
// The resource must stay in the state, bin and all, and the next plan
// replace it (its destroy half releases it from the bin), instead of a
// refresh dropping it as gone and leaving it in the bin, out of
// Terraform's hands.

// failReleasesAfterFirst makes every call of action after the next one
// answer 500 (the next one runs as usual: the hook runs inside it, after
// it drew its fault).
func failReleasesAfterFirst(emu *emulator.Server, action string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		emu.OnceBefore(action, func() {
			emu.SetFaults([]emulator.FaultRule{{Kind: emulator.Fault500, Rate: 1, Actions: []string{action}}})
		})
		return nil
	}
}

// destroyUnfinishedSteps are the steps of such a test; status reads the
// object's status in the emulator by id, and inBin is the status of the
// bin.
func destroyUnfinishedSteps(t *testing.T, emu *emulator.Server, config, address, action string, status func(id string) string, inBin string) []resource.TestStep {
	var id string
	return []resource.TestStep{
		{Config: config, Check: resource.ComposeTestCheckFunc(acctest.CaptureID(address, &id), failReleasesAfterFirst(emu, action))},
		{
			// The destroy moves the object into the bin, then fails.
			Config:      config,
			Destroy:     true,
			ExpectError: regexp.MustCompile(`releasing ZEC`),
		},
		{
			// The refresh keeps it; the apply replaces it, releasing it
			// from the bin.
			PreConfig: func() {
				emu.SetFaults(nil)
				if st := status(id); st != inBin {
					t.Errorf("after the failed destroy %s is %q, want it in the recycle bin (%s)", id, st, inBin)
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
			}},
		},
	}
}

func TestAccZECDisk_destroyUnfinishedInRecycleBin(t *testing.T) {
	acctest.SkipIfReal(t, "fails releases (emulator fault injection) on a recycle-bin account")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: destroyUnfinishedSteps(t, emu, acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig("tf-acc-bin-unfinished", 20, "")),
			diskResourceName, "zec.ReleaseDisk", func(id string) string { d, _ := emu.ZECDisk(id); return d.Status }, "RECYCLED"),
	})
}

func TestAccZECInstance_destroyUnfinishedInRecycleBin(t *testing.T) {
	acctest.SkipIfReal(t, "fails releases (emulator fault injection) on a recycle-bin account")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: destroyUnfinishedSteps(t, emu, acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-bin-unfinished", "running", "")),
			instanceResourceName, "zec.ReleaseInstances", func(id string) string { v, _ := emu.ZECInstance(id); return v.Status }, "RECYCLE"),
	})
}

// The same, with a destroy after the failed one: it releases the disk from
// the bin, with nothing created.
func TestAccZECDisk_destroyUnfinishedThenDestroy(t *testing.T) {
	acctest.SkipIfReal(t, "fails releases (emulator fault injection) on a recycle-bin account")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	config := acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig("tf-acc-bin-unfinished", 20, ""))
	steps := destroyUnfinishedSteps(t, emu, config, diskResourceName, "zec.ReleaseDisk",
		func(id string) string { d, _ := emu.ZECDisk(id); return d.Status }, "RECYCLED")
	// The destroy: the release from the bin, and nothing created.
	steps[2].ConfigPlanChecks, steps[2].Destroy = resource.ConfigPlanChecks{}, true
	steps[2].Check = func(s *terraform.State) error {
		if n := emu.CallCount("zec.CreateDisks"); n != 1 {
			return fmt.Errorf("CreateDisks was sent %d times, want once", n)
		}
		return checkDisksGone(emu)(s)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
}
