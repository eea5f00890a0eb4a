package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// Codes the real API returns and the official provider handles.

// ReleaseDisk's UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE: something else
// released the disk a moment before the destroy did, and it is on its way
// into the recycle bin. The destroy takes it for its own release, waits for
// the bin and releases it from there.
func TestAccZECDisk_releaseBeingRecycled(t *testing.T) {
	acctest.SkipIfReal(t, "sets a disk's status behind Terraform's back (emulator control)")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if !acctest.LoggedCode(emu, "ReleaseDisk", "UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE") {
				return fmt.Errorf("the emulator did not answer ReleaseDisk with UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE: %v", emu.Log())
			}
			return checkDisksGone(emu)(nil)
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig("tf-acc-being-recycled", 20, "")),
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(diskResourceName, &id), func(*terraform.State) error {
				emu.OnceBefore("zec.ReleaseDisk", func() {
					if !emu.ReleaseZECDisk(id) {
						t.Errorf("the release behind the provider's back was refused")
					}
				})
				return nil
			}),
		}},
	})
}

// INVALID_OPERATION_TIMEOUT on CreateZecInstances: the back end timed out
// after it made the instance. The create is not sent again: the instance is
// found by its create token and adopted.
func TestAccZECInstance_createOperationTimeout(t *testing.T) {
	acctest.SkipIfReal(t, "answers INVALID_OPERATION_TIMEOUT on purpose (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultOperationTimeout, Rate: 1, Max: 1, Actions: []string{"zec.CreateZecInstances"}},
	}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-op-timeout", "running", "")),
			Check: resource.ComposeTestCheckFunc(acctest.CheckCreatedOnce(emu, instanceResourceName, "zec_instance", "zec.CreateZecInstances"),
				func(*terraform.State) error {
					if n := emu.FaultCounts()[emulator.FaultOperationTimeout]; n != 1 {
						return fmt.Errorf("%d op-timeout faults, want 1", n)
					}
					return nil
				}),
		}},
	})
}
