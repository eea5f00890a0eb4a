package bmc_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// TerminateInstance and ReleaseInstances are not idempotent: a machine in
// the recycle bin is freed for good by a release. These tests lose the
// answer of the destroy's calls (the emulator acts, then cuts the
// connection: it has no "500 after the action" fault, so cut-after is the
// lost answer). The provider must read the machine rather than send the
// call again.

// loseAnswersOf makes the emulator cut the connection after doing action,
// from now on (the faults start after the apply, so only the destroy meets
// them); with once, only the next call's answer is lost.
func loseAnswersOf(emu *emulator.Server, action string, once bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		emu.SetFaults([]emulator.FaultRule{{Kind: emulator.FaultCutAfter, Rate: 1, Actions: []string{action}}})
		if once {
			// The hook runs inside the call that already drew its fault.
			emu.OnceBefore(action, func() { emu.SetFaults(nil) })
		}
		return nil
	}
}

func checkAnswerLostOnce(emu *emulator.Server, action string) error {
	if emu.FaultCounts()[emulator.FaultCutAfter] == 0 {
		return fmt.Errorf("no answer of %s was lost: the test proves nothing", action)
	}
	if n := emu.CallCount(action); n != 1 {
		return fmt.Errorf("%s was sent %d times, want 1 (a call whose answer was lost is read, not re-sent)", action, n)
	}
	return nil
}

// release_on_destroy = false: destroy only terminates. A lost Terminate
// answer leaves the machine in the recycle bin, and the destroy succeeds.
func TestAccBMCInstance_keepInRecycleBinTerminateAnswerLost(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if v, ok := emu.BMCInstance(id); !ok || v.Status != "RECYCLE" {
				return fmt.Errorf("instance %s: %+v (present %v), want it kept in the recycle bin", id, v, ok)
			}
			if n := emu.CallCount("bmc.ReleaseInstances"); n != 0 {
				return fmt.Errorf("ReleaseInstances was called %d times, want 0", n)
			}
			return checkAnswerLostOnce(emu, "bmc.TerminateInstance")
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id            = %[1]q
  instance_type_id   = %[2]q
  name               = "tf-acc-keep-cut"
  release_on_destroy = false
}
`, testZone, testType)),
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), loseAnswersOf(emu, "bmc.TerminateInstance", true)),
		}},
	})
}

// A lost ReleaseInstances answer: the machine is seen on its way out
// (RELEASING), the release is not sent again, and the destroy succeeds.
func TestAccBMCInstance_releaseAnswerLost(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if err := checkAnswerLostOnce(emu, "bmc.ReleaseInstances"); err != nil {
				return err
			}
			return checkInstancesGone(emu)(s)
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-release-cut", "running")),
			Check:  loseAnswersOf(emu, "bmc.ReleaseInstances", true),
		}},
	})
}
