package clouddc

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// NewInstanceResource is the constructor of cloudcompute_huaweicloud_clouddc_instance.
func NewInstanceResource() resource.Resource {
	return framework.NewResource(&instanceResource{ResourceBase: framework.NewResourceBase("huaweicloud_clouddc_instance",
		framework.Timeouts{Create: 60 * time.Minute, Update: 60 * time.Minute, Delete: 30 * time.Minute}).WithIdentity(instanceIdentity...)})
}

type instanceResource struct {
	framework.ResourceBase
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config instanceResourceModel
	conn, ctx, timeout, cancel := framework.Begin(ctx, &resp.Diagnostics, r.Client.HuaweiCloudClient, r.CreateTimeout(&plan.Timeouts),
		framework.Get(req.Plan, &plan), framework.Get(req.Config, &config))
	defer cancel()
	if conn == nil {
		return
	}
	in, d := plan.createRequest(ctx, config.PasswordWO)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}

	// The one create guard (internal/journal): the instance carries a
	// create token as a metadata pair; a create whose answer is lost is
	// looked up by it, never sent again, and a create cut short is found by
	// the next run. The journal's hash leaves the password out. Its id is in
	// the state before anything else can fail: an instance the cloud made
	// is never lost.
	args := in
	args.Password = ""
	ids, answered, err := framework.GuardedCreate(ctx, resp, r.Identify, journal.Spec{
		Kind: "clouddc_instance", Label: "CloudDC instance", Scope: conn.Scope(), Args: args, Ambiguous: huaweicloud.Ambiguous,
		Send: func(ctx context.Context, token string) ([]string, error) {
			in := in
			in.Metadata = maps.Clone(in.Metadata)
			if in.Metadata == nil {
				in.Metadata = map[string]string{}
			}
			in.Metadata[huaweicloud.CreateTokenMetadataKey] = token
			tflog.Info(ctx, "creating CloudDC instance", map[string]any{"name": in.Name, "image_id": in.ImageID, "server_id": framework.KnownString(plan.ServerID), "create_token": token})
			id, err := conn.CreateInstance(ctx, in)
			if err != nil {
				return nil, err
			}
			return []string{id}, nil
		},
		Lookup: conn.FindInstancesByCreateToken,
		Hint: func(token string) string {
			return fmt.Sprintf("look for an instance named %q whose metadata has %s = %s (ListInstances or the console) and import it with terraform import, or delete it",
				in.Name, huaweicloud.CreateTokenMetadataKey, token)
		},
	}, plan.Timeouts, framework.Keep{Path: path.Root("password_wo_version"), Value: plan.PasswordWOVersion})
	defer answered()
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("creating CloudDC instance %q", in.Name), err.Error()+createHint(err))
		return
	}
	if len(ids) > 1 {
		resp.Diagnostics.AddError(fmt.Sprintf("creating CloudDC instance %q", in.Name),
			fmt.Sprintf("%d instances carry this create's token (%v); the first is kept in the state. Delete the others.", len(ids), ids))
		return
	}
	id := ids[0]
	tflog.Info(ctx, "created CloudDC instance", map[string]any{"id": id})

	// The instance is kept, tainted, when a step below fails; but after
	// Ctrl-C (while the server is provisioned, or its tags set or its power
	// turned off after) it is kept untainted: the next apply finishes the
	// create instead of deleting it and provisioning the server again
	// (framework.CreateStepFailed).
	const kept = "The instance exists, so it is kept in the state and marked tainted: the next apply deletes it and creates a new one."
	unfinished := func(doing string) func(*huaweicloud.Instance) string {
		return func(inst *huaweicloud.Instance) string {
			resp.Diagnostics.Append(plan.fromAPI(inst)...)
			framework.SavePlanned(ctx, req.Plan, resp, &plan)
			return doing + " (" + inst.State + ")"
		}
	}
	if _, err := waitInstanceCreated(ctx, conn, id, timeout); err != nil {
		framework.CreateWaitFailed(ctx, resp, "CloudDC instance", id, err, conn.FindInstance, unfinished("being provisioned"), kept)
		return
	}
	inst, err := conn.FindInstance(ctx, id)
	if err == nil {
		err = r.finishCreate(ctx, conn, &plan, inst, timeout)
	}
	if err != nil {
		framework.CreateStepFailed(ctx, resp, fmt.Sprintf("finishing the creation of CloudDC instance (%s)", id), "CloudDC instance", id, err,
			conn.FindInstance, unfinished("being finished: tags, power"), kept)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadResource(ctx, req, resp, r.Identify, r.Client.HuaweiCloudClient, instanceFinder,
		func(m *instanceResourceModel, ctx context.Context, inst *huaweicloud.Instance, diags *diag.Diagnostics) {
			diags.Append(m.fromAPI(inst)...)
			m.setTags(inst, r.defaultTags())
		})
}

func (r *instanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer framework.HoldMarks(ctx, req).Done() // the marks outlive a provider killed now
	// After an import, the arguments the API never reports are adopted
	// from the configuration without a call.
	adopted, imported := framework.AdoptImported(ctx, req, resp, r.Identify, path.Root("password_wo_version"), path.Root("timeouts"))
	if adopted {
		return
	}
	var plan, state, config instanceResourceModel
	conn, ctx, timeout, cancel := framework.Begin(ctx, &resp.Diagnostics, r.Client.HuaweiCloudClient, r.UpdateTimeout(&plan.Timeouts),
		framework.Get(req.Plan, &plan), framework.Get(req.State, &state), framework.Get(req.Config, &config))
	defer cancel()
	if conn == nil {
		return
	}
	id := state.ID.ValueString()
	password := config.PasswordWO.ValueString()

	// If the create was interrupted while the server was provisioned (or
	// its tags set or its power turned off after), finish it. What is true
	// then (running, or stopped) is the baseline of the steps below.
	if !framework.FinishCreate(ctx, req, resp, "CloudDC instance", id, func() (*huaweicloud.InstanceStatus, error) {
		return waitInstanceCreated(ctx, conn, id, timeout)
	}, func(*huaweicloud.InstanceStatus) bool {
		inst, err := conn.FindInstance(ctx, id)
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("reading CloudDC instance (%s) after creation", id), err.Error())
			return false
		}
		resp.Diagnostics.Append(state.fromAPI(inst)...)
		return true
	}) {
		return
	}

	// done.Cur is what is true in the cloud so far: each step that succeeds
	// is recorded in it, and it is saved even when a later step fails.
	done := framework.NewPartial(ctx, resp, r.Identify, state)
	done.Cur.Timeouts = plan.Timeouts
	// A stopped instance is started first when the plan wants it running,
	// and changes that need it running fail at once when it stays stopped.
	if !r.powerBeforeUpdate(ctx, conn, plan, state, imported, done, timeout) {
		return
	}

	planNICs, d := nicsFrom(ctx, plan.NetworkInterfaces)
	resp.Diagnostics.Append(d...)
	stateNICs, d := nicsFrom(ctx, state.NetworkInterfaces)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !plan.VpcID.Equal(state.VpcID) || !sameNICs(planNICs, stateNICs) {
		in := modifyIPRequest(plan.VpcID, planNICs)
		tflog.Info(ctx, "changing the network of CloudDC instance", map[string]any{"id": id, "vpc_id": in.VpcID, "nics": len(in.NICs)})
		if _, err := waitInstance(ctx, conn, id, "to be running before its IP change", timeout, huaweicloud.StateRunning); err != nil {
			done.Fail(fmt.Sprintf("changing the network of CloudDC instance (%s)", id), withStateHint(err))
			return
		}
		if err := conn.ModifyInstanceIP(ctx, id, in); err != nil && !tookEffect(ctx, conn, id, "ModifyInstanceIp", err,
			func(inst *huaweicloud.Instance) bool { return inst.State == huaweicloud.StateModifyingIP }) {
			done.Fail(fmt.Sprintf("changing the network of CloudDC instance (%s)", id), withStateHint(err))
			return
		}
		if _, err := waitInstance(ctx, conn, id, "to finish its IP change", timeout, huaweicloud.StateRunning); err != nil {
			done.Fail(fmt.Sprintf("waiting for the network change of CloudDC instance (%s)", id), withStateHint(err))
			return
		}
		if inst, err := conn.FindInstance(ctx, id); err == nil {
			resp.Diagnostics.Append(done.Cur.fromAPI(inst)...)
		} else {
			done.Cur.VpcID, done.Cur.NetworkInterfaces = plan.VpcID, plan.NetworkInterfaces
		}
	}

	reinstalled := false
	if !plan.ImageID.Equal(state.ImageID) {
		tflog.Info(ctx, "reinstalling CloudDC instance", map[string]any{"id": id, "from_image": state.ImageID.ValueString(), "to_image": plan.ImageID.ValueString()})
		if !reinstall(ctx, conn, done, id, plan.ImageID.ValueString(), password, timeout) {
			return
		}
		done.Cur.ImageID = plan.ImageID
		done.Cur.PasswordWOVersion = plan.PasswordWOVersion // the reinstallation set password_wo
		reinstalled = true
	}

	// The first version after an import is adopted: the password the
	// machine has is not reset.
	if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) && !reinstalled && !imported {
		tflog.Info(ctx, "changing the password of CloudDC instance", map[string]any{"id": id})
		if err := conn.ChangeInstancePassword(ctx, password, id); err != nil {
			done.Fail(fmt.Sprintf("changing the password of CloudDC instance (%s)", id), withStateHint(err))
			return
		}
		resp.Diagnostics.AddWarning(fmt.Sprintf("CloudDC instance (%s): the new password takes effect at the next boot", id),
			"ChangeInstancePassword stored the new administrator password; it takes effect when the server is next powered on or rebooted "+
				"(ChangeServerPowerState). Until then the old password still works.")
	}
	done.Cur.PasswordWOVersion = plan.PasswordWOVersion

	inst, err := conn.FindInstance(ctx, id)
	if err != nil {
		done.Fail(fmt.Sprintf("reading CloudDC instance (%s) after update", id), withStateHint(err))
		return
	}
	if !r.tagsAndPowerAfterUpdate(ctx, conn, plan, inst, done, timeout) {
		return
	}
	if inst, err = conn.FindInstance(ctx, id); err != nil {
		done.Fail(fmt.Sprintf("reading CloudDC instance (%s) after update", id), withStateHint(err))
		return
	}
	resp.Diagnostics.Append(done.Cur.fromAPI(inst)...)
	done.Cur.Tags = plan.Tags
	done.Cur.setTags(inst, r.defaultTags())
	done.Save()
}

// Delete waits for an operation in progress to end, calls DeleteInstance
// and waits until the instance is terminated or gone. Every step is safe to
// repeat, so an interrupted destroy finishes on the next run.
func (r *instanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state instanceResourceModel
	conn, ctx, timeout, cancel := framework.Begin(ctx, &resp.Diagnostics, r.Client.HuaweiCloudClient, r.DeleteTimeout(&state.Timeouts),
		framework.Get(req.State, &state))
	defer cancel()
	if conn == nil {
		return
	}
	id := state.ID.ValueString()
	journal.Held(id) // a state holds it: no create adopts it (see framework.PlanHeld)
	_, status, err := waitDeletable(ctx, conn, id, timeout)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("deleting CloudDC instance (%s)", id), err.Error())
		return
	}
	switch status {
	case wait.Gone, huaweicloud.StateTerminated:
		tflog.Info(ctx, "CloudDC instance already deleted", map[string]any{"id": id, "status": status})
		return
	case huaweicloud.StateShuttingDown:
		tflog.Info(ctx, "CloudDC instance already being deleted", map[string]any{"id": id})
	default:
		tflog.Info(ctx, "deleting CloudDC instance", map[string]any{"id": id, "status": status})
		err := conn.DeleteInstance(ctx, id)
		if huaweicloud.IsNotFound(err) {
			tflog.Info(ctx, "CloudDC instance was deleted meanwhile", map[string]any{"id": id})
			return
		}
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("deleting CloudDC instance (%s)", id), err.Error()+stateHint(err))
			return
		}
	}
	if _, err := waitInstance(ctx, conn, id, "to be deleted", timeout, huaweicloud.StateTerminated, wait.Gone); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("waiting for CloudDC instance (%s) to be deleted", id), err.Error())
		return
	}
	removeServerTags(ctx, conn, state, &resp.Diagnostics)
}

// ImportState takes the instance's UUID (the import id, or the identity's
// id), refusing any other id at once with an example of the form.
func (r *instanceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := framework.ImportID(ctx, req, &resp.Diagnostics)
	if id == "" {
		return
	}
	if !UUIDPattern.MatchString(id) {
		resp.Diagnostics.AddError("Invalid CloudDC instance id",
			fmt.Sprintf("%q is not a CloudDC instance id: the import id is the instance's UUID, for example 3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b.", id))
		return
	}
	r.WithImportByID.ImportState(ctx, req, resp)
}

// ModifyPlan replaces an instance in a failure state (replaceFailed),
// finishes a create cut short in place, keeps the allocated address of an
// interface whose subnet is unchanged (and marks it unknown when the
// subnet changes), derives primary_ip and the image's name and OS type,
// and warns that a new image reinstalls the OS.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	framework.PlanHeld(ctx, req)
	if req.Plan.Raw.IsNull() {
		return
	}
	if requirePassword(ctx, req, resp); resp.Diagnostics.HasError() {
		return
	}
	var plan, config instanceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var state *instanceResourceModel
	if !req.State.Raw.IsNull() {
		state = &instanceResourceModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	switch {
	case state != nil && huaweicloud.IsFailed(state.Status.ValueString()):
		replaceFailed(ctx, resp, *state)
		state = nil
	case state != nil && replacing(plan, *state, config):
		state = nil // a new instance: nothing of the old one carries over
	default:
		framework.PlanFinishCreate(ctx, req, resp, path.Root("status"))
	}
	netChange := false // set below, once the planned addresses are known
	defer func() {
		if !resp.Diagnostics.HasError() {
			r.planPowerAndTags(ctx, req, resp, plan, state, netChange)
		}
	}()
	planNICs, d := nicsFrom(ctx, plan.NetworkInterfaces)
	resp.Diagnostics.Append(d...)
	cfgNICs, d := nicsFrom(ctx, config.NetworkInterfaces)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() || planNICs == nil {
		return
	}
	var stateNICs []nicModel
	if state != nil {
		stateNICs, d = nicsFrom(ctx, state.NetworkInterfaces)
		resp.Diagnostics.Append(d...)
	}
	sameVPC := state != nil && plan.VpcID.Equal(state.VpcID)
	for k := range planNICs {
		if k < len(cfgNICs) && !cfgNICs[k].IPv4Address.IsNull() {
			continue // configured: the plan has it
		}
		if sameVPC && k < len(stateNICs) && planNICs[k].SubnetID.Equal(stateNICs[k].SubnetID) && !planNICs[k].SubnetID.IsUnknown() {
			planNICs[k].IPv4Address = stateNICs[k].IPv4Address
		} else {
			planNICs[k].IPv4Address = types.StringUnknown()
		}
	}
	netChange = state != nil && (!plan.VpcID.Equal(state.VpcID) || !sameNICs(planNICs, stateNICs))
	list, d := nicsValue(planNICs)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("network_interfaces"), list)...)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("primary_ip"), planNICs[0].IPv4Address)...)
	if state == nil {
		return
	}
	if plan.ImageID.Equal(state.ImageID) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("image_name"), state.ImageName)...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("os_type"), state.OSType)...)
	} else if !plan.ImageID.IsUnknown() {
		resp.Diagnostics.AddAttributeWarning(path.Root("image_id"), "The OS of the CloudDC instance will be reinstalled",
			fmt.Sprintf("image_id changes from %s to %s: applying reinstalls the operating system of instance %s in place (ReinstallOs). "+
				"Everything on its system disk is lost; data disks are kept.", state.ImageID.ValueString(), plan.ImageID.ValueString(), state.ID.ValueString()))
	}
}

// replaceFailed plans the replacement of an instance in a failure state
// (failed, error): its build failed after a create that Ctrl-C cut short
// (the create would otherwise have been tainted), or it failed since. Such
// an instance never runs, and an update cannot mend it.
func replaceFailed(ctx context.Context, resp *resource.ModifyPlanResponse, state instanceResourceModel) {
	id, st := state.ID.ValueString(), state.Status.ValueString()
	framework.PlanReplace(ctx, resp, path.Root("status"), fmt.Sprintf("CloudDC instance (%s) is %s", id, st),
		fmt.Sprintf("Instance %s is in the failure state %s: its OS installation failed (ShowInstanceStatus tells why). "+
			"The plan replaces it: the failed instance is deleted, which frees its physical server, and a new one is created.", id, st))
}

// replacing reports whether the plan changes an attribute that forces a
// new instance (the RequiresReplace plan modifiers are not visible here).
func replacing(plan, state, config instanceResourceModel) bool {
	return !plan.Name.Equal(state.Name) || !plan.Metadata.Equal(state.Metadata) || !plan.Description.Equal(state.Description) ||
		(!config.ServerID.IsNull() && !plan.ServerID.Equal(state.ServerID))
}

// createHint says what to do about a failed CreateInstance.
func createHint(err error) string {
	switch {
	case huaweicloud.HasCode(err, huaweicloud.CodeServerNotReady):
		return "\n\nCloudDC installs an instance only on a physical server in manage_state ready. Choose another server_id, free a " +
			"server by deleting its instance, or leave server_id unset so that CloudDC picks an idle ready server."
	case huaweicloud.HasCode(err, huaweicloud.CodeServerNotFound):
		return "\n\nserver_id does not name a physical server of this project."
	}
	return ""
}

// stateHint explains iMetal.0201 (the instance's state does not allow the operation).
func stateHint(err error) string {
	if huaweicloud.HasCode(err, huaweicloud.CodeInstanceState) {
		return "\n\nThe instance's current state does not allow this operation: another operation may be running on it, or it is " +
			"stopped (IP changes, reinstallation and password changes need a running instance: set power_state = \"running\"). " +
			"Wait for it to settle and apply again."
	}
	return ""
}

// withStateHint is err with stateHint's explanation added to its message.
func withStateHint(err error) error {
	if hint := stateHint(err); hint != "" {
		return fmt.Errorf("%w%s", err, hint)
	}
	return err
}

// reinstall installs image on instance id (ReinstallOs, which wipes its
// system disk) and waits until it runs again; it reports whether it did,
// and fails p otherwise. It is sent once: an instance that already runs
// image when it has settled (the refresh read it while a reinstallation
// sent by an earlier run, whose provider or terraform was killed, still
// went on: an instance may report its new image only once that has
// ended) is not reinstalled a second time.
func reinstall(ctx context.Context, conn *huaweicloud.Client, p *framework.Partial[instanceResourceModel], id, image, password string, timeout time.Duration) bool {
	if _, err := waitInstance(ctx, conn, id, "to be running before its reinstallation", timeout, huaweicloud.StateRunning); err != nil {
		p.Fail(fmt.Sprintf("reinstalling CloudDC instance (%s)", id), withStateHint(err))
		return false
	}
	inst, err := conn.FindInstance(ctx, id)
	if err != nil {
		p.Fail(fmt.Sprintf("reinstalling CloudDC instance (%s)", id), err)
		return false
	}
	if inst.Image != nil && inst.Image.ID == image {
		tflog.Warn(ctx, "CloudDC instance already runs the planned image (a reinstallation an interrupted run sent has ended): not reinstalled again",
			map[string]any{"id": id, "image_id": image})
		return true
	}
	if err := conn.ReinstallOS(ctx, huaweicloud.ReinstallOSRequest{ImageID: image, Password: password, InstanceIDs: []string{id}}); err != nil &&
		!tookEffect(ctx, conn, id, "ReinstallOs", err, func(inst *huaweicloud.Instance) bool {
			return inst.State == huaweicloud.StateReinstalling || (inst.Image != nil && inst.Image.ID == image)
		}) {
		p.Fail(fmt.Sprintf("reinstalling CloudDC instance (%s)", id), withStateHint(err))
		return false
	}
	if _, err := waitInstance(ctx, conn, id, "to be reinstalled", timeout, huaweicloud.StateRunning); err != nil {
		p.Fail(fmt.Sprintf("waiting for CloudDC instance (%s) to be reinstalled", id), withStateHint(err))
		return false
	}
	return true
}

// tookEffect reports whether a call whose answer was lost (err
// ambiguous) took effect: the instance, read on a context of its own if
// ctx has ended (Ctrl-C while the call was sent), shows it. Such a call is
// never sent again (a second ReinstallOs would wipe the disk again).
func tookEffect(ctx context.Context, conn *huaweicloud.Client, id, action string, err error, shows func(*huaweicloud.Instance) bool) bool {
	if !huaweicloud.Ambiguous(err) {
		return false
	}
	if ctx.Err() != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
	}
	inst, ferr := conn.FindInstance(ctx, id)
	took := ferr == nil && shows(inst)
	tflog.Warn(ctx, "the answer of "+action+" was lost: the instance was read to learn whether it took effect; it is not sent again",
		map[string]any{"id": id, "took_effect": took, "error": err.Error()})
	return took
}
