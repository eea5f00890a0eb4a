package sweep

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Prefix starts the name of every object the acceptance tests make.
const Prefix = "tf-acc-"

// Timeout bounds each wait of a sweep for one object (a BMC machine may
// still be installing when the sweep finds it).
var Timeout = 30 * time.Minute

// Logf reports what a sweeper does, one line per object.
type Logf func(format string, args ...any)

// isTestObject reports whether name is one the tests give.
func isTestObject(name string) bool { return strings.HasPrefix(name, Prefix) }

// sweepAll lists the objects of one kind (what, in the error of the
// listing) and sweeps those the tests made, one by one: one object's
// failure does not keep the others from being swept, and every failure is
// in the error.
func sweepAll[T, R any](ctx context.Context, what string, list func(context.Context, R) ([]T, error), all R,
	name func(*T) string, sweep func(*T) error) error {
	objs, err := list(ctx, all)
	if err != nil {
		return fmt.Errorf("listing %s: %w", what, err)
	}
	var errs []error
	for i := range objs {
		if !isTestObject(name(&objs[i])) {
			continue
		}
		if err := sweep(&objs[i]); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ZECInstances releases the test instances (and their system disks with
// them): from the recycle bin too, on an account that has one. Their data
// disks are detached and kept by the API: ZECDisks runs after it.
func ZECInstances(ctx context.Context, c *zenlayer.Client, logf Logf) error {
	return sweepAll(ctx, "ZEC instances", c.DescribeInstances, zenlayer.DescribeInstancesRequest{},
		func(inst *zenlayer.Instance) string { return inst.InstanceName },
		func(inst *zenlayer.Instance) error {
			return releaseZEC(ctx, "ZEC instance", inst.InstanceID, inst.InstanceName, logf,
				func(ctx context.Context) error { return c.ReleaseZECInstance(ctx, inst.InstanceID) },
				wait.StatusOf(c.FindZECInstance, inst.InstanceID, zenlayer.IsNotFound, func(i *zenlayer.Instance) string { return i.Status }),
				zecInstanceSettled, zenlayer.InstanceStatusRecycle, zenlayer.InstanceStatusReleasing)
		})
}

// zecInstanceSettled are the statuses a release is accepted in.
var zecInstanceSettled = []string{zenlayer.InstanceStatusRunning, zenlayer.InstanceStatusStopped, zenlayer.InstanceStatusCreateFailed,
	zenlayer.InstanceStatusRecycle, zenlayer.InstanceStatusReleasing}

// ZECDisks releases the test data disks, detaching them first from any
// instance, and from the recycle bin too. A boot disk is never released on
// its own: it goes with its instance.
func ZECDisks(ctx context.Context, c *zenlayer.Client, logf Logf) error {
	return sweepAll(ctx, "ZEC disks", c.DescribeDisks, zenlayer.DescribeDisksRequest{},
		func(d *zenlayer.Disk) string { return d.DiskName },
		func(d *zenlayer.Disk) error { return sweepDisk(ctx, c, d, logf) })
}

// sweepDisk detaches and releases one test data disk; a boot disk is kept.
func sweepDisk(ctx context.Context, c *zenlayer.Client, d *zenlayer.Disk, logf Logf) error {
	if d.DiskType == "SYSTEM" {
		logf("kept ZEC disk %s (%s): a boot disk goes with its instance %s", d.DiskID, d.DiskName, d.InstanceID)
		return nil
	}
	status := wait.StatusOf(c.FindDisk, d.DiskID, zenlayer.IsNotFound, func(d *zenlayer.Disk) string { return d.DiskStatus })
	if d.InstanceID != "" && d.DiskStatus != zenlayer.DiskStatusRecycled {
		logf("detaching ZEC disk %s (%s) from instance %s", d.DiskID, d.DiskName, d.InstanceID)
		if err := c.DetachDisk(ctx, false, d.DiskID); err != nil {
			return fmt.Errorf("detaching ZEC disk %s (%s): %w", d.DiskID, d.DiskName, err)
		}
		if _, err := wait.Until(ctx, wait.Object(ctx, "ZEC disk", d.DiskID, "to be detached", status, Timeout,
			[]string{zenlayer.DiskStatusAvailable, wait.Gone}, []string{zenlayer.DiskStatusFailed})); err != nil {
			return err
		}
	}
	return releaseZEC(ctx, "ZEC disk", d.DiskID, d.DiskName, logf,
		func(ctx context.Context) error { return c.ReleaseDisk(ctx, d.DiskID) }, status,
		zecDiskSettled, zenlayer.DiskStatusRecycled, zenlayer.DiskStatusDeleting)
}

// zecDiskSettled are the statuses a release is accepted in.
var zecDiskSettled = []string{zenlayer.DiskStatusAvailable, zenlayer.DiskStatusFailed, zenlayer.DiskStatusRecycled, zenlayer.DiskStatusDeleting}

// releaseZEC releases one ZEC object: it waits for an operation in
// progress to end (settled), releases it, and releases it again from the
// recycle bin (recycled) until it is gone; releasing (the API's status on
// the way out) only needs waiting for.
func releaseZEC[T any](ctx context.Context, kind, id, name string, logf Logf, release func(context.Context) error,
	status wait.StatusFunc[T], settled []string, recycled, releasing string) error {
	for range 3 {
		now, err := settle(ctx, kind, id, status, settled)
		if err != nil {
			return err
		}
		switch now {
		case wait.Gone:
			logf("released %s %s (%s)", kind, id, name)
			return nil
		case releasing:
		default:
			logf("releasing %s %s (%s, %s)", kind, id, name, now)
			if err := release(ctx); err != nil {
				return fmt.Errorf("releasing %s %s (%s): %w", kind, id, name, err)
			}
		}
		if _, err := wait.Until(ctx, wait.Object(ctx, kind, id, "to be released", status, Timeout, []string{wait.Gone, recycled}, nil)); err != nil {
			return err
		}
	}
	return fmt.Errorf("%s %s (%s) is still there after three releases", kind, id, name)
}

// settle waits until the object is gone or in one of settled, and returns
// that status.
func settle[T any](ctx context.Context, kind, id string, status wait.StatusFunc[T], settled []string) (string, error) {
	if _, err := wait.Until(ctx, wait.Object(ctx, kind, id, "to finish its current operation", status, Timeout,
		append([]string{wait.Gone}, settled...), nil)); err != nil {
		return "", err
	}
	_, now, err := status(ctx)
	return now, err
}

// bmcSettled are the statuses a terminate or a release is accepted in.
var bmcSettled = []string{zenlayer.BMCStatusRunning, zenlayer.BMCStatusStopped, zenlayer.BMCStatusCreateFailed, zenlayer.BMCStatusInstallFailed,
	zenlayer.BMCStatusRecycle, zenlayer.BMCStatusReleasing}

// BMCInstances terminates the test machines into the recycle bin and
// releases them from it (a machine whose create failed is deleted by the
// terminate at once). A PREPAID machine cannot be released before its
// subscription ends: its renewal is cancelled and it is kept.
func BMCInstances(ctx context.Context, c *zenlayer.Client, logf Logf) error {
	return sweepAll(ctx, "BMC instances", c.DescribeBMCInstances, zenlayer.DescribeBMCInstancesRequest{},
		func(inst *zenlayer.BMCInstance) string { return inst.InstanceName },
		func(inst *zenlayer.BMCInstance) error {
			if err := sweepBMC(ctx, c, *inst, logf); err != nil {
				return fmt.Errorf("BMC instance %s (%s): %w", inst.InstanceID, inst.InstanceName, err)
			}
			return nil
		})
}

func sweepBMC(ctx context.Context, c *zenlayer.Client, inst zenlayer.BMCInstance, logf Logf) error {
	id := inst.InstanceID
	status := wait.StatusOf(c.FindBMCInstance, id, zenlayer.IsNotFound, func(i *zenlayer.BMCInstance) string { return i.InstanceStatus })
	if inst.InstanceChargeType == zenlayer.BMCChargePrepaid {
		if inst.AutoRenew {
			if err := c.TerminateBMCInstance(ctx, id); err != nil {
				return fmt.Errorf("cancelling the renewal: %w", err)
			}
		}
		logf("kept PREPAID BMC instance %s (%s), without renewal, until it expires (%s): it cannot be released early", id, inst.InstanceName, inst.ExpiredTime)
		return nil
	}
	now, err := settle(ctx, "BMC instance", id, status, bmcSettled)
	if err != nil {
		return err
	}
	switch now {
	case wait.Gone:
		return nil
	case zenlayer.BMCStatusRecycle, zenlayer.BMCStatusReleasing:
	default:
		logf("terminating BMC instance %s (%s, %s)", id, inst.InstanceName, now)
		if err := c.TerminateBMCInstance(ctx, id); err != nil {
			return fmt.Errorf("terminating: %w", err)
		}
		if _, err := wait.Until(ctx, wait.Object(ctx, "BMC instance", id, "to reach the recycle bin", status, Timeout,
			[]string{zenlayer.BMCStatusRecycle, zenlayer.BMCStatusReleasing, wait.Gone}, nil)); err != nil {
			return err
		}
		if _, now, err = status(ctx); err != nil {
			return err
		}
	}
	if now == zenlayer.BMCStatusRecycle {
		logf("releasing BMC instance %s (%s) from the recycle bin", id, inst.InstanceName)
		if err := c.ReleaseBMCInstances(ctx, id); err != nil {
			return fmt.Errorf("releasing: %w", err)
		}
	}
	if _, err := wait.Until(ctx, wait.Object(ctx, "BMC instance", id, "to be released", status, Timeout, []string{wait.Gone}, nil)); err != nil {
		return err
	}
	logf("released BMC instance %s (%s)", id, inst.InstanceName)
	return nil
}
