package bmc

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Destroy: TerminateInstance (to the recycle bin), wait for RECYCLE,
// ReleaseInstances, wait until gone; the warnings for what is left behind.
// The waits themselves are in instance_wait.go.

// deleteInstance terminates an instance (to the recycle bin), waits for
// RECYCLE, releases it with ReleaseInstances and waits until it is gone; with
// release false it stops at the recycle bin. Every step is safe to repeat:
// a destroy interrupted after the terminate finishes on the next run. Every
// error is reported; a PREPAID instance, which the API does not let go
// before its subscription ends, gets a warning instead.
var deleteInstance = framework.Destroyer("BMC instance", waitInstanceTerminable, destroyInstance)

// destroyInstance is deleteInstance once the instance has settled.
func destroyInstance(ctx context.Context, conn *zenlayer.Client, inst *zenlayer.BMCInstance, release bool, timeout time.Duration, diags *diag.Diagnostics) {
	id := inst.InstanceID
	switch inst.InstanceStatus {
	case zenlayer.BMCStatusReleasing:
		diags.Append(released(ctx, conn, id, timeout)...)
		return
	case zenlayer.BMCStatusRecycle:
		tflog.Info(ctx, "BMC instance is already in the recycle bin", map[string]any{"id": id})
	default:
		done, d := terminateInstance(ctx, conn, inst, timeout)
		if diags.Append(d...); done || diags.HasError() {
			return
		}
	}

	if !release {
		diags.AddWarning(fmt.Sprintf("BMC instance (%s) left in the recycle bin", id),
			fmt.Sprintf("release_on_destroy is false, so instance %s was terminated into the recycle bin and not released. "+
				"It can be restored from there for 24 hours, after which Zenlayer releases it; Terraform no longer manages it.", id))
		return
	}

	tflog.Info(ctx, "releasing BMC instance", map[string]any{"id": id, "action": "ReleaseInstances"})
	if err := conn.ReleaseBMCInstance(ctx, id); err != nil {
		switch {
		case zenlayer.HasCode(err, zenlayer.CodeInstanceNotFound):
			diags.AddWarning(fmt.Sprintf("BMC instance (%s) was already released", id),
				"ReleaseInstances answered that the instance does not exist (INVALID_INSTANCE_NOT_FOUND): something else released it "+
					"while Terraform was destroying it. Nothing is left to do.\n\n"+err.Error())
			return
		case zenlayer.HasCode(err, zenlayer.CodeBMCInstanceNotRecycled):
			diags.AddError(fmt.Sprintf("BMC instance (%s) is not in the recycle bin (status %s)", id, instanceFinder.Current(ctx, conn, id)),
				"ReleaseInstances only frees instances in the recycle bin and refused this one (OPERATION_DENIED_INSTANCE_NOT_RECYCLED): "+
					"it left the bin after Terraform terminated it, most likely restored by someone. Nothing was released. "+
					"Run the destroy again to terminate and release it, or remove it from the configuration with a `removed` block "+
					"to keep it.\n\n"+err.Error())
			return
		default:
			diags.AddError(fmt.Sprintf("releasing BMC instance (%s)", id), err.Error())
			return
		}
	}
	diags.Append(released(ctx, conn, id, timeout)...)
}

// terminateInstance calls TerminateInstance and waits for the recycle bin.
// done is true when nothing is left to do (the instance is gone, or it is
// PREPAID and stays until its subscription ends).
func terminateInstance(ctx context.Context, conn *zenlayer.Client, inst *zenlayer.BMCInstance, timeout time.Duration) (done bool, diags diag.Diagnostics) {
	id := inst.InstanceID
	tflog.Info(ctx, "terminating BMC instance", map[string]any{"id": id, "status": inst.InstanceStatus, "action": "TerminateInstance"})
	err := conn.TerminateBMCInstance(ctx, id)
	switch {
	case err == nil:
	case zenlayer.HasCode(err, zenlayer.CodeInstanceNotFound):
		tflog.Warn(ctx, "BMC instance vanished before it was terminated", map[string]any{"id": id})
		return true, diags
	case zenlayer.HasCode(err, zenlayer.CodeBMCInstanceRecycled):
		tflog.Info(ctx, "BMC instance was put in the recycle bin by someone else", map[string]any{"id": id})
	case zenlayer.HasCode(err, zenlayer.CodeBMCInstanceSubscription):
		diags.AddWarning(prepaidSummary(id), prepaidDetail(inst, false)+"\n\n"+err.Error())
		return true, diags
	default:
		diags.AddError(fmt.Sprintf("terminating BMC instance (%s)", id), err.Error())
		return false, diags
	}

	if inst.InstanceStatus == zenlayer.BMCStatusCreateFailed {
		// The API deletes a machine that failed to be created at once.
		return true, released(ctx, conn, id, timeout)
	}
	if inst.InstanceChargeType == zenlayer.BMCChargePrepaid {
		cur, err := conn.FindBMCInstance(ctx, id)
		switch {
		case zenlayer.IsNotFound(err):
			return true, diags
		case err != nil:
			diags.AddError(fmt.Sprintf("reading BMC instance (%s) after terminating it", id), err.Error())
			return false, diags
		case cur.InstanceStatus != zenlayer.BMCStatusRecycling && cur.InstanceStatus != zenlayer.BMCStatusRecycle:
			diags.AddWarning(prepaidSummary(id), prepaidDetail(cur, true))
			return true, diags
		}
	}

	got, err := waitInstanceRecycled(ctx, conn, id, timeout)
	if err != nil {
		diags.AddError(fmt.Sprintf("waiting for BMC instance (%s) to enter the recycle bin", id), err.Error())
		return false, diags
	}
	if got == nil {
		return true, diags
	}
	if got.InstanceStatus == zenlayer.BMCStatusReleasing {
		return true, released(ctx, conn, id, timeout)
	}
	return false, diags
}

func prepaidSummary(id string) string {
	return fmt.Sprintf("PREPAID BMC instance (%s) keeps running until its subscription ends", id)
}

func prepaidDetail(inst *zenlayer.BMCInstance, cancelled bool) string {
	expiry := inst.ExpiredTime
	if expiry == "" {
		expiry = "the end of its subscription"
	}
	what := "The API refused to return this subscription (PREPAID) instance before its subscription ends"
	if cancelled {
		what = "TerminateInstance cancelled the renewal of this subscription (PREPAID) instance"
	}
	return fmt.Sprintf("%s. Instance %s keeps running, and is billed, until %s; Zenlayer returns it then. "+
		"Terraform no longer manages it. To stop it earlier, contact Zenlayer support.", what, inst.InstanceID, expiry)
}

// released waits until a released instance is gone; an error is the destroy's.
func released(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) diag.Diagnostics {
	var diags diag.Diagnostics
	if err := waitInstanceReleased(ctx, conn, id, timeout); err != nil {
		diags.AddError(fmt.Sprintf("waiting for BMC instance (%s) to be released", id), err.Error())
	}
	return diags
}
