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

// release_on_destroy = false: destroy only terminates. A lost Terminate
// answer leaves the machine in the recycle bin, and the destroy succeeds.
func TestAccBMCInstance_keepInRecycleBinTerminateAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "loses the answer to a terminate (emulator fault injection)")
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
			return acctest.CheckAnswerLostOnce(emu, "bmc.TerminateInstance")
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
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), acctest.LoseAnswersOf(emu, "bmc.TerminateInstance", true)),
		}},
	})
}

// A lost ReleaseInstances answer: the machine is seen gone (the API has no
// RELEASING status), the release is not sent again, and the destroy succeeds.
func TestAccBMCInstance_releaseAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "loses the answer to a release (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if err := acctest.CheckAnswerLostOnce(emu, "bmc.ReleaseInstances"); err != nil {
				return err
			}
			return checkInstancesGone(emu)(s)
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-release-cut", "running")),
			Check:  acctest.LoseAnswersOf(emu, "bmc.ReleaseInstances", true),
		}},
	})
}
