package bmc

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// NewInstancePowerAction is the constructor of the action
// cloudcompute_zenlayer_bmc_instance_power.
func NewInstancePowerAction() action.Action {
	return framework.NewPowerAction(framework.PowerSpec[zenlayer.Client, zenlayer.BMCInstance]{
		TypeSuffix: "zenlayer_bmc_instance_power",
		Timeout:    30 * time.Minute,
		Description: "Powers a BMC bare-metal instance on or off, or reboots it, and waits until its status has settled, " +
			"reporting each status as it changes. The instance's own resource (`cloudcompute_zenlayer_bmc_instance`) manages " +
			"`power_state`: a machine this action powers off against a configured `power_state = \"running\"` (the default) is " +
			"powered on again by the next apply.",
		Operations: map[string]string{
			framework.PowerStart: "`StartInstances`, then wait until it is `RUNNING` (a machine already running is left as it is)",
			framework.PowerStop:  "`StopInstances`, then wait until it is `STOPPED` (a machine already stopped is left as it is)",
			framework.Rebooting: "`RebootInstances` (the machine must be `RUNNING` or `STOPPED`; a stopped one boots), " +
				"then wait until it is `RUNNING` again",
		},
		Client:    (*conns.Client).ZenlayerClient,
		Instances: instanceFinder,
		Power:     powerAction,
	})
}

// powerAction runs an operation of the power action.
func powerAction(ctx context.Context, call *framework.PowerCall[zenlayer.Client, zenlayer.BMCInstance]) (string, error) {
	switch call.Operation {
	case framework.PowerStop:
		return zenlayer.BMCStatusStopped, powerInstance(ctx, call.Conn, call.ID, PowerStopped, call.Timeout)
	case framework.Rebooting:
		return zenlayer.BMCStatusRunning, rebootInstance(ctx, call.Diags, call.Conn, call.ID, call.Timeout)
	}
	return zenlayer.BMCStatusRunning, powerInstance(ctx, call.Conn, call.ID, PowerRunning, call.Timeout)
}

// rebootInstance reboots a RUNNING or STOPPED machine (RebootInstances:
// BOOTING → RUNNING) once a transition in progress has ended, and waits
// until it is RUNNING. A reboot of a running machine that is not seen
// within framework.RebootGrace is a warning in diags.
func rebootInstance(ctx context.Context, diags *diag.Diagnostics, conn *zenlayer.Client, id string, timeout time.Duration) error {
	inst, err := waitInstancePowerSettled(ctx, conn, id, timeout)
	if err != nil {
		return err
	}
	if err := conn.RebootBMCInstance(ctx, id); err != nil {
		return err
	}
	if inst.InstanceStatus == zenlayer.BMCStatusRunning {
		c := framework.RebootWait(ctx, instanceFinder, conn, id, zenlayer.BMCStatusRunning, timeout)
		if begun, err := framework.RebootBegun(ctx, diags, c.WithSharedPolling()); err != nil || !begun {
			return err
		}
	}
	_, err = waitInstance(ctx, conn, id, "to reboot (RUNNING)", timeout, []string{zenlayer.BMCStatusRunning}, nil, brokenStatuses)
	return err
}
