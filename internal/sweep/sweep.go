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

// ZECInstances releases the test instances (and their system disks with
// them): from the recycle bin too, on an account that has one. Their data
// disks are detached and kept by the API: ZECDisks runs after it.
func ZECInstances(ctx context.Context, c *zenlayer.Client, logf Logf) error {
	list, err := c.DescribeInstances(ctx, zenlayer.DescribeInstancesRequest{})
	if err != nil {
		return fmt.Errorf("listing ZEC instances: %w", err)
	}
	var errs []error
	for _, inst := range list {
		if !isTestObject(inst.InstanceName) {
			continue
		}
		if err := releaseZEC(ctx, "ZEC instance", inst.InstanceID, inst.InstanceName, logf,
			func(ctx context.Context) error { return c.ReleaseZECInstance(ctx, inst.InstanceID) },
			wait.StatusOf(c.FindZECInstance, inst.InstanceID, zenlayer.IsNotFound, func(i *zenlayer.Instance) string { return i.Status }),
			zecInstanceSettled, zenlayer.InstanceStatusRecycle, zenlayer.InstanceStatusReleasing); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// zecInstanceSettled are the statuses a release is accepted in.
var zecInstanceSettled = []string{zenlayer.InstanceStatusRunning, zenlayer.InstanceStatusStopped, zenlayer.InstanceStatusCreateFailed,
	zenlayer.InstanceStatusRecycle, zenlayer.InstanceStatusReleasing}

// ZECDisks releases the test data disks, detaching them first from any
// instance, and from the recycle bin too. A boot disk is never released on
// its own: it goes with its instance.
func ZECDisks(ctx context.Context, c *zenlayer.Client, logf Logf) error {
	list, err := c.DescribeDisks(ctx, zenlayer.DescribeDisksRequest{})
	if err != nil {
		return fmt.Errorf("listing ZEC disks: %w", err)
	}
	var errs []error
	for _, d := range list {
		if !isTestObject(d.DiskName) {
			continue
		}
		if d.DiskType == "SYSTEM" {
			logf("kept ZEC disk %s (%s): a boot disk goes with its instance %s", d.DiskID, d.DiskName, d.InstanceID)
			continue
		}
		status := wait.StatusOf(c.FindDisk, d.DiskID, zenlayer.IsNotFound, func(d *zenlayer.Disk) string { return d.DiskStatus })
		if d.InstanceID != "" && d.DiskStatus != zenlayer.DiskStatusRecycled {
			logf("detaching ZEC disk %s (%s) from instance %s", d.DiskID, d.DiskName, d.InstanceID)
			if err := c.DetachDisks(ctx, false, d.DiskID); err != nil {
				errs = append(errs, fmt.Errorf("detaching ZEC disk %s (%s): %w", d.DiskID, d.DiskName, err))
				continue
			}
			if _, err := wait.Until(ctx, wait.Object(ctx, "ZEC disk", d.DiskID, "to be detached", status, Timeout,
				[]string{zenlayer.DiskStatusAvailable, wait.Gone}, []string{zenlayer.DiskStatusFailed})); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		if err := releaseZEC(ctx, "ZEC disk", d.DiskID, d.DiskName, logf,
			func(ctx context.Context) error { return c.ReleaseDisk(ctx, d.DiskID) }, status,
			zecDiskSettled, zenlayer.DiskStatusRecycled, zenlayer.DiskStatusDeleting); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
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
	list, err := c.DescribeBMCInstances(ctx, zenlayer.DescribeBMCInstancesRequest{})
	if err != nil {
		return fmt.Errorf("listing BMC instances: %w", err)
	}
	var errs []error
	for _, inst := range list {
		if !isTestObject(inst.InstanceName) {
			continue
		}
		if err := sweepBMC(ctx, c, inst, logf); err != nil {
			errs = append(errs, fmt.Errorf("BMC instance %s (%s): %w", inst.InstanceID, inst.InstanceName, err))
		}
	}
	return errors.Join(errs...)
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
