package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The most common configuration, with force_detach unset: a data disk
// attached to a running instance. Terraform destroys the disk first, while
// the instance runs; the destroy detaches it forcibly (its data goes with
// the release anyway), and both are destroyed without an error.
func TestAccZECDisk_destroyAttachedToRunningInstance(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if err := checkInstancesGone(emu)(s); err != nil {
				return err
			}
			if disks := emu.Inventory()["zec_disk"]; len(disks) != 0 {
				return fmt.Errorf("disks %v are still in the emulator", disks)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-host", "running", ""), `
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id     = cloudcompute_zenlayer_zec_instance.test.zone_id
  name        = "tf-acc-data"
  size        = 50
  instance_id = cloudcompute_zenlayer_zec_instance.test.id
}
`),
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(diskResourceName, "force_detach", "false"),
				resource.TestCheckResourceAttr(diskResourceName, "status", "IN_USE"),
				resource.TestCheckResourceAttr(instanceResourceName, "power_state", "running"),
			),
		}},
	})
	if got := emu.Actions(""); !acctest.ContainsInOrder(got, "zec.DetachDisks", "zec.ReleaseDisk", "zec.ReleaseInstances") {
		t.Errorf("emulator saw %v, want the disk detached and released before the instance", got)
	}
}
