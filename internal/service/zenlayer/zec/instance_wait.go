package zec

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// statusInstance reads an instance's status; NotFound is wait.Gone.
func statusInstance(conn *zenlayer.Client, id string) wait.StatusFunc[*zenlayer.Instance] {
	return func(ctx context.Context) (*zenlayer.Instance, string, error) {
		inst, err := conn.FindZECInstance(ctx, id)
		if zenlayer.IsNotFound(err) {
			return nil, wait.Gone, nil
		}
		if err != nil {
			return nil, "", err
		}
		return inst, inst.Status, nil
	}
}

// instanceGoneStatuses are the statuses of an instance on its way out or in
// the recycle bin: Terraform no longer manages such an instance.
var instanceGoneStatuses = []string{zenlayer.InstanceStatusReleasing, zenlayer.InstanceStatusRecycling, zenlayer.InstanceStatusRecycle}

// instanceReleased reports whether an instance is being released or is in the recycle bin.
func instanceReleased(inst *zenlayer.Instance) bool {
	return slices.Contains(instanceGoneStatuses, inst.Status)
}

// instanceStarting reports whether a status means "starting": the
// StartInstances document says STARTING, the DescribeInstances enum BOOTING.
func instanceStarting(status string) bool {
	return status == zenlayer.InstanceStatusStarting || status == zenlayer.InstanceStatusBooting
}

// waitInstance waits until the instance reaches one of target, failing at
// once on one of failure, on the provider's shared polling schedule. Every
// other status counts as in progress: the API adds transitional statuses
// over time.
func waitInstance(ctx context.Context, conn *zenlayer.Client, id, what string, timeout time.Duration, target, failure []string) (*zenlayer.Instance, error) {
	return wait.Until(ctx, wait.Config[*zenlayer.Instance]{
		Operation:        "ZEC instance " + id + " " + what,
		Target:           target,
		Failure:          failure,
		UnknownIsPending: true,
		Refresh:          statusInstance(conn, id),
		Timeout:          timeout,
		OnPoll: func(attempt int, status string) {
			tflog.Debug(ctx, "polled ZEC instance", map[string]any{"id": id, "status": status, "attempt": attempt, "waiting_for": what})
		},
	}.WithSharedPolling())
}

// waitInstanceCreated waits for PENDING → DEPLOYING → RUNNING and fails fast on CREATE_FAILED.
func waitInstanceCreated(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.Instance, error) {
	return waitInstance(ctx, conn, id, "to be created (RUNNING)", timeout,
		[]string{zenlayer.InstanceStatusRunning}, []string{zenlayer.InstanceStatusCreateFailed})
}

// instanceUnusable are the statuses in which an instance takes no power or
// rename operation: waiting would not help.
var instanceUnusable = []string{
	zenlayer.InstanceStatusCreateFailed, zenlayer.InstanceStatusReinstallFailed,
	zenlayer.InstanceStatusReleasing, zenlayer.InstanceStatusRecycling, zenlayer.InstanceStatusRecycle,
}

// waitInstanceSettled waits until the instance is RUNNING or STOPPED, so that
// it accepts the next operation.
func waitInstanceSettled(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.Instance, error) {
	return waitInstance(ctx, conn, id, "to finish its current operation (RUNNING or STOPPED)", timeout,
		[]string{zenlayer.InstanceStatusRunning, zenlayer.InstanceStatusStopped}, instanceUnusable)
}

// startInstance starts a stopped instance and waits until it is RUNNING.
// Each answer of StartInstances becomes an error that says what happened
// and what to do.
func startInstance(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) error {
	inst, err := waitInstanceSettled(ctx, conn, id, timeout)
	if err != nil {
		return err
	}
	if inst.Status != zenlayer.InstanceStatusRunning {
		tflog.Info(ctx, "starting ZEC instance", map[string]any{"id": id, "status": inst.Status})
		if err := conn.StartInstances(ctx, id); err != nil {
			if err := powerError(ctx, conn, "start", id, err); err != nil {
				return err
			}
		}
	}
	_, err = waitInstance(ctx, conn, id, "to start (RUNNING)", timeout, []string{zenlayer.InstanceStatusRunning}, instanceUnusable)
	return err
}

// stopInstance stops a running instance and waits until it is STOPPED.
func stopInstance(ctx context.Context, conn *zenlayer.Client, id string, force bool, timeout time.Duration) error {
	inst, err := waitInstanceSettled(ctx, conn, id, timeout)
	if err != nil {
		return err
	}
	if inst.Status != zenlayer.InstanceStatusStopped {
		tflog.Info(ctx, "stopping ZEC instance", map[string]any{"id": id, "status": inst.Status, "force": force})
		if err := conn.StopInstances(ctx, force, id); err != nil {
			if err := powerError(ctx, conn, "stop", id, err); err != nil {
				return err
			}
		}
	}
	_, err = waitInstance(ctx, conn, id, "to stop (STOPPED)", timeout, []string{zenlayer.InstanceStatusStopped}, instanceUnusable)
	return err
}

// powerError explains an error of StartInstances / StopInstances (verb is
// "start" or "stop"). It returns nil when the instance is already on its
// way to the wanted state (someone else started or stopped it meanwhile).
func powerError(ctx context.Context, conn *zenlayer.Client, verb, id string, err error) error {
	action := map[string]string{"start": "StartInstances", "stop": "StopInstances"}[verb]
	var be *zenlayer.BatchError
	switch {
	case errors.As(err, &be):
		return fmt.Errorf("%s accepted the request but answered instance %s as failed to %s (requestId %s), so the instance was not changed. "+
			"This happens when the host cannot take the operation right now; check the instance in the Zenlayer console and run apply again: %w",
			action, id, verb, be.RequestID, err)
	case zenlayer.HasCode(err, zenlayer.CodeInstanceInOperation):
		return fmt.Errorf("instance %s is performing another operation (status %s), and the API takes no other operation until it ends. "+
			"Wait for it to finish and run apply again: %w", id, currentStatus(ctx, conn, id), err)
	case zenlayer.HasCode(err, zenlayer.CodeUnsupportedInstanceStatus):
		status := currentStatus(ctx, conn, id)
		if (verb == "start" && (status == zenlayer.InstanceStatusRunning || instanceStarting(status))) ||
			(verb == "stop" && (status == zenlayer.InstanceStatusStopped || status == zenlayer.InstanceStatusStopping)) {
			tflog.Info(ctx, "ZEC instance already changed power state", map[string]any{"id": id, "status": status, "action": action})
			return nil
		}
		done := map[string]string{"start": "started", "stop": "stopped"}[verb]
		hint := fmt.Sprintf("only a %s instance can be %s", map[string]string{"start": "STOPPED", "stop": "RUNNING"}[verb], done)
		if status == zenlayer.InstanceStatusRecycle {
			hint = "the instance is in the recycle bin; restore it in the Zenlayer console, or remove it from the configuration"
		}
		return fmt.Errorf("instance %s cannot be %s in its current status (%s): %s: %w", id, done, status, hint, err)
	}
	return err
}

// currentStatus reads an instance's status for an error message.
func currentStatus(ctx context.Context, conn *zenlayer.Client, id string) string {
	inst, err := conn.FindZECInstance(ctx, id)
	switch {
	case zenlayer.IsNotFound(err):
		return "gone"
	case err != nil:
		return "unknown"
	}
	return inst.Status
}

// deleteInstance releases an instance and waits until it is gone, or in
// the recycle bin when releaseFromBin is false. Data disks attached to it
// are detached and kept (they are resources of their own). Every step is
// safe to repeat, so an interrupted destroy finishes on the next run.
func deleteInstance(ctx context.Context, conn *zenlayer.Client, id string, releaseFromBin bool, timeout time.Duration) diag.Diagnostics {
	var diags diag.Diagnostics
	inst, err := waitInstance(ctx, conn, id, "to finish its current operation before release", timeout,
		[]string{zenlayer.InstanceStatusRunning, zenlayer.InstanceStatusStopped, zenlayer.InstanceStatusCreateFailed,
			zenlayer.InstanceStatusReinstallFailed, zenlayer.InstanceStatusRecycle, wait.Gone}, nil)
	if err != nil {
		diags.AddError(fmt.Sprintf("deleting ZEC instance (%s)", id), err.Error())
		return diags
	}
	if inst == nil {
		tflog.Info(ctx, "ZEC instance already gone", map[string]any{"id": id})
		return diags
	}
	if inst.Status == zenlayer.InstanceStatusRecycle && !releaseFromBin {
		diags.AddWarning(fmt.Sprintf("ZEC instance (%s) left in the recycle bin", id), instanceRecycleBinWarning(id))
		return diags
	}
	if gone := releaseInstance(ctx, conn, id, &diags); gone || diags.HasError() {
		return diags
	}
	inst, err = waitInstance(ctx, conn, id, "to be released", timeout, []string{wait.Gone, zenlayer.InstanceStatusRecycle}, nil)
	if err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC instance (%s) to be released", id), err.Error())
		return diags
	}
	if inst == nil {
		return diags
	}
	// The account has a recycle bin and the instance is in it.
	if !releaseFromBin {
		diags.AddWarning(fmt.Sprintf("ZEC instance (%s) left in the recycle bin", id), instanceRecycleBinWarning(id))
		return diags
	}
	tflog.Info(ctx, "ZEC instance is in the recycle bin, releasing it from there", map[string]any{"id": id})
	if gone := releaseInstance(ctx, conn, id, &diags); gone || diags.HasError() {
		return diags
	}
	if _, err := waitInstance(ctx, conn, id, "to be released from the recycle bin", timeout, []string{wait.Gone}, nil); err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC instance (%s) to be released from the recycle bin", id), err.Error())
	}
	return diags
}

func instanceRecycleBinWarning(id string) string {
	return fmt.Sprintf("release_on_destroy is false, so instance %s was moved to the account's recycle bin and not freed. "+
		"It can be restored from there for a limited time and is freed by Zenlayer afterwards; Terraform no longer manages it.", id)
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
