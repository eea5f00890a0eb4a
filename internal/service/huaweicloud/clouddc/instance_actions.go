package clouddc

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// NewInstancePowerAction is the constructor of the action
// cloudcompute_huaweicloud_clouddc_instance_power.
func NewInstancePowerAction() action.Action {
	return framework.NewPowerAction(framework.PowerSpec[huaweicloud.Client, huaweicloud.Instance]{
		TypeSuffix: "huaweicloud_clouddc_instance_power",
		Timeout:    30 * time.Minute,
		Description: "Powers the physical server of a CloudDC instance on or off, or reboots it (`ChangeServerPowerState` " +
			"on the instance's `server_id`), and waits until the instance's state has settled, reporting each state as it changes. " +
			"The instance's resource (`cloudcompute_huaweicloud_clouddc_instance`) manages `power_state`: powering off an instance " +
			"configured `running` makes the next plan power it on again (`ignore_changes = [power_state]` lets the action own it). " +
			"A new administrator password (`password_wo_version`) takes effect at the " +
			"next power-on or reboot, which this action does.",
		Operations: map[string]string{
			framework.PowerStart: "`power on`, then wait until the instance is `running` (one already running is left as it is)",
			framework.PowerStop:  "`power off`, then wait until it is `stopped` (one already stopped is left as it is)",
			framework.Rebooting:  "`rebooting` (the instance must be `running`), then wait until it is `running` again",
		},
		Client: (*conns.Client).HuaweiCloudClient,
		Instances: framework.Finder[huaweicloud.Client, huaweicloud.Instance]{
			Label: "CloudDC instance", Find: findPowered, Status: instanceState,
		},
		StatusKey: "state",
		Where: func(inst *huaweicloud.Instance) (string, map[string]any) {
			return " on physical server " + inst.ServerID, map[string]any{"server_id": inst.ServerID}
		},
		Power: powerInstance,
	})
}

// powerActions are the ChangeServerPowerState actions of the operations.
var powerActions = map[string]string{
	framework.PowerStart: huaweicloud.PowerOn, framework.PowerStop: huaweicloud.PowerOff, framework.Rebooting: huaweicloud.Rebooting,
}

// findPowered reads an instance to power: one deleted or without a
// physical server is an error.
func findPowered(conn *huaweicloud.Client, ctx context.Context, id string) (*huaweicloud.Instance, error) {
	inst, err := conn.FindInstance(ctx, id)
	switch {
	case err != nil:
		return nil, err
	case instanceGone(inst.State):
		return nil, fmt.Errorf("the instance is %s: it is deleted or being deleted", inst.State)
	case inst.ServerID == "":
		return nil, fmt.Errorf("ListInstances answers no server_id for the instance, so there is no physical server to power")
	}
	return inst, nil
}

// powerInstance runs the call's operation on its instance's physical
// server once an operation in progress has ended, and waits for the state
// it leads to, which it returns. Powering on a running instance or off a
// stopped one sends nothing; only a running instance is rebooted.
func powerInstance(ctx context.Context, call *framework.PowerCall[huaweicloud.Client, huaweicloud.Instance]) (string, error) {
	conn, id, serverID, op, timeout := call.Conn, call.ID, call.Instance.ServerID, call.Operation, call.Timeout
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
		call.Progress(ctx, fmt.Sprintf("CloudDC instance %s is already %s", id, st.State), map[string]any{"id": id, "state": st.State})
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
		c := framework.RebootWait(ctx, instanceStates, conn, id, huaweicloud.StateRunning, timeout)
		c.MinInterval, c.MaxInterval = pollMin, pollMax
		if begun, err := framework.RebootBegun(ctx, call.Diags, c); err != nil || !begun {
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
