package zec

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

var _ resource.ResourceWithConfigValidators = &instanceResource{}

// NewInstanceResource is the constructor of cloudcompute_zenlayer_zec_instance.
func NewInstanceResource() resource.Resource {
	return framework.NewResource(&instanceResource{ResourceBase: framework.NewResourceBase("zenlayer_zec_instance",
		framework.Timeouts{Create: 20 * time.Minute, Update: 20 * time.Minute, Delete: 20 * time.Minute}),
		Mover: framework.MovesFrom(officialInstance, moveInstance)})
}

// instanceResource moves from the official provider (instance_move.go).
type instanceResource struct {
	framework.ResourceBase
	framework.Mover
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan instanceResourceModel
	var password types.String // write-only: only in the configuration
	conn, ctx, timeout, cancel := framework.Begin(ctx, &resp.Diagnostics, r.Client.ZenlayerClient, r.CreateTimeout(&plan.Timeouts),
		framework.Get(req.Plan, &plan), framework.GetAttribute(req.Config, path.Root("password_wo"), &password))
	defer cancel()
	if conn == nil {
		return
	}

	in, diags := plan.createRequest(ctx, password)
	if diags.HasError() {
		resp.Diagnostics.Append(diags...)
		return
	}
	// The one create guard (internal/journal): the instance carries a
	// create token; a create whose answer is lost is looked up by it, never
	// sent again, and a create cut short is found by the next run. The
	// journal's hash of the arguments leaves the password out. Its id is in
	// the state before anything else can fail: an instance the cloud made
	// is never lost.
	var out *zenlayer.CreateZecInstancesResult
	hashed := in
	hashed.Password = ""
	keep := framework.Keep{Path: path.Root("release_on_destroy"), Value: plan.ReleaseOnDestroy}
	ids, answered, err := framework.GuardedCreate(ctx, resp, r.Identify, journal.Spec{
		Kind: "zec_instance", Label: "ZEC instance", Scope: conn.Scope(), Args: hashed, Ambiguous: zenlayer.Ambiguous,
		Send: func(ctx context.Context, token string) ([]string, error) {
			in := in
			in.Tags = zentags.ForCreate(ctx, plan.TagsAll, token, &resp.Diagnostics)
			tflog.Info(ctx, "creating ZEC instance", map[string]any{"zone_id": in.ZoneID, "instance_type": in.InstanceType, "image_id": in.ImageID, "create_token": token})
			r, err := conn.CreateZecInstances(ctx, in)
			if r == nil {
				return nil, err
			}
			out = r
			return r.InstanceIDSet, err
		},
		Lookup: conn.FindZECInstancesByCreateToken,
		Hint:   zenlayer.CreateTokenHint,
	}, plan.Timeouts, keep)
	defer answered()
	if out != nil && len(out.InstanceIDSet) > 0 && (len(ids) == 0 || ids[0] != out.InstanceIDSet[0]) {
		// CreateZecInstances answered ids along with its error (not as many
		// as asked for): the first it answered is the instance to keep.
		ids = out.InstanceIDSet
		framework.SaveCreated(ctx, resp, r.Identify, ids[0], plan.Timeouts, keep)
	}
	if err != nil {
		detail := err.Error()
		if zenlayer.HasCode(err, zenlayer.CodePasswordMalformed) {
			detail += "\n\nThe password does not meet the API's password policy; see the description of the password_wo argument."
		}
		detail += createLoginHint(err)
		resp.Diagnostics.AddError("creating ZEC instance", detail)
		return
	}
	id := ids[0]
	orderNumber := ""
	if out != nil {
		orderNumber = out.OrderNumber
	}
	tflog.Info(ctx, "created ZEC instance", map[string]any{"id": id, "order_number": orderNumber})

	// The instance is kept, tainted, when a step below fails; but after
	// Ctrl-C it is kept untainted: the next apply finishes the create
	// instead of replacing the instance (framework.CreateStepFailed).
	const kept = "The instance exists, so it is kept in the state and marked tainted: the next apply releases it and creates a new one."
	unfinished := func(doing string) func(*zenlayer.Instance) string {
		return func(inst *zenlayer.Instance) string {
			plan.fromAPI(ctx, inst, &resp.Diagnostics)
			framework.SavePlanned(ctx, req.Plan, resp, &plan)
			return doing + " (" + inst.Status + ")"
		}
	}
	inst, err := waitInstanceCreated(ctx, conn, id, timeout)
	if err != nil {
		framework.CreateWaitFailed(ctx, resp, "ZEC instance", id, err, conn.FindZECInstance, unfinished("being built"), kept)
		return
	}
	// Stopped as configured; or started, when an earlier run's instance
	// adopted here had been stopped.
	if stop := plan.PowerState.ValueString() == PowerStateStopped; stop || inst.Status == zenlayer.InstanceStatusStopped {
		doing, power := "starting", func() error { return startInstance(ctx, conn, id, timeout) }
		if stop {
			doing, power = "stopping", func() error { return stopInstance(ctx, conn, id, plan.ForceShutdown.ValueBool(), timeout) }
		}
		if err := power(); err != nil {
			framework.CreateStepFailed(ctx, resp, fmt.Sprintf("%s ZEC instance (%s) after creating it", doing, id), "ZEC instance", id, err,
				conn.FindZECInstance, unfinished(doing), kept)
			return
		}
		if inst, err = conn.FindZECInstance(ctx, id); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("reading ZEC instance (%s) after creating it", id), err.Error())
			return
		}
	}
	wantLanIP := plan.LanIP
	plan.fromAPI(ctx, inst, &resp.Diagnostics)
	plan.SetTags(inst.Tags, plan.Tags, r.Client)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	checkLanIP(resp, id, wantLanIP, plan.LanIP)
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadResource(ctx, req, resp, r.Identify, r.Client.ZenlayerClient, instanceFinder,
		func(m *instanceResourceModel, ctx context.Context, inst *zenlayer.Instance, diags *diag.Diagnostics) {
			m.refresh(ctx, inst, diags)
			m.SetTags(inst.Tags, m.Tags, r.Client)
		})
}

func (r *instanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer framework.HoldMarks(ctx, req).Done() // the marks outlive a provider killed now
	// After an import, the arguments the API never reports are adopted
	// from the configuration without a call.
	done, imported := framework.AdoptImported(ctx, req, resp, r.Identify, path.Root("force_shutdown"), path.Root("release_on_destroy"), path.Root("timeouts"),
		path.Root("password_wo_version"), path.Root("user_data"), path.Root("public_network"))
	if done {
		return
	}
	var plan, state instanceResourceModel
	var password types.String // write-only: only in the configuration
	conn, ctx, timeout, cancel := framework.Begin(ctx, &resp.Diagnostics, r.Client.ZenlayerClient, r.UpdateTimeout(&plan.Timeouts),
		framework.Get(req.Plan, &plan), framework.Get(req.State, &state), framework.GetAttribute(req.Config, path.Root("password_wo"), &password))
	defer cancel()
	if conn == nil {
		return
	}
	id := state.ID.ValueString()

	// If the create was interrupted while the instance was built (or
	// stopped after), finish it. What is true once it is built (running, or
	// stopped) is the baseline of the steps below.
	if !framework.FinishCreate(ctx, req, resp, "ZEC instance", id,
		func() (*zenlayer.Instance, error) { return waitInstanceCreated(ctx, conn, id, timeout) },
		func(inst *zenlayer.Instance) bool { state.fromAPI(ctx, inst, &resp.Diagnostics); return true }) {
		return
	}

	// p.Cur is what is true in the cloud so far: each step that succeeds is
	// recorded in it, and it is saved even when a later step fails.
	p := framework.NewPartial(ctx, resp, r.Identify, state)
	p.Cur.ReleaseOnDestroy, p.Cur.ForceShutdown, p.Cur.Timeouts = plan.ReleaseOnDestroy, plan.ForceShutdown, plan.Timeouts
	p.Cur.UserData, p.Cur.PublicNetwork = plan.UserData, plan.PublicNetwork // arguments only: no call changes them
	if imported || plan.PasswordWOVersion.IsNull() {
		p.Cur.PasswordWOVersion = plan.PasswordWOVersion // adopted (never acted on), or dropped
	}

	if !zentags.UpdateShared(ctx, conn, "ZEC instance", id, conn.ModifyInstancesAttribute, plan.Shared, &p.Cur.Shared, p.Fail) {
		return
	}

	planDisk, diags := plan.systemDisk(ctx)
	resp.Diagnostics.Append(diags...)
	stateDisk, diags := state.systemDisk(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if planDisk != nil && stateDisk != nil && !planDisk.Size.IsUnknown() && planDisk.Size.ValueInt64() > stateDisk.Size.ValueInt64() {
		diskID := state.SystemDiskID.ValueString()
		size := planDisk.Size.ValueInt64()
		if err := growDisk(ctx, conn, diskID, size, timeout); err != nil {
			p.Fail(fmt.Sprintf("resizing the system disk (%s) of ZEC instance (%s)", diskID, id), err)
			return
		}
		p.Cur.SystemDisk = plan.SystemDisk
	}

	if !applyChanges(ctx, conn, p, &plan, password, planned(&plan, &state, imported), timeout) {
		return
	}

	// p.Cur.PowerState is what the last refresh saw (powerStateOf the API's
	// status), or where the steps above left the instance.
	if !plan.PowerState.Equal(p.Cur.PowerState) {
		switch plan.PowerState.ValueString() {
		case PowerStateRunning:
			if err := startInstance(ctx, conn, id, timeout); err != nil {
				p.Fail(fmt.Sprintf("starting ZEC instance (%s)", id), err)
				return
			}
		case PowerStateStopped:
			if err := stopInstance(ctx, conn, id, plan.ForceShutdown.ValueBool(), timeout); err != nil {
				p.Fail(fmt.Sprintf("stopping ZEC instance (%s)", id), err)
				return
			}
		}
		p.Cur.PowerState = plan.PowerState
	}

	inst, ok := framework.ReadBack(p, instanceFinder, conn, id)
	if !ok {
		return
	}
	p.Cur.fromAPI(ctx, inst, &resp.Diagnostics)
	p.Cur.SetTags(inst.Tags, plan.Tags, r.Client)
	p.Cur.PowerState = plan.PowerState
	p.Save()
}

func (r *instanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	framework.Delete(ctx, req, resp, &r.ResourceBase, r.Client.ZenlayerClient, deleteInstance)
}

// ModifyPlan plans tags_all (the provider's default_tags under tags) and
// replaces an instance whose creation failed (CREATE_FAILED):
// such an instance never runs, and a tainted one is replaced anyway, but
// an imported or refreshed one would otherwise plan no change. It also
// replaces an instance that an unfinished destroy left in the recycle bin.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	framework.PlanHeld(ctx, req)
	zentags.Plan(ctx, req, resp, r.Client)
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() ||
		instanceFinder.PlanFinishDestroy(ctx, req, resp, path.Root("status")) {
		return
	}
	var status types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if status.ValueString() == zenlayer.InstanceStatusCreateFailed {
		framework.PlanReplace(ctx, resp, path.Root("status"), "", "")
		return
	}
	framework.PlanFinishCreate(ctx, req, resp, path.Root("status"))
	warnReinstall(ctx, req, resp)
}

func (r *instanceResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.Conflicting(path.MatchRoot("password_wo"), path.MatchRoot("key_id")), publicNetworkValidator{}}
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
