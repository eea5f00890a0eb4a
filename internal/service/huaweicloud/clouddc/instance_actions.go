package clouddc

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

var (
	_ action.Action              = &instancePowerAction{}
	_ action.ActionWithConfigure = &instancePowerAction{}
)

// NewInstancePowerAction is the constructor of the action
// cloudcompute_huaweicloud_clouddc_instance_power.
func NewInstancePowerAction() action.Action {
	return &instancePowerAction{ActionBase: framework.NewActionBase("huaweicloud_clouddc_instance_power", 30*time.Minute)}
}

type instancePowerAction struct {
	framework.ActionBase
}

// powerActions are the ChangeServerPowerState actions of the operations.
var powerActions = map[string]string{
	framework.PowerStart: huaweicloud.PowerOn, framework.PowerStop: huaweicloud.PowerOff, framework.Rebooting: huaweicloud.Rebooting,
}

func (a *instancePowerAction) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Powers the physical server of a CloudDC instance on or off, or reboots it (`ChangeServerPowerState` " +
			"on the instance's `server_id`), and waits until the instance's state has settled, reporting each state as it changes. " +
			"The instance's resource (`cloudcompute_huaweicloud_clouddc_instance`) manages `power_state`: powering off an instance " +
			"configured `running` makes the next plan power it on again (`ignore_changes = [power_state]` lets the action own it). " +
			"A new administrator password (`password_wo_version`) takes effect at the " +
			"next power-on or reboot, which this action does.",
		Attributes: a.PowerActionAttributes(ctx, "CloudDC instance", map[string]string{
			framework.PowerStart: "`power on`, then wait until the instance is `running` (one already running is left as it is)",
			framework.PowerStop:  "`power off`, then wait until it is `stopped` (one already stopped is left as it is)",
			framework.Rebooting:  "`rebooting` (the instance must be `running`), then wait until it is `running` again",
		}),
	}
}

func (a *instancePowerAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m framework.PowerActionModel
	conn, ctx, inv, cancel := framework.BeginInvoke(ctx, req, resp, &a.ActionBase, a.Client.HuaweiCloudClient, &m, &m.Timeouts)
	defer cancel()
	if conn == nil {
		return
	}
	id, op := m.InstanceID.ValueString(), m.Operation.ValueString()
	summary := fmt.Sprintf("%s CloudDC instance (%s)", framework.PowerVerb(op), id)
	inst, err := conn.FindInstance(ctx, id)
	switch {
	case err != nil:
		inv.Fail(ctx, summary, err)
		return
	case instanceGone(inst.State):
		inv.Fail(ctx, summary, fmt.Errorf("the instance is %s: it is deleted or being deleted", inst.State))
		return
	case inst.ServerID == "":
		inv.Fail(ctx, summary, fmt.Errorf("ListInstances answers no server_id for the instance, so there is no physical server to power"))
		return
	}
	inv.Progress(ctx, fmt.Sprintf("%s CloudDC instance %s (%s) on physical server %s", framework.PowerVerb(op), id, inst.State, inst.ServerID),
		map[string]any{"id": id, "operation": op, "state": inst.State, "server_id": inst.ServerID})
	target, err := powerInstance(ctx, &resp.Diagnostics, inv, conn, id, inst.ServerID, op)
	if err != nil {
		inv.Fail(ctx, summary, err)
		return
	}
	inv.Progress(ctx, fmt.Sprintf("CloudDC instance %s is %s (%s took %s)", id, target, op, inv.Elapsed()), map[string]any{"id": id, "state": target})
}

// powerInstance runs operation op on the instance id on server serverID
// once an operation in progress has ended, and waits for the state it
// leads to, which it returns. Powering on a running instance or off a
// stopped one sends nothing; only a running instance is rebooted.
func powerInstance(ctx context.Context, diags *diag.Diagnostics, inv *framework.Invocation, conn *huaweicloud.Client, id, serverID, op string) (string, error) {
	timeout := inv.Timeout
	st, err := waitInstance(ctx, conn, id, "to finish its current operation (running or stopped)", timeout,
		huaweicloud.StateRunning, huaweicloud.StateStopped)
	if err != nil {
		return "", err
	}
	target, from := huaweicloud.StateRunning, huaweicloud.StateStopped
	switch op {
	case framework.PowerStop:
		target, from = huaweicloud.StateStopped, huaweicloud.StateRunning
	case framework.Rebooting:
		if st.State != huaweicloud.StateRunning {
			return "", fmt.Errorf("only a running CloudDC instance can be rebooted, and %s is %s: power it on with operation = %q", id, st.State, framework.PowerStart)
		}
		from = huaweicloud.StateRunning
	}
	if st.State != from {
		inv.Progress(ctx, fmt.Sprintf("CloudDC instance %s is already %s", id, st.State), map[string]any{"id": id, "state": st.State})
		return target, nil
	}
	if err := conn.ChangeServerPowerState(ctx, powerActions[op], serverID); err != nil {
		if op != framework.Rebooting || !huaweicloud.Ambiguous(err) {
			return "", err
		}
		// A reboot is not re-sent blindly: it took effect if the instance
		// is no longer running.
		now, rerr := conn.ShowInstanceStatus(ctx, id)
		if rerr != nil || now.State == huaweicloud.StateRunning {
			return "", fmt.Errorf("the answer of ChangeServerPowerState (rebooting) of server %s was lost, and the instance still reads %s: "+
				"it may have rebooted already, or not at all. The reboot was not sent again (a second one would reboot the server twice); "+
				"invoke the action again if it is needed: %w", serverID, stateOrError(now, rerr), err)
		}
	}
	if op == framework.Rebooting {
		c := wait.Object(ctx, "CloudDC instance", id, "to begin rebooting (leave running)", wait.Leaving(statusInstance(conn, id), huaweicloud.StateRunning),
			min(framework.RebootGrace, timeout), []string{wait.Left}, nil)
		c.MinInterval, c.MaxInterval = pollMin, pollMax
		if begun, err := framework.RebootBegun(ctx, diags, c); err != nil || !begun {
			return target, err
		}
	}
	_, err = waitInstance(ctx, conn, id, fmt.Sprintf("to be %s (%s)", map[string]string{
		framework.PowerStart: "powered on", framework.PowerStop: "powered off", framework.Rebooting: "rebooted",
	}[op], target), timeout, target)
	return target, err
}

// stateOrError is what a read of an instance's state answered, for a message.
func stateOrError(st *huaweicloud.InstanceStatus, err error) string {
	if err != nil {
		return fmt.Sprintf("nothing (the read failed: %v)", err)
	}
	return st.State
}
