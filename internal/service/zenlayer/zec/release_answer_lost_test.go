package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// A release is not idempotent on an account with a recycle bin: the first
// call moves the object into the bin, a second one frees it for good. These
// tests lose the answer of the destroy's release (the emulator does the
// release, then cuts the connection: it has no "500 after the action"
// fault, so cut-after is the lost answer) on objects that
// release_on_destroy = false keeps. The provider must read the object
// rather than send the release again, and leave it in the bin.

func TestAccZECDisk_keepInRecycleBinReleaseAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "loses the answer to a release (emulator fault injection) on a recycle-bin account")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			d, ok := emu.ZECDisk(id)
			if !ok || d.Status != "RECYCLED" {
				return fmt.Errorf("disk %s: %+v (present %v), want it kept in the recycle bin (RECYCLED)", id, d, ok)
			}
			return acctest.CheckAnswerLostOnce(emu, "zec.ReleaseDisk")
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), `
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id            = "asia-east-1a"
  name               = "tf-acc-keep-cut"
  size               = 20
  release_on_destroy = false
}
`),
			Check: resource.ComposeTestCheckFunc(acctest.CaptureID(diskResourceName, &id), acctest.LoseAnswersOf(emu, "zec.ReleaseDisk", true)),
		}},
	})
}

func TestAccZECInstance_keepInRecycleBinReleaseAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "loses the answer to a release (emulator fault injection) on a recycle-bin account")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			v, ok := emu.ZECInstance(id)
			if !ok || v.Status != "RECYCLE" {
				return fmt.Errorf("instance %s: %+v (present %v), want it kept in the recycle bin (RECYCLE)", id, v, ok)
			}
			return acctest.CheckAnswerLostOnce(emu, "zec.ReleaseInstances")
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-keep-cut", "running", "  release_on_destroy = false\n")),
			Check:  resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), acctest.LoseAnswersOf(emu, "zec.ReleaseInstances", true)),
		}},
	})
}

// With release_on_destroy = true the lost answers do not stop the destroy:
// each release that took effect is seen as such, and the next one (out of
// the bin) is sent once.
func TestAccZECDisk_recycleBinReleaseAnswersLost(t *testing.T) {
	acctest.SkipIfReal(t, "loses the answers to releases (emulator fault injection) on a recycle-bin account")
	emu := acctest.StartEmulator(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if n := emu.FaultCounts()[emulator.FaultCutAfter]; n != 2 {
				return fmt.Errorf("%d answers were lost, want 2", n)
			}
			if n := emu.CallCount("zec.ReleaseDisk"); n != 2 {
				return fmt.Errorf("ReleaseDisk was sent %d times, want 2 (into the bin, then out of it)", n)
			}
			return checkDisksGone(emu)(s)
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig("tf-acc-bin-cut", 20, "")),
			Check:  acctest.LoseAnswersOf(emu, "zec.ReleaseDisk", false),
		}},
	})
}
