package bmc

import (
	"context"
	"fmt"
	"strings"
	"time"

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

var _ resource.ResourceWithValidateConfig = &instanceResource{}

// Power states of power_state.
const (
	PowerRunning = "running"
	PowerStopped = "stopped"
)

// NewInstanceResource is the constructor of cloudcompute_zenlayer_bmc_instance.
func NewInstanceResource() resource.Resource {
	return framework.NewResource(&instanceResource{ResourceBase: framework.NewResourceBase("zenlayer_bmc_instance",
		framework.Timeouts{Create: 90 * time.Minute, Update: 30 * time.Minute, Delete: 30 * time.Minute}),
		Mover: framework.MovesFrom(officialInstance, moveInstance)})
}

// instanceResource gets its type name, Configure (r.Client), import by id
// and its move from the official provider (instance_move.go) from the
// framework; the rest is its own.
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

	in, d := plan.createRequest(ctx, password)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	tflog.Info(ctx, "creating BMC instance", map[string]any{
		"zone_id": in.ZoneID, "instance_type_id": in.InstanceTypeID, "image_id": in.ImageID, "charge_type": in.InstanceChargeType,
	})
	// The one create guard (internal/journal): the machine carries a create
	// token tag (API 2022-11-20 takes tags on CreateInstances and filters
	// DescribeInstances by them); a create whose answer is lost is looked up
	// by it, never sent again, and a create cut short is found by the next
	// run. The journal's hash of the arguments leaves the password out. Its
	// id is in the state before anything else can fail: a machine the
	// cloud made is never lost.
	hashed := in
	hashed.Password = ""
	ids, answered, err := framework.GuardedCreate(ctx, resp, r.Identify, journal.Spec{
		Kind: "bmc_instance", Label: "BMC instance", Scope: conn.Scope(), Args: hashed, Ambiguous: zenlayer.Ambiguous,
		Send: func(ctx context.Context, token string) ([]string, error) {
			in := in
			in.Tags = zentags.ForCreate(ctx, plan.TagsAll, token, &resp.Diagnostics)
			tflog.Info(ctx, "ordering BMC instance", map[string]any{"zone_id": in.ZoneID, "create_token": token})
			return conn.CreateBMCInstances(ctx, in)
		},
		Lookup: conn.FindBMCInstancesByCreateToken,
		Hint:   zenlayer.CreateTokenHint,
	}, plan.Timeouts,
		framework.Keep{Path: path.Root("release_on_destroy"), Value: plan.ReleaseOnDestroy},
		framework.Keep{Path: path.Root("instance_charge_type"), Value: plan.ChargeType})
	defer answered()
	if err != nil {
		resp.Diagnostics.AddError("creating BMC instance", err.Error())
		return
	}
	id := ids[0]
	tflog.Info(ctx, "created BMC instance", map[string]any{"id": id})

	const kept = "The instance exists, so it is kept in the state and marked tainted: the next apply destroys it " +
		"(a machine that failed to be created is deleted at once) and creates a new one."
	// unfinished saves the machine as it is, untainted, when Ctrl-C cuts a
	// step below short: the next apply finishes the create instead of
	// ordering a new machine (framework.CreateStepFailed).
	unfinished := func(doing string) func(*zenlayer.BMCInstance) string {
		return func(inst *zenlayer.BMCInstance) string {
			plan.fromAPI(ctx, inst, &resp.Diagnostics)
			framework.SavePlanned(ctx, req.Plan, resp, &plan)
			return doing + " (" + inst.InstanceStatus + ")"
		}
	}
	built, err := waitInstanceCreated(ctx, conn, id, timeout)
	if err != nil {
		framework.CreateWaitFailed(ctx, resp, "BMC instance", id, err, conn.FindBMCInstance, unfinished("being built"), kept)
		return
	}
	// Stopped as configured; or started, when an earlier run's machine
	// adopted here had been stopped.
	if want := plan.PowerState.ValueString(); want == PowerStopped || built.InstanceStatus == zenlayer.BMCStatusStopped {
		if err := powerInstance(ctx, conn, id, want, timeout); err != nil {
			framework.CreateStepFailed(ctx, resp, fmt.Sprintf("changing the power state of BMC instance (%s) to %s after its creation", id, want),
				"BMC instance", id, err, conn.FindBMCInstance, unfinished("having its power state changed"), kept)
			return
		}
	}
	inst, err := conn.FindBMCInstance(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("reading BMC instance (%s) after its creation", id), err.Error())
		return
	}
	plan.fromAPI(ctx, inst, &resp.Diagnostics)
	plan.SetTags(inst.Tags, plan.Tags, r.Client)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadResource(ctx, req, resp, r.Identify, r.Client.ZenlayerClient, instanceFinder,
		func(m *instanceResourceModel, ctx context.Context, inst *zenlayer.BMCInstance, diags *diag.Diagnostics) {
			prior := *m
			m.refresh(ctx, inst, diags)
			m.SetTags(inst.Tags, m.Tags, r.Client)
			// A decrease ordered for the next billing cycle is kept.
			if conn := r.Client.ZenlayerClient(diags); conn != nil {
				keepOrdered(ctx, conn, prior, m, diags)
			}
		})
}

func (r *instanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	framework.Delete(ctx, req, resp, &r.ResourceBase, r.Client.ZenlayerClient, deleteInstance)
}

// ModifyPlan plans tags_all (the provider's default_tags under tags),
// replaces an instance found in the recycle bin or failed, and
// warns at plan time that destroying a PREPAID instance does not release it.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	framework.PlanHeld(ctx, req)
	zentags.Plan(ctx, req, resp, r.Client)
	if req.State.Raw.IsNull() {
		return
	}
	var state instanceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if req.Plan.Raw.IsNull() {
		if state.ChargeType.ValueString() == zenlayer.BMCChargePrepaid {
			resp.Diagnostics.AddWarning(prepaidSummary(id),
				"Destroying this subscription (PREPAID) instance cancels its renewal only: it keeps running, and is billed, until "+
					"expired_time ("+state.ExpiredTime.ValueString()+"), when Zenlayer returns it.")
		}
		return
	}
	status := state.Status.ValueString()
	var why string
	switch status {
	case zenlayer.BMCStatusRecycling, zenlayer.BMCStatusRecycle:
		why = "is in the recycle bin: it was terminated outside Terraform. The plan replaces it; the destroy releases the old machine " +
			"(or leaves it in the bin with release_on_destroy = false)."
	case zenlayer.BMCStatusCreateFailed, zenlayer.BMCStatusInstallFailed:
		why = "failed to be created or installed. The plan replaces it."
	default:
		planInPlace(ctx, req, resp, &state)
		framework.PlanFinishCreate(ctx, req, resp, path.Root("status"))
		return
	}
	framework.PlanReplace(ctx, resp, path.Root("status"), fmt.Sprintf("BMC instance (%s) is %s", id, status), fmt.Sprintf("Instance %s %s", id, why))
}

func (r *instanceResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg instanceResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !cfg.ChargeType.IsUnknown() && !cfg.Period.IsUnknown() {
		prepaid := cfg.ChargeType.ValueString() == zenlayer.BMCChargePrepaid
		switch {
		case prepaid && cfg.Period.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("period"), "period is required for a PREPAID instance",
				"A PREPAID (subscription) instance is bought for a number of months: set period.")
		case !prepaid && !cfg.Period.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("period"), "period applies only to PREPAID instances",
				"period is the length of a subscription; remove it, or set instance_charge_type = \"PREPAID\".")
		}
	}
	if !cfg.InternetChargeType.IsUnknown() && !cfg.TrafficPackageSize.IsNull() &&
		cfg.InternetChargeType.ValueString() != zenlayer.BMCInternetByTrafficPackage && !cfg.InternetChargeType.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("traffic_package_size"), "traffic_package_size needs ByTrafficPackage",
			"traffic_package_size applies only to internet_charge_type = \"ByTrafficPackage\".")
	}
	if cfg.InternetChargeType.IsNull() && !cfg.TrafficPackageSize.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("traffic_package_size"), "traffic_package_size needs ByTrafficPackage",
			"traffic_package_size applies only to internet_charge_type = \"ByTrafficPackage\" (the default is ByBandwidth).")
	}
	if !cfg.NicWanName.IsNull() && !cfg.NicWanName.IsUnknown() && strings.EqualFold(cfg.NicWanName.ValueString(), cfg.NicLanName.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("nic_lan_name"), "nic_wan_name and nic_lan_name must differ",
			"The public and private interfaces need different names.")
	}
	validateInstall(ctx, &cfg, &resp.Diagnostics)
	if cfg.ImageID.IsNull() && !cfg.SSHKeys.IsNull() {
		resp.Diagnostics.AddAttributeWarning(path.Root("ssh_keys"), "ssh_keys have no effect without image_id",
			"SSH keys are installed with the operating system; without image_id no system is installed.")
	}
	if cfg.ImageID.IsNull() && !cfg.KeyID.IsNull() {
		resp.Diagnostics.AddAttributeWarning(path.Root("key_id"), "key_id has no effect without image_id",
			"The key pair is installed with the operating system; without image_id no system is installed.")
	}
}

// powerInstance starts or stops an instance and waits for the new state.
// An instance already there (or on its way) is left as it is.
func powerInstance(ctx context.Context, conn *zenlayer.Client, id, want string, timeout time.Duration) error {
	target, from, action, call := zenlayer.BMCStatusRunning, zenlayer.BMCStatusStopped, "StartInstances", conn.StartBMCInstances
	if want == PowerStopped {
		target, from, action, call = zenlayer.BMCStatusStopped, zenlayer.BMCStatusRunning, "StopInstances", conn.StopBMCInstances
	}
	// Let a transition in progress (installing, booting, stopping) end first.
	inst, err := waitInstancePowerSettled(ctx, conn, id, timeout)
	if err != nil {
		return err
	}
	if inst.InstanceStatus == from {
		tflog.Info(ctx, "changing BMC instance power state", map[string]any{"id": id, "action": action, "to": want})
		if err := call(ctx, id); err != nil {
			return err
		}
	}
	_, err = waitInstancePower(ctx, conn, id, target, timeout)
	return err
}
