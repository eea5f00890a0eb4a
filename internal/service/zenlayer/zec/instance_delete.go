package zec

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// deleteInstance releases an instance and waits until it is gone, or in
// the recycle bin when releaseFromBin is false. Data disks attached to it
// are detached and kept (they are resources of their own). Every step is
// safe to repeat, so an interrupted destroy finishes on the next run.
func deleteInstance(ctx context.Context, conn *zenlayer.Client, id string, releaseFromBin bool, timeout time.Duration) diag.Diagnostics {
	var diags diag.Diagnostics
	inst, err := waitInstanceReleasable(ctx, conn, id, timeout)
	if !framework.Deletable(ctx, &diags, "ZEC instance", id, inst, err) {
		return diags
	}
	releaseThroughBin(ctx, &diags, "instance", id, inst.Status == zenlayer.InstanceStatusRecycle, releaseFromBin, zenlayer.InstanceStatusRecycle,
		func() bool { return releaseInstance(ctx, conn, id, &diags) || diags.HasError() },
		func(what string, target ...string) (*zenlayer.Instance, error) {
			return waitInstance(ctx, conn, id, what, timeout, target, nil)
		})
	return diags
}

// releaseInstance calls ReleaseInstances (keeping the data disks) and turns
// each answer into a clear diagnostic. It reports gone when the instance
// turned out to be released already.
func releaseInstance(ctx context.Context, conn *zenlayer.Client, id string, diags *diag.Diagnostics) (gone bool) {
	tflog.Info(ctx, "releasing ZEC instance", map[string]any{"id": id})
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
