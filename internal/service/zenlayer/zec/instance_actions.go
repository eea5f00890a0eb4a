package zec

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// NewInstancePowerAction is the constructor of the action
// cloudcompute_zenlayer_zec_instance_power.
func NewInstancePowerAction() action.Action {
	return framework.NewPowerAction(framework.PowerSpec[zenlayer.Client, zenlayer.Instance]{
		TypeSuffix: "zenlayer_zec_instance_power",
		Timeout:    20 * time.Minute,
		Description: "Starts, stops or reboots a ZEC instance and waits until its status has settled, reporting each status " +
			"as it changes. The instance's own resource (`cloudcompute_zenlayer_zec_instance`) manages `power_state`: an instance " +
			"this action stops against a configured `power_state = \"running\"` (the default) is started again by the next apply.",
		Operations: map[string]string{
			framework.PowerStart: "`StartInstances`, then wait until it is `RUNNING` (an instance already running is left as it is)",
			framework.PowerStop:  "`StopInstances`, then wait until it is `STOPPED` (an instance already stopped is left as it is)",
			framework.Rebooting:  "`RebootInstances` (the instance must be `RUNNING`), then wait until it is `RUNNING` again",
		},
		Force: &framework.PowerForce{
			Description: "With `operation = \"stop\"` only: stop with a forced power-off (`forceShutdown`) instead of a shutdown " +
				"through the guest operating system, which may lose data not yet written to disk. Default `false`.",
			StopCall: "StopInstances",
		},
		Client:    (*conns.Client).ZenlayerClient,
		Instances: instanceFinder,
		Power:     powerInstance,
	})
}

// powerInstance runs an operation of the power action.
func powerInstance(ctx context.Context, call *framework.PowerCall[zenlayer.Client, zenlayer.Instance]) (string, error) {
	switch call.Operation {
	case framework.PowerStop:
		return zenlayer.InstanceStatusStopped, stopInstance(ctx, call.Conn, call.ID, call.Force, call.Timeout)
	case framework.Rebooting:
		return zenlayer.InstanceStatusRunning, rebootInstance(ctx, call.Diags, call.Conn, call.ID, call.Timeout)
	}
	return zenlayer.InstanceStatusRunning, startInstance(ctx, call.Conn, call.ID, call.Timeout)
}

// rebootInstance reboots a RUNNING instance (RebootInstances: REBOOT →
// RUNNING) and waits until it is RUNNING again. A reboot the API accepted
// that is not seen within framework.RebootGrace is a warning in diags.
func rebootInstance(ctx context.Context, diags *diag.Diagnostics, conn *zenlayer.Client, id string, timeout time.Duration) error {
	inst, err := waitInstanceSettled(ctx, conn, id, timeout)
	if err != nil {
		return err
	}
	if inst.Status != zenlayer.InstanceStatusRunning {
		return fmt.Errorf("only a RUNNING ZEC instance can be rebooted, and %s is %s: start it with operation = %q", id, inst.Status, framework.PowerStart)
	}
	if err := conn.RebootZECInstance(ctx, id); err != nil {
		return rebootError(ctx, conn, id, err)
	}
	c := framework.RebootWait(ctx, instanceFinder, conn, id, zenlayer.InstanceStatusRunning, timeout)
	if begun, err := framework.RebootBegun(ctx, diags, c.WithSharedPolling()); err != nil || !begun {
		return err
	}
	_, err = waitInstance(ctx, conn, id, "to reboot (RUNNING)", timeout, []string{zenlayer.InstanceStatusRunning}, instanceUnusable)
	return err
}

// rebootError explains an error of RebootInstances, as powerError does for
// StartInstances and StopInstances.
func rebootError(ctx context.Context, conn *zenlayer.Client, id string, err error) error {
	var be *zenlayer.BatchError
	switch {
	case errors.As(err, &be):
		return fmt.Errorf("RebootInstances accepted the request but answered instance %s as failed to reboot (requestId %s), so it was not rebooted. "+
			"This happens when the host cannot take the operation right now; check the instance in the Zenlayer console and invoke the action again: %w",
			id, be.RequestID, err)
	case zenlayer.HasCode(err, zenlayer.CodeInstanceInOperation):
		return fmt.Errorf("instance %s is performing another operation (status %s), and the API takes no other operation until it ends. "+
			"Wait for it to finish and invoke the action again: %w", id, currentStatus(ctx, conn, id), err)
	case zenlayer.HasCode(err, zenlayer.CodeUnsupportedInstanceStatus):
		return fmt.Errorf("instance %s cannot be rebooted in its current status (%s): only a RUNNING instance outside the recycle bin can be: %w",
			id, currentStatus(ctx, conn, id), err)
	}
	return err
}
