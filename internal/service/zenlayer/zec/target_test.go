package zec_test

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// What the tests that also run against a real cloud share: configurations
// from the target's ids, CheckDestroy through the finders, and changes
// behind Terraform's back through the API.

// behindBackTimeout bounds a change made behind Terraform's back.
const behindBackTimeout = 10 * time.Minute

// instanceConfigAt is a configuration of one instance named name, with the
// target's zone, image, type, subnet and key pair; extra goes inside the block.
func instanceConfigAt(ids acctest.ZECIDs, name, powerState, extra string) string {
	return fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_instance" "test" {
  zone_id       = %[1]q
  instance_type = %[2]q
  image_id      = %[3]q
  subnet_id     = %[4]q
  name          = %[5]q
  key_id        = %[6]q
  power_state   = %[7]q
%[8]s}
`, ids.Zone, ids.InstanceType, ids.Image, ids.Subnet, name, ids.KeyID, powerState, extra)
}

// diskConfigAt is a configuration of one data disk in zone.
func diskConfigAt(zone, name string, size int, extra string) string {
	return fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id = %[1]q
  name    = %[2]q
  size    = %[3]d
%[4]s}
`, zone, name, size, extra)
}

// checkInstancesDestroyed is a CheckDestroy: the finder no longer finds
// the state's instances; against the emulator, it holds none at all.
func checkInstancesDestroyed(tg *acctest.Target) resource.TestCheckFunc {
	checks := []resource.TestCheckFunc{checkInstancesNotFound(tg)}
	if tg.Emu != nil {
		checks = append(checks, checkInstancesGone(tg.Emu))
	}
	return resource.ComposeTestCheckFunc(checks...)
}

// checkInstancesNotFound is a CheckDestroy through the finder only.
func checkInstancesNotFound(tg *acctest.Target) resource.TestCheckFunc {
	return acctest.CheckGone("cloudcompute_zenlayer_zec_instance", func(ctx context.Context, id string) (string, error) {
		c, err := tg.ZenlayerClient()
		if err != nil {
			return "", err
		}
		inst, err := c.FindZECInstance(ctx, id)
		if err != nil {
			return "", err
		}
		return inst.Status, nil
	}, zenlayer.InstanceStatusReleasing)
}

// checkDisksDestroyed is a CheckDestroy: the finder no longer finds the
// state's disks; against the emulator, it holds no data disk at all.
func checkDisksDestroyed(tg *acctest.Target) resource.TestCheckFunc {
	checks := []resource.TestCheckFunc{acctest.CheckGone("cloudcompute_zenlayer_zec_disk", func(ctx context.Context, id string) (string, error) {
		c, err := tg.ZenlayerClient()
		if err != nil {
			return "", err
		}
		d, err := c.FindDisk(ctx, id)
		if err != nil {
			return "", err
		}
		return d.DiskStatus, nil
	}, zenlayer.DiskStatusDeleting)}
	if tg.Emu != nil {
		checks = append(checks, checkDisksGone(tg.Emu))
	}
	return resource.ComposeTestCheckFunc(checks...)
}

// releaseInstanceBehindBack releases instance id with the API, from the
// recycle bin too on an account that has one, and waits until it is gone.
func releaseInstanceBehindBack(tg *acctest.Target, id string) error {
	c, err := tg.ZenlayerClient()
	if err != nil {
		return err
	}
	find := func(ctx context.Context) (string, error) {
		inst, err := c.FindZECInstance(ctx, id)
		if err != nil {
			return "", err
		}
		return inst.Status, nil
	}
	if err := c.ReleaseZECInstance(context.Background(), id); err != nil {
		return err
	}
	if err := acctest.WaitStatus("ZEC instance "+id+" to be released", behindBackTimeout, find, "", zenlayer.InstanceStatusRecycle); err != nil {
		return err
	}
	if status, err := find(context.Background()); err == nil && status == zenlayer.InstanceStatusRecycle {
		if err := c.ReleaseZECInstance(context.Background(), id); err != nil {
			return err
		}
	}
	return acctest.WaitStatus("ZEC instance "+id+" to be gone", behindBackTimeout, find, "")
}

// releaseDiskBehindBack releases disk id with the API, from the recycle
// bin too on an account that has one, and waits until it is gone.
func releaseDiskBehindBack(tg *acctest.Target, id string) error {
	c, err := tg.ZenlayerClient()
	if err != nil {
		return err
	}
	find := func(ctx context.Context) (string, error) {
		d, err := c.FindDisk(ctx, id)
		if err != nil {
			return "", err
		}
		return d.DiskStatus, nil
	}
	if err := c.ReleaseDisk(context.Background(), id); err != nil {
		return err
	}
	if err := acctest.WaitStatus("ZEC disk "+id+" to be released", behindBackTimeout, find, "", zenlayer.DiskStatusRecycled); err != nil {
		return err
	}
	if status, err := find(context.Background()); err == nil && status == zenlayer.DiskStatusRecycled {
		if err := c.ReleaseDisk(context.Background(), id); err != nil {
			return err
		}
	}
	return acctest.WaitStatus("ZEC disk "+id+" to be gone", behindBackTimeout, find, "")
}

// stopInstanceBehindBack stops instance id with the API and waits until it is STOPPED.
func stopInstanceBehindBack(tg *acctest.Target, id string) error {
	c, err := tg.ZenlayerClient()
	if err != nil {
		return err
	}
	if err := c.StopInstances(context.Background(), true, id); err != nil {
		return err
	}
	return acctest.WaitStatus("ZEC instance "+id+" to stop", behindBackTimeout, func(ctx context.Context) (string, error) {
		inst, err := c.FindZECInstance(ctx, id)
		if err != nil {
			return "", err
		}
		return inst.Status, nil
	}, zenlayer.InstanceStatusStopped)
}
