package zec

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

var (
	_ action.Action                   = &instancePowerAction{}
	_ action.ActionWithConfigure      = &instancePowerAction{}
	_ action.ActionWithValidateConfig = &instancePowerAction{}
)

// NewInstancePowerAction is the constructor of the action
// cloudcompute_zenlayer_zec_instance_power.
func NewInstancePowerAction() action.Action {
	return &instancePowerAction{ActionBase: framework.NewActionBase("zenlayer_zec_instance_power", 20*time.Minute)}
}

type instancePowerAction struct {
	framework.ActionBase
}

func (a *instancePowerAction) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	attrs := a.PowerActionAttributes(ctx, "ZEC instance", map[string]string{
		framework.PowerStart: "`StartInstances`, then wait until it is `RUNNING` (an instance already running is left as it is)",
		framework.PowerStop:  "`StopInstances`, then wait until it is `STOPPED` (an instance already stopped is left as it is)",
		framework.Rebooting:  "`RebootInstances` (the instance must be `RUNNING`), then wait until it is `RUNNING` again",
	})
	attrs["force"] = schema.BoolAttribute{
		Optional: true,
		MarkdownDescription: "With `operation = \"stop\"` only: stop with a forced power-off (`forceShutdown`) instead of a shutdown " +
			"through the guest operating system, which may lose data not yet written to disk. Default `false`.",
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Starts, stops or reboots a ZEC instance and waits until its status has settled, reporting each status " +
			"as it changes. The instance's own resource (`cloudcompute_zenlayer_zec_instance`) manages `power_state`: an instance " +
			"this action stops against a configured `power_state = \"running\"` (the default) is started again by the next apply.",
		Attributes: attrs,
	}
}

// instancePowerModel is the action's configuration.
type instancePowerModel struct {
	framework.PowerActionModel
	Force types.Bool `tfsdk:"force"`
}

// ValidateConfig refuses force with an operation other than stop: only
// StopInstances takes forceShutdown.
func (a *instancePowerAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var m instancePowerModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &m)...); resp.Diagnostics.HasError() {
		return
	}
	if m.Force.ValueBool() && !m.Operation.IsUnknown() && m.Operation.ValueString() != framework.PowerStop {
		resp.Diagnostics.AddAttributeError(path.Root("force"), "force applies to stop only",
			fmt.Sprintf("force = true asks StopInstances for a forced power-off; operation %q takes no such option. Remove force, or set operation = %q.",
				m.Operation.ValueString(), framework.PowerStop))
	}
}

func (a *instancePowerAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m instancePowerModel
	conn, ctx, inv, cancel := framework.BeginInvoke(ctx, req, resp, &a.ActionBase, a.Client.ZenlayerClient, &m, &m.Timeouts)
	defer cancel()
	if conn == nil {
		return
	}
	id, op := m.InstanceID.ValueString(), m.Operation.ValueString()
	summary := fmt.Sprintf("%s ZEC instance (%s)", framework.PowerVerb(op), id)
	inst, err := conn.FindZECInstance(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError(summary, err.Error())
		return
	}
	inv.Progress(ctx, fmt.Sprintf("%s ZEC instance %s (%s)", framework.PowerVerb(op), id, inst.Status),
		map[string]any{"id": id, "operation": op, "status": inst.Status, "force": m.Force.ValueBool()})
	target := zenlayer.InstanceStatusRunning
	switch op {
	case framework.PowerStart:
		err = startInstance(ctx, conn, id, inv.Timeout)
	case framework.PowerStop:
		target = zenlayer.InstanceStatusStopped
		err = stopInstance(ctx, conn, id, m.Force.ValueBool(), inv.Timeout)
	case framework.Rebooting:
		err = rebootInstance(ctx, &resp.Diagnostics, conn, id, inv.Timeout)
	}
	if err != nil {
		inv.Fail(ctx, summary, err)
		return
	}
	inv.Progress(ctx, fmt.Sprintf("ZEC instance %s is %s (%s took %s)", id, target, op, inv.Elapsed()), map[string]any{"id": id, "status": target})
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
	c := wait.Object(ctx, "ZEC instance", id, "to begin rebooting (leave RUNNING)", wait.Leaving(statusInstance(conn, id), zenlayer.InstanceStatusRunning),
		min(framework.RebootGrace, timeout), []string{wait.Left}, nil).WithSharedPolling()
	if begun, err := framework.RebootBegun(ctx, diags, c); err != nil || !begun {
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
