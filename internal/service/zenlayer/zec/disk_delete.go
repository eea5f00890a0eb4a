package zec

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
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
	if err != nil {
		diags.AddError(fmt.Sprintf("deleting ZEC disk (%s)", id), err.Error())
		return diags
	}
	if disk == nil {
		tflog.Info(ctx, "ZEC disk already gone", map[string]any{"id": id})
		return diags
	}
	if disk.DiskStatus == zenlayer.DiskStatusInUse && disk.Portable && disk.DiskType != zenlayer.DiskTypeSystem {
		if err := detachDisk(ctx, conn, id, disk.InstanceID, true, timeout); err != nil {
			diags.AddError(fmt.Sprintf("detaching ZEC disk (%s) before release", id), err.Error())
			return diags
		}
	}
	if disk.DiskStatus == zenlayer.DiskStatusRecycled && !releaseFromBin {
		warnLeftInRecycleBin(&diags, "disk", id)
		return diags
	}

	if err := releaseDisk(ctx, conn, id, &diags); err != nil || diags.HasError() {
		return diags
	}
	disk, err = waitDisk(ctx, conn, id, "to be released", timeout, wait.Gone, zenlayer.DiskStatusRecycled)
	if err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC disk (%s) to be released", id), err.Error())
		return diags
	}
	if disk == nil {
		return diags
	}
	// The account has a recycle bin and the disk is in it.
	if !releaseFromBin {
		warnLeftInRecycleBin(&diags, "disk", id)
		return diags
	}
	tflog.Info(ctx, "ZEC disk is in the recycle bin, releasing it from there", map[string]any{"id": id})
	if err := releaseDisk(ctx, conn, id, &diags); err != nil || diags.HasError() {
		return diags
	}
	if _, err := waitDisk(ctx, conn, id, "to be released from the recycle bin", timeout, wait.Gone); err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC disk (%s) to be released from the recycle bin", id), err.Error())
	}
	return diags
}

// warnLeftInRecycleBin says that destroy left a ZEC disk or instance (what)
// in the recycle bin, as release_on_destroy = false asks.
func warnLeftInRecycleBin(diags *diag.Diagnostics, what, id string) {
	diags.AddWarning(fmt.Sprintf("ZEC %s (%s) left in the recycle bin", what, id),
		fmt.Sprintf("release_on_destroy is false, so %s %s was moved to the account's recycle bin and not freed. "+
			"It can be restored from there for a limited time and is freed by Zenlayer afterwards; Terraform no longer manages it.", what, id))
}

// releaseDisk calls ReleaseDisk and turns each documented error code into a
// clear diagnostic. A disk that is already gone is not an error.
func releaseDisk(ctx context.Context, conn *zenlayer.Client, id string, diags *diag.Diagnostics) error {
	tflog.Info(ctx, "releasing ZEC disk", map[string]any{"id": id})
	err := conn.ReleaseDisk(ctx, id)
	switch {
	case err == nil:
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
