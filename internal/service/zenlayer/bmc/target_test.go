package bmc_test

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// What the tests that also run against a real cloud share: configurations
// from the target's ids, CheckDestroy through the finder, and changes
// behind Terraform's back through the API.

// behindBackTimeout bounds a change made behind Terraform's back (a real
// machine takes minutes to stop or to reach the recycle bin).
const behindBackTimeout = 30 * time.Minute

// instanceConfigAt is a configuration of one instance without an operating
// system, named name, in the target's zone and instance type.
func instanceConfigAt(ids acctest.BMCIDs, name, power string) string {
	return fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  name             = %[3]q
  power_state      = %[4]q
}
`, ids.Zone, ids.InstanceType, name, power)
}

// findStatus is the finder's status of instance id on the target.
func findStatus(tg *acctest.Target) func(ctx context.Context, id string) (string, error) {
	return func(ctx context.Context, id string) (string, error) {
		c, err := tg.ZenlayerClient()
		if err != nil {
			return "", err
		}
		inst, err := c.FindBMCInstance(ctx, id)
		if err != nil {
			return "", err
		}
		return inst.InstanceStatus, nil
	}
}

// checkInstancesDestroyed is a CheckDestroy: the finder no longer finds
// the state's instances; against the emulator, it holds none at all.
func checkInstancesDestroyed(tg *acctest.Target) resource.TestCheckFunc {
	checks := []resource.TestCheckFunc{acctest.CheckGone("cloudcompute_zenlayer_bmc_instance", findStatus(tg), zenlayer.BMCStatusReleasing)}
	if tg.Emu != nil {
		checks = append(checks, checkInstancesGone(tg.Emu))
	}
	return resource.ComposeTestCheckFunc(checks...)
}

// waitStatus waits until instance id is in one of want ("" for gone).
func waitStatus(tg *acctest.Target, id, what string, want ...string) error {
	find := findStatus(tg)
	return acctest.WaitStatus("BMC instance "+id+" "+what, behindBackTimeout, func(ctx context.Context) (string, error) { return find(ctx, id) }, want...)
}

// stopBehindBack powers instance id off with the API and waits until it is STOPPED.
func stopBehindBack(tg *acctest.Target, id string) error {
	c, err := tg.ZenlayerClient()
	if err != nil {
		return err
	}
	if err := c.StopBMCInstances(context.Background(), id); err != nil {
		return err
	}
	return waitStatus(tg, id, "to stop", zenlayer.BMCStatusStopped)
}

// terminateBehindBack moves instance id into the recycle bin: with the API
// against a real cloud (and waits for RECYCLE), by forcing its status
// against the emulator, so that the emulator's log holds no
// TerminateInstance but Terraform's.
func terminateBehindBack(tg *acctest.Target, id string) error {
	if tg.Emu != nil {
		if !tg.Emu.SetBMCInstanceStatus(id, zenlayer.BMCStatusRecycle) {
			return fmt.Errorf("instance %s not in the emulator", id)
		}
		return nil
	}
	c, err := tg.ZenlayerClient()
	if err != nil {
		return err
	}
	if err := c.TerminateBMCInstance(context.Background(), id); err != nil {
		return err
	}
	return waitStatus(tg, id, "to reach the recycle bin", zenlayer.BMCStatusRecycle)
}

// deleteBehindBack makes instance id disappear: terminated, then released
// from the recycle bin with the API against a real cloud; deleted at once
// against the emulator.
func deleteBehindBack(tg *acctest.Target, id string) error {
	if tg.Emu != nil {
		if !tg.Emu.DeleteBMCInstance(id) {
			return fmt.Errorf("instance %s not in the emulator", id)
		}
		return nil
	}
	if err := terminateBehindBack(tg, id); err != nil {
		return err
	}
	return releaseRecycled(tg, id)
}

// releaseRecycled releases instance id from the recycle bin with the API
// and waits until it is gone.
func releaseRecycled(tg *acctest.Target, id string) error {
	c, err := tg.ZenlayerClient()
	if err != nil {
		return err
	}
	if err := c.ReleaseBMCInstances(context.Background(), id); err != nil {
		return err
	}
	return waitStatus(tg, id, "to be released", "")
}
