package bmc

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

var (
	_ action.Action              = &instancePowerAction{}
	_ action.ActionWithConfigure = &instancePowerAction{}
)

// NewInstancePowerAction is the constructor of the action
// cloudcompute_zenlayer_bmc_instance_power.
func NewInstancePowerAction() action.Action {
	return &instancePowerAction{ActionBase: framework.NewActionBase("zenlayer_bmc_instance_power", 30*time.Minute)}
}

type instancePowerAction struct {
	framework.ActionBase
}

func (a *instancePowerAction) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Powers a BMC bare-metal instance on or off, or reboots it, and waits until its status has settled, " +
			"reporting each status as it changes. The instance's own resource (`cloudcompute_zenlayer_bmc_instance`) manages " +
			"`power_state`: a machine this action powers off against a configured `power_state = \"running\"` (the default) is " +
			"powered on again by the next apply.",
		Attributes: a.PowerActionAttributes(ctx, "BMC instance", map[string]string{
			framework.PowerStart: "`StartInstances`, then wait until it is `RUNNING` (a machine already running is left as it is)",
			framework.PowerStop:  "`StopInstances`, then wait until it is `STOPPED` (a machine already stopped is left as it is)",
			framework.Rebooting: "`RebootInstances` (the machine must be `RUNNING` or `STOPPED`; a stopped one boots), " +
				"then wait until it is `RUNNING` again",
		}),
	}
}

func (a *instancePowerAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m framework.PowerActionModel
	conn, ctx, inv, cancel := framework.BeginInvoke(ctx, req, resp, &a.ActionBase, a.Client.ZenlayerClient, &m, &m.Timeouts)
	defer cancel()
	if conn == nil {
		return
	}
	id, op := m.InstanceID.ValueString(), m.Operation.ValueString()
	summary := fmt.Sprintf("%s BMC instance (%s)", framework.PowerVerb(op), id)
	inst, err := conn.FindBMCInstance(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError(summary, err.Error())
		return
	}
	inv.Progress(ctx, fmt.Sprintf("%s BMC instance %s (%s)", framework.PowerVerb(op), id, inst.InstanceStatus),
		map[string]any{"id": id, "operation": op, "status": inst.InstanceStatus})
	target := zenlayer.BMCStatusRunning
	switch op {
	case framework.PowerStart:
		err = powerInstance(ctx, conn, id, PowerRunning, inv.Timeout)
	case framework.PowerStop:
		target = zenlayer.BMCStatusStopped
		err = powerInstance(ctx, conn, id, PowerStopped, inv.Timeout)
	case framework.Rebooting:
		err = rebootInstance(ctx, &resp.Diagnostics, conn, id, inv.Timeout)
	}
	if err != nil {
		inv.Fail(ctx, summary, err)
		return
	}
	inv.Progress(ctx, fmt.Sprintf("BMC instance %s is %s (%s took %s)", id, target, op, inv.Elapsed()), map[string]any{"id": id, "status": target})
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
		c := wait.Object(ctx, "BMC instance", id, "to begin rebooting (leave RUNNING)", wait.Leaving(statusInstance(conn, id), zenlayer.BMCStatusRunning),
			min(framework.RebootGrace, timeout), []string{wait.Left}, nil).WithSharedPolling()
		if begun, err := framework.RebootBegun(ctx, diags, c); err != nil || !begun {
			return err
		}
	}
	_, err = waitInstance(ctx, conn, id, "to reboot (RUNNING)", timeout, []string{zenlayer.BMCStatusRunning}, nil, brokenStatuses)
	return err
}
