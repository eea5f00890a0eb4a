package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The most common configuration, with force_detach unset: a data disk
// attached to a running instance. Terraform destroys the disk first, while
// the instance runs; the destroy detaches it forcibly (its data goes with
// the release anyway), and both are destroyed without an error.
func TestAccZECDisk_destroyAttachedToRunningInstance(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeTestCheckFunc(checkInstancesDestroyed(tg), checkDisksDestroyed(tg)),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(ids, acctest.RandomName("host"), "running", ""), fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id     = cloudcompute_zenlayer_zec_instance.test.zone_id
  name        = %q
  size        = 50
  instance_id = cloudcompute_zenlayer_zec_instance.test.id
}
`, acctest.RandomName("data"))),
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(diskResourceName, "force_detach", "false"),
				resource.TestCheckResourceAttr(diskResourceName, "status", "IN_USE"),
				resource.TestCheckResourceAttr(instanceResourceName, "power_state", "running"),
			),
		}},
	})
	if tg.Emu != nil {
		if got := tg.Emu.Actions(""); !acctest.ContainsInOrder(got, "zec.DetachDisks", "zec.ReleaseDisk", "zec.ReleaseInstances") {
			t.Errorf("emulator saw %v, want the disk detached and released before the instance", got)
		}
	}
}
