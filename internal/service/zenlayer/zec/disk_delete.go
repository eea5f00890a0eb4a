package zec

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// deleteDisk detaches (if attached), releases and waits until the disk is
// gone, or in the recycle bin when releaseFromBin is false. Every step is
// safe to repeat, so an interrupted destroy finishes on the next run.
//
// The detach is forced (instanceCheckFlag = false) whatever force_detach
// says: the disk's data goes with the release anyway, and Terraform
// destroys a disk before the instance it is attached to, which is most
// often running. force_detach protects mounted file systems in in-place
// detaches (Update) only.
func deleteDisk(ctx context.Context, conn *zenlayer.Client, id string, releaseFromBin bool, timeout time.Duration) diag.Diagnostics {
	var diags diag.Diagnostics
	disk, err := waitDiskReleasable(ctx, conn, id, timeout)
	if !framework.Deletable(ctx, &diags, "ZEC disk", id, disk, err) {
		return diags
	}
	if disk.DiskStatus == zenlayer.DiskStatusInUse && disk.Portable && disk.DiskType != zenlayer.DiskTypeSystem {
		if err := detachDisk(ctx, conn, id, disk.InstanceID, true, timeout); err != nil {
			diags.AddError(fmt.Sprintf("detaching ZEC disk (%s) before release", id), err.Error())
			return diags
		}
	}
	releaseThroughBin(ctx, &diags, "disk", id, disk.DiskStatus == zenlayer.DiskStatusRecycled, releaseFromBin, zenlayer.DiskStatusRecycled,
		func() bool { return releaseDisk(ctx, conn, id, &diags) != nil || diags.HasError() },
		func(what string, target ...string) (*zenlayer.Disk, error) {
			return waitDisk(ctx, conn, id, what, timeout, target...)
		})
	return diags
}

// releaseDisk calls ReleaseDisk and turns each documented error code into a
// clear diagnostic. A disk that is already gone is not an error.
func releaseDisk(ctx context.Context, conn *zenlayer.Client, id string, diags *diag.Diagnostics) error {
	tflog.Info(ctx, "releasing ZEC disk", map[string]any{"id": id})
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
		status := "unknown"
		if d, ferr := conn.FindDisk(ctx, id); ferr == nil {
			status = d.DiskStatus
		}
		diags.AddError(fmt.Sprintf("ZEC disk (%s) cannot be released in its current status (%s)", id, status),
			"ReleaseDisk refused the disk because of its status: only a detached, idle disk (AVAILABLE, or RECYCLED in the recycle bin) "+
				"can be released. Another operation may be running on it; wait for it to finish and run destroy again.\n\n"+err.Error())
	default:
		diags.AddError(fmt.Sprintf("releasing ZEC disk (%s)", id), err.Error())
	}
	return err
}
