package clouddc_test

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// What the tests that also run against a real cloud share: configurations
// from the target's ids, CheckDestroy through the finder, and changes
// behind Terraform's back through the API.

// behindBackTimeout bounds a change made behind Terraform's back.
const behindBackTimeout = 30 * time.Minute

// terminated is the status findStatus gives an instance the API lists as
// terminated (in either spelling).
const terminated = "terminated"

// instanceConfigAt is a configuration of one instance named name, with the
// target's image, VPC and subnet; extra goes inside the resource block.
func instanceConfigAt(ids acctest.CloudDCIDs, name, extra string) string {
	return fmt.Sprintf(`
resource "cloudcompute_huaweicloud_clouddc_instance" "test" {
  name        = %[1]q
  image_id    = %[2]q
  vpc_id      = %[3]q
  password_wo = %[4]q

  network_interfaces = [
    { subnet_id = %[5]q },
  ]
%[6]s
}
`, name, ids.Image, ids.VPC, testPassword, ids.Subnet, extra)
}

// findStatus is the finder's state of instance id on the target.
func findStatus(tg *acctest.Target) func(ctx context.Context, id string) (string, error) {
	return func(ctx context.Context, id string) (string, error) {
		c, err := tg.HuaweiClient()
		if err != nil {
			return "", err
		}
		inst, err := c.FindInstance(ctx, id)
		if err != nil {
			return "", err
		}
		if huaweicloud.IsTerminated(inst.State) {
			return terminated, nil
		}
		return inst.State, nil
	}
}

// checkInstancesDestroyed is a CheckDestroy: the finder no longer finds
// the state's instances (or finds them terminated); against the emulator,
// it holds none but terminated ones at all.
func checkInstancesDestroyed(tg *acctest.Target) resource.TestCheckFunc {
	checks := []resource.TestCheckFunc{acctest.CheckGone("cloudcompute_huaweicloud_clouddc_instance", findStatus(tg), terminated)}
	if tg.Emu != nil {
		checks = append(checks, checkInstancesGone(tg.Emu))
	}
	return resource.ComposeTestCheckFunc(checks...)
}

// deleteBehindBack deletes instance id with the API and waits until the
// API lists it as terminated, or no more.
func deleteBehindBack(tg *acctest.Target, id string) error {
	c, err := tg.HuaweiClient()
	if err != nil {
		return err
	}
	if err := c.DeleteInstance(context.Background(), id); err != nil {
		return err
	}
	find := findStatus(tg)
	return acctest.WaitStatus("CloudDC instance "+id+" to be deleted", behindBackTimeout,
		func(ctx context.Context) (string, error) { return find(ctx, id) }, terminated, "")
}
