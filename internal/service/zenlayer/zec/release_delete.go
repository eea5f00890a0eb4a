package zec

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Destroy of ZEC disks and instances: both are released, and on accounts
// with a recycle bin released once more from there (releaseThroughBin).
// The waits themselves are in disk_wait.go and instance_wait.go.

// deleteDisk detaches (if attached), releases and waits until the disk is
// gone, or in the recycle bin when releaseFromBin is false. Every step is
// safe to repeat, so an interrupted destroy finishes on the next run.
//
// The detach is forced (instanceCheckFlag = false) whatever force_detach
// says: the disk's data goes with the release anyway, and Terraform
// destroys a disk before the instance it is attached to, which is most
// often running. force_detach protects mounted file systems in in-place
// detaches (Update) only.
var deleteDisk = framework.Destroyer("ZEC disk", waitDiskReleasable, releaseDiskThroughBin)

// deleteInstance releases an instance and waits until it is gone, or in
// the recycle bin when releaseFromBin is false. Data disks attached to it
// are detached and kept (they are resources of their own). Every step is
// safe to repeat, so an interrupted destroy finishes on the next run.
var deleteInstance = framework.Destroyer("ZEC instance", waitInstanceReleasable, releaseInstanceThroughBin)

// releaseThroughBin is the end of the destroy of a ZEC disk or instance
// (what), written once for both: on accounts with a recycle bin the first
// release moves the object into the bin (status recycled) and a second one
// frees it for good.
//
// An object found in the bin (inBin) stays there when releaseFromBin is
// false. Otherwise it is released and awaited until it is gone or in the
// bin; from the bin it is released once more, unless releaseFromBin is
// false, which leaves it there with a warning. release sends one release
// and reports whether the destroy ends there (nothing left to release; an
// error, in diags, ends it too); await waits until the object reaches one of
// target and answers it (the zero T once it is gone).
func releaseThroughBin[T comparable](ctx context.Context, diags *diag.Diagnostics, what, id string, inBin, releaseFromBin bool, recycled string,
	release func() (stop bool), await func(what string, target ...string) (T, error),
) {
	send := func() bool {
		tflog.Info(ctx, "releasing ZEC "+what, map[string]any{"id": id})
		return release() || diags.HasError()
	}
	if inBin && !releaseFromBin {
		warnLeftInRecycleBin(diags, what, id)
		return
	}
	if send() {
		return
	}
	obj, err := await("to be released", wait.Gone, recycled)
	if err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC %s (%s) to be released", what, id), err.Error())
		return
	}
	var gone T
	if obj == gone {
		return
	}
	// The account has a recycle bin and the object is in it.
	if !releaseFromBin {
		warnLeftInRecycleBin(diags, what, id)
		return
	}
	tflog.Info(ctx, "ZEC "+what+" is in the recycle bin, releasing it from there", map[string]any{"id": id})
	if send() {
		return
	}
	if _, err := await("to be released from the recycle bin", wait.Gone); err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC %s (%s) to be released from the recycle bin", what, id), err.Error())
	}
}

// warnLeftInRecycleBin says that destroy left a ZEC disk or instance (what)
// in the recycle bin, as release_on_destroy = false asks.
func warnLeftInRecycleBin(diags *diag.Diagnostics, what, id string) {
	diags.AddWarning(fmt.Sprintf("ZEC %s (%s) left in the recycle bin", what, id),
		fmt.Sprintf("release_on_destroy is false, so %s %s was moved to the account's recycle bin and not freed. "+
			"It can be restored from there for a limited time and is freed by Zenlayer afterwards; Terraform no longer manages it.", what, id))
}

// releaseDiskThroughBin is deleteDisk once the disk has settled.
func releaseDiskThroughBin(ctx context.Context, conn *zenlayer.Client, disk *zenlayer.Disk, releaseFromBin bool, timeout time.Duration,
	diags *diag.Diagnostics,
) {
	id := disk.DiskID
	if disk.DiskStatus == zenlayer.DiskStatusInUse && disk.Portable && disk.DiskType != zenlayer.DiskTypeSystem {
		if err := detachDisk(ctx, conn, id, disk.InstanceID, true, timeout); err != nil {
			diags.AddError(fmt.Sprintf("detaching ZEC disk (%s) before release", id), err.Error())
			return
		}
	}
	releaseThroughBin(ctx, diags, "disk", id, disk.DiskStatus == zenlayer.DiskStatusRecycled, releaseFromBin, zenlayer.DiskStatusRecycled,
		func() bool { return releaseDisk(ctx, conn, id, diags) != nil },
		func(what string, target ...string) (*zenlayer.Disk, error) {
			return waitDisk(ctx, conn, id, what, timeout, target...)
		})
}

// releaseDisk calls ReleaseDisk and turns each documented error code into a
// clear diagnostic. A disk that is already gone is not an error.
func releaseDisk(ctx context.Context, conn *zenlayer.Client, id string, diags *diag.Diagnostics) error {
	err := conn.ReleaseDisk(ctx, id)
	switch {
	case err == nil:
		return nil
	case zenlayer.HasCode(err, zenlayer.CodeDiskBeingRecycled):
		// Released by something else a moment ago: it is on its way into
		// the recycle bin, as this release would have put it.
		tflog.Info(ctx, "ZEC disk is already being moved to the recycle bin", map[string]any{"id": id, "code": zenlayer.CodeDiskBeingRecycled})
		return nil
	case zenlayer.HasCode(err, zenlayer.CodeDiskNotFound):
		diags.AddWarning(fmt.Sprintf("ZEC disk (%s) was already released", id),
			"ReleaseDisk answered that the disk does not exist: something else released it while Terraform was destroying it. Nothing is left to do.\n\n"+err.Error())
		return nil
	case zenlayer.HasCode(err, zenlayer.CodeDiskNotPortable):
		diags.AddError(fmt.Sprintf("ZEC disk (%s) is a boot disk and cannot be released on its own", id),
			"ReleaseDisk refused the disk because it is not detachable: it is the system (boot) disk of an instance and is released "+
				"together with that instance. To stop managing it with Terraform without releasing it, remove it from the configuration "+
				"with a `removed` block (lifecycle { destroy = false }) or run `terraform state rm`.\n\n"+err.Error())
	case zenlayer.HasCode(err, zenlayer.CodeUnsupportedDiskStatus):
		diags.AddError(fmt.Sprintf("ZEC disk (%s) cannot be released in its current status (%s)", id, diskFinder.Current(ctx, conn, id)),
			"ReleaseDisk refused the disk because of its status: only a detached, idle disk (AVAILABLE, or RECYCLED in the recycle bin) "+
				"can be released. Another operation may be running on it; wait for it to finish and run destroy again.\n\n"+err.Error())
	default:
		diags.AddError(fmt.Sprintf("releasing ZEC disk (%s)", id), err.Error())
	}
	return err
}

// releaseInstanceThroughBin is deleteInstance once the instance has settled.
func releaseInstanceThroughBin(ctx context.Context, conn *zenlayer.Client, inst *zenlayer.Instance, releaseFromBin bool, timeout time.Duration,
	diags *diag.Diagnostics,
) {
	id := inst.InstanceID
	releaseThroughBin(ctx, diags, "instance", id, inst.Status == zenlayer.InstanceStatusRecycle, releaseFromBin, zenlayer.InstanceStatusRecycle,
		func() bool { return releaseInstance(ctx, conn, id, diags) },
		func(what string, target ...string) (*zenlayer.Instance, error) {
			return waitInstance(ctx, conn, id, what, timeout, target, nil)
		})
}

// releaseInstance calls ReleaseInstances (keeping the data disks) and turns
// each answer into a clear diagnostic. It reports gone when the instance
// turned out to be released already.
func releaseInstance(ctx context.Context, conn *zenlayer.Client, id string, diags *diag.Diagnostics) (gone bool) {
	err := conn.ReleaseZECInstance(ctx, id)
	var be *zenlayer.BatchError
	switch {
	case err == nil:
		return false
	case zenlayer.IsNotFoundCode(err):
		diags.AddWarning(fmt.Sprintf("ZEC instance (%s) was already released", id),
			"ReleaseInstances answered that the instance does not exist: something else released it while Terraform was destroying it. Nothing is left to do.\n\n"+err.Error())
		return true
	case errors.As(err, &be):
		diags.AddError(fmt.Sprintf("ZEC instance (%s) was not released", id),
			fmt.Sprintf("ReleaseInstances accepted the request but answered the instance as failed (status %s), so it still exists. "+
				"Check it in the Zenlayer console and run destroy again.\n\n%s", currentStatus(ctx, conn, id), err))
	case zenlayer.HasCode(err, zenlayer.CodeInstanceInOperation):
		diags.AddError(fmt.Sprintf("ZEC instance (%s) is busy and cannot be released now", id),
			fmt.Sprintf("The instance is performing another operation (status %s). Wait for it to finish and run destroy again.\n\n%s",
				currentStatus(ctx, conn, id), err))
	case zenlayer.HasCode(err, zenlayer.CodeUnsupportedInstanceStatus):
		diags.AddError(fmt.Sprintf("ZEC instance (%s) cannot be released in its current status (%s)", id, currentStatus(ctx, conn, id)),
			"ReleaseInstances refused the instance because of its status. Run destroy again once the instance is RUNNING or STOPPED.\n\n"+err.Error())
	default:
		diags.AddError(fmt.Sprintf("releasing ZEC instance (%s)", id), err.Error())
	}
	return false
}
