package zec

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The in-place changes of issue #14, in the order Update runs them after
// the rename and the disk resize: the security group and IP forwarding
// (at once), then what needs the instance STOPPED (the type with
// ModifyInstanceType, the image or key pair with ResetInstance), then the
// password rotation (which needs it RUNNING), then the planned power state.

// instanceChanges are the steps an Update has to run.
type instanceChanges struct {
	securityGroup, ipForward, instanceType, reset, password bool
}

// planned reads which steps plan and state ask for. imported says the
// resource carries the import mark: its password version is adopted, not
// acted on.
func planned(plan, state *instanceResourceModel, imported bool) instanceChanges {
	changed := func(p interface{ IsUnknown() bool }, equal bool) bool { return !p.IsUnknown() && !equal }
	return instanceChanges{
		securityGroup: changed(plan.SecurityGroupID, plan.SecurityGroupID.Equal(state.SecurityGroupID)),
		ipForward:     changed(plan.EnableIPForwarding, plan.EnableIPForwarding.Equal(state.EnableIPForwarding)),
		instanceType:  changed(plan.InstanceType, plan.InstanceType.Equal(state.InstanceType)),
		reset:         changed(plan.ImageID, plan.ImageID.Equal(state.ImageID)) || changed(plan.KeyID, plan.KeyID.Equal(state.KeyID)),
		password: !imported && !plan.PasswordWOVersion.IsNull() && !plan.PasswordWOVersion.IsUnknown() &&
			!plan.PasswordWOVersion.Equal(state.PasswordWOVersion),
	}
}

// applyChanges runs the steps; each that succeeds is recorded in p.Cur. It
// reports false after a failure (the diagnostics say which step).
func applyChanges(ctx context.Context, conn *zenlayer.Client, p *framework.Partial[instanceResourceModel], plan *instanceResourceModel,
	password types.String, c instanceChanges, timeout time.Duration) bool {
	id := p.Cur.ID.ValueString()
	if c.securityGroup {
		inst, err := waitInstanceSettled(ctx, conn, id, timeout)
		if err == nil {
			err = setSecurityGroup(ctx, conn, inst, plan.SecurityGroupID.ValueString())
		}
		if err != nil {
			p.Fail(fmt.Sprintf("changing the security group of ZEC instance (%s)", id), err)
			return false
		}
		p.Cur.SecurityGroupID = plan.SecurityGroupID
	}
	if c.ipForward {
		on := plan.EnableIPForwarding.ValueBool()
		tflog.Info(ctx, "setting IP forwarding of ZEC instance", map[string]any{"id": id, "enabled": on})
		if err := conn.SetIPForward(ctx, id, on); err != nil {
			p.Fail(fmt.Sprintf("setting IP forwarding of ZEC instance (%s)", id), err)
			return false
		}
		p.Cur.EnableIPForwarding = plan.EnableIPForwarding
	}
	if c.reset {
		needed, ok := resetNeeded(ctx, conn, p, plan, timeout)
		if !ok {
			return false
		}
		c.reset = needed
	}
	if c.instanceType || c.reset {
		if err := stopInstance(ctx, conn, id, plan.ForceShutdown.ValueBool(), timeout); err != nil {
			p.Fail(fmt.Sprintf("stopping ZEC instance (%s) to change it", id), err)
			return false
		}
		p.Cur.PowerState = types.StringValue(PowerStateStopped)
	}
	if c.instanceType {
		if err := modifyInstanceType(ctx, conn, id, plan.InstanceType.ValueString(), timeout); err != nil {
			p.Fail(fmt.Sprintf("changing the type of ZEC instance (%s)", id), err)
			return false
		}
		p.Cur.InstanceType = plan.InstanceType
	}
	if c.reset {
		in := zenlayer.ResetInstanceRequest{InstanceID: id, ImageID: plan.ImageID.ValueString(), KeyID: plan.KeyID.ValueString(),
			UserData: plan.UserData.ValueString()}
		if in.KeyID == "" {
			in.Password = password.ValueString()
		}
		if err := resetInstance(ctx, conn, in, timeout); err != nil {
			p.Fail(fmt.Sprintf("reinstalling ZEC instance (%s) with ResetInstance", id), err)
			return false
		}
		p.Cur.ImageID, p.Cur.KeyID, p.Cur.PowerState = plan.ImageID, plan.KeyID, types.StringValue(PowerStateRunning)
		p.Cur.PasswordWOVersion = plan.PasswordWOVersion // the reset set password_wo
		c.password = false
	}
	if c.password {
		if err := startInstance(ctx, conn, id, timeout); err != nil {
			p.Fail(fmt.Sprintf("starting ZEC instance (%s) to reset its password", id), err)
			return false
		}
		p.Cur.PowerState = types.StringValue(PowerStateRunning)
		tflog.Info(ctx, "resetting the password of ZEC instance", map[string]any{"id": id, "version": plan.PasswordWOVersion.ValueInt64()})
		if err := conn.ResetInstancePassword(ctx, id, password.ValueString()); err != nil {
			detail := err
			if zenlayer.HasCode(err, zenlayer.CodePasswordMalformed) {
				detail = fmt.Errorf("%w\n\nResetInstancePassword takes only the special characters ~!@$^*-_=+", err)
			}
			p.Fail(fmt.Sprintf("resetting the password of ZEC instance (%s)", id), detail)
			return false
		}
		p.Cur.PasswordWOVersion = plan.PasswordWOVersion
	}
	return true
}

// resetNeeded reports whether the instance must still be reinstalled
// for the plan's image and key pair. A ResetInstance that an interrupted
// run sent (Ctrl-C, or a killed provider or terraform, which saves
// nothing) may still be under way, or have ended, and the instance may
// report its new image only once it has: the next plan then asks for the
// same reset. So it waits for the instance to settle and reads it; one
// that runs the planned image and key pair is not wiped a second time,
// and p.Cur records them. ok is false after a failed wait (p.Fail).
func resetNeeded(ctx context.Context, conn *zenlayer.Client, p *framework.Partial[instanceResourceModel], plan *instanceResourceModel,
	timeout time.Duration) (needed, ok bool) {
	id := p.Cur.ID.ValueString()
	inst, err := waitInstanceSettled(ctx, conn, id, timeout)
	if err != nil {
		p.Fail(fmt.Sprintf("waiting for ZEC instance (%s) to settle before it is reinstalled", id), err)
		return false, false
	}
	if inst.ImageID != plan.ImageID.ValueString() || inst.KeyID != plan.KeyID.ValueString() {
		return true, true
	}
	tflog.Warn(ctx, "ZEC instance runs the planned image and key pair already (a reinstall an interrupted run sent has ended): not reinstalling it again",
		map[string]any{"id": id, "image_id": inst.ImageID, "key_id": inst.KeyID})
	p.Cur.ImageID, p.Cur.KeyID = plan.ImageID, plan.KeyID
	p.Cur.PowerState = powerStateOf(inst.Status, p.Cur.PowerState)
	return false, true
}

// setSecurityGroup binds the instance's primary vNIC to sg.
func setSecurityGroup(ctx context.Context, conn *zenlayer.Client, inst *zenlayer.Instance, sg string) error {
	nic := inst.PrimaryNic()
	if nic == nil || nic.NicID == "" {
		return errors.New("the API lists no vNIC for the instance (DescribeInstances nics)")
	}
	tflog.Info(ctx, "changing the security group of ZEC instance", map[string]any{"id": inst.InstanceID, "nic_id": nic.NicID, "security_group_id": sg})
	return conn.SetNicSecurityGroup(ctx, nic.NicID, sg)
}

// modifyInstanceType changes the type of a stopped instance and waits for
// RESIZING → STOPPED. ModifyInstanceType is never re-sent blindly: after
// an answer that was lost, the instance tells whether it was made; and an
// instance that is of the type already (a change an interrupted run sent,
// which the instance may report only once it has ended) is not changed again.
func modifyInstanceType(ctx context.Context, conn *zenlayer.Client, id, instanceType string, timeout time.Duration) error {
	if inst, err := waitInstanceSettled(ctx, conn, id, timeout); err != nil {
		return err
	} else if inst.InstanceType == instanceType {
		tflog.Warn(ctx, "ZEC instance is of the planned type already (a change an interrupted run sent has ended): not changing it again",
			map[string]any{"id": id, "instance_type": instanceType})
		return nil
	}
	tflog.Info(ctx, "changing the type of ZEC instance", map[string]any{"id": id, "instance_type": instanceType})
	if err := conn.ModifyInstanceType(ctx, id, instanceType); err != nil {
		if !zenlayer.Ambiguous(err) {
			return err
		}
		inst, ferr := conn.FindZECInstance(ctx, id)
		if ferr != nil || (inst.Status != zenlayer.InstanceStatusResizing && inst.InstanceType != instanceType) {
			return fmt.Errorf("the answer of ModifyInstanceType was lost and the instance shows no change, so it is not sent again; "+
				"run apply again: %w", err)
		}
	}
	inst, err := waitInstance(ctx, conn, id, "to be resized (STOPPED)", timeout, []string{zenlayer.InstanceStatusStopped}, instanceUnusable)
	if err == nil && inst.InstanceType != instanceType {
		err = fmt.Errorf("the instance is STOPPED but of type %s, not %s", inst.InstanceType, instanceType)
	}
	return err
}

// resetInstance reinstalls a stopped instance and waits for DEPLOYING →
// RUNNING, failing fast on REINSTALL_FAILED. ResetInstance is never re-sent
// blindly (a second one would wipe the disk again).
func resetInstance(ctx context.Context, conn *zenlayer.Client, in zenlayer.ResetInstanceRequest, timeout time.Duration) error {
	tflog.Info(ctx, "reinstalling ZEC instance", map[string]any{"id": in.InstanceID, "image_id": in.ImageID, "key_id": in.KeyID})
	if err := conn.ResetInstance(ctx, in); err != nil {
		if !zenlayer.Ambiguous(err) {
			return err
		}
		inst, ferr := conn.FindZECInstance(ctx, in.InstanceID)
		if ferr != nil || inst.Status == zenlayer.InstanceStatusStopped {
			return fmt.Errorf("the answer of ResetInstance was lost and the instance is still STOPPED, so it is not sent again "+
				"(a second reinstall would wipe the disk again); run apply again: %w", err)
		}
	}
	_, err := waitInstance(ctx, conn, in.InstanceID, "to be reinstalled (RUNNING)", timeout,
		[]string{zenlayer.InstanceStatusRunning}, instanceUnusable)
	return err
}

// warnReinstall plans the in-place changes: cpu, memory and image_name
// become known after them, and the plan warns when image_id or key_id
// changes (the instance is reinstalled in place, its system disk wiped)
// and when a running instance changes type (it is stopped for it).
func warnReinstall(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var plan, state instanceResourceModel
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	c := planned(&plan, &state, false)
	if c.instanceType { // known after the change
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("cpu"), types.Int64Unknown())...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("memory"), types.Int64Unknown())...)
	}
	switch {
	case c.reset && state.Status.ValueString() == zenlayer.InstanceStatusDeploying:
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("image_name"), types.StringUnknown())...)
		resp.Diagnostics.AddAttributeWarning(path.Root("image_id"), "ZEC instance is being reinstalled: the apply waits for it",
			fmt.Sprintf("Instance %s is being installed (DEPLOYING), by a reinstall an interrupted run sent, for one. The apply waits "+
				"for that to end and reinstalls the instance (ResetInstance, which wipes its system disk) only if it then does not run "+
				"image %s with the planned key pair.", state.ID.ValueString(), plan.ImageID.ValueString()))
	case c.reset:
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("image_name"), types.StringUnknown())...)
		resp.Diagnostics.AddAttributeWarning(path.Root("image_id"), "ZEC instance will be reinstalled",
			fmt.Sprintf("Changing image_id or key_id reinstalls instance %s in place with ResetInstance: it keeps its id, but it is "+
				"stopped and its system disk is wiped and installed from image %s. Data disks are kept.", state.ID.ValueString(), plan.ImageID.ValueString()))
	}
	if c.instanceType && plan.PowerState.ValueString() == PowerStateRunning {
		resp.Diagnostics.AddAttributeWarning(path.Root("instance_type"), "ZEC instance will be stopped",
			fmt.Sprintf("Changing instance_type stops instance %s (ModifyInstanceType takes only stopped instances) and starts it again.",
				state.ID.ValueString()))
	}
}
