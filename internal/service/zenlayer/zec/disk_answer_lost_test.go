package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// A resize, an attach and a detach whose answers are lost (the emulator
// does the call, then cuts the connection). The API refuses each a second
// time while it is under way or made (CHANGING; ATTACHING or attached;
// DETACHING), so a blind retry turned each success into a failed apply.
// The disk is read instead, shows the call, and the call is not sent
// again: each apply succeeds with one call.
func TestAccZECDisk_changeAnswersLost(t *testing.T) {
	acctest.SkipIfReal(t, "loses answers (emulator fault injection)")
	tg := acctest.NewTarget(t, emulator.Options{})
	emu, ids := tg.Emu, tg.ZEC()
	provider := tg.ZenlayerProviderConfig()
	host := instanceConfigAt(ids, acctest.RandomName("host"), "stopped", "")
	name := acctest.RandomName("lost")
	attached := "  instance_id = cloudcompute_zenlayer_zec_instance.test.id\n"
	lostOnce := func(action string) resource.TestCheckFunc {
		return func(*terraform.State) error { return acctest.CheckAnswerLostOnce(emu, action) }
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkDisksDestroyed(tg), checkInstancesDestroyed(tg)),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, host, diskConfigAt(ids.Zone, name, 20, "")),
				Check:  acctest.LoseAnswersOf(emu, "zec.ResizeDisk", true),
			},
			{
				Config: acctest.ConfigCompose(provider, host, diskConfigAt(ids.Zone, name, 60, "")),
				Check: resource.ComposeTestCheckFunc(lostOnce("zec.ResizeDisk"), checkDiskInEmulator(emu, func(d emulator.ZECDiskView) error {
					if d.Size != 60 {
						return fmt.Errorf("disk %+v, want 60 GiB", d)
					}
					return nil
				}), acctest.LoseAnswersOf(emu, "zec.AttachDisks", true)),
			},
			{
				Config: acctest.ConfigCompose(provider, host, diskConfigAt(ids.Zone, name, 60, attached)),
				Check:  resource.ComposeTestCheckFunc(lostOnce("zec.AttachDisks"), acctest.LoseAnswersOf(emu, "zec.DetachDisks", true)),
			},
			{
				Config: acctest.ConfigCompose(provider, host, diskConfigAt(ids.Zone, name, 60, "")),
				Check:  lostOnce("zec.DetachDisks"),
			},
		},
	})
}
