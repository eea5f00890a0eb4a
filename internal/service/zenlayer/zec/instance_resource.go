package zec

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

var (
	_ resource.Resource                     = &instanceResource{}
	_ resource.ResourceWithConfigure        = &instanceResource{}
	_ resource.ResourceWithImportState      = &instanceResource{}
	_ resource.ResourceWithModifyPlan       = &instanceResource{}
	_ resource.ResourceWithConfigValidators = &instanceResource{}
)

// InstanceNamePattern is the CreateZecInstances rule for instanceName: 2 to
// 63 letters, digits, "-" and ".", starting and ending with a letter or digit.
var InstanceNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]{0,61}[A-Za-z0-9]$`)

// Power states of the resource.
const (
	PowerStateRunning = "running"
	PowerStateStopped = "stopped"
)

const (
	instanceCreateTimeout = 20 * time.Minute
	instanceUpdateTimeout = 20 * time.Minute
	instanceDeleteTimeout = 20 * time.Minute
)

// NewInstanceResource is the constructor of cloudcompute_zenlayer_zec_instance.
func NewInstanceResource() resource.Resource { return &instanceResource{} }

type instanceResource struct {
	client *conns.Client
}

func (r *instanceResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_zenlayer_zec_instance"
}

var systemDiskAttrTypes = map[string]attr.Type{"size": types.Int64Type, "category": types.StringType}

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Zenlayer Elastic Compute (ZEC) instance with a managed power state. The name, the power state " +
			"(`power_state`, started with `StartInstances` and stopped with `StopInstances`) and the size of the system disk change in place; " +
			"the other arguments create a new instance. Destroying it releases it with `ReleaseInstances` together with its system disk; " +
			"data disks attached to it (`cloudcompute_zenlayer_zec_disk`) are detached and kept. On accounts with a recycle bin the instance " +
			"passes through the bin and is released from there too, unless `release_on_destroy = false`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Instance id.",
				PlanModifiers:       keep,
			},
			"zone_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Zone of the instance, for example `asia-east-1a`. Changing it creates a new instance.",
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"instance_type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Instance type, for example `z2a.cpu.1`. Changing it creates a new instance.",
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"image_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Image the instance is installed from. Changing it creates a new instance.",
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Instance name: 2 to 63 letters, digits, `-` and `.`, starting and ending with a letter or digit. " +
					"Changed in place.",
				Validators: []validator.String{
					stringvalidator.RegexMatches(InstanceNamePattern, "must be 2 to 63 letters, digits, '-' and '.', starting and ending with a letter or digit"),
				},
			},
			"password": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				WriteOnly: true,
				MarkdownDescription: "Login password, set when the instance is created. Exactly one of `password` and `key_id` is required. " +
					"8 to 16 characters: letters, digits and `" + zenlayerPasswordSpecials + "`, with at least three of lowercase letters, " +
					"uppercase letters, digits and special characters. **Write-only** (Terraform 1.11 or later): it is sent to the API " +
					"once and never stored in the state or the plan, and the API never returns it. Changing it later has no effect " +
					"on the existing instance (the API sets the password only at creation).",
				Validators: []validator.String{passwordValidator{}},
			},
			"key_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "SSH key pair id (for example `key-YWD2QFOl`) to log in with. Exactly one of `password` and `key_id` is required. Changing it creates a new instance.",
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"system_disk": schema.SingleNestedAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "The system (boot) disk. If unset, the API's defaults apply (the image's minimum size and the default category).",
				PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"size": schema.Int64Attribute{
						Optional: true,
						Computed: true,
						MarkdownDescription: fmt.Sprintf("Size in GiB, %d to %d, and at least the image's minimum. Growing it resizes the disk in place; "+
							"a smaller size creates a new instance, because a disk cannot shrink.", DiskMinSize, DiskMaxSize),
						Validators: []validator.Int64{int64validator.Between(DiskMinSize, DiskMaxSize)},
						PlanModifiers: []planmodifier.Int64{
							int64planmodifier.UseStateForUnknown(),
							int64planmodifier.RequiresReplaceIf(systemDiskShrinks, "A system disk cannot shrink: a smaller size creates a new instance.",
								"A system disk cannot shrink: a smaller size creates a new instance."),
						},
					},
					"category": schema.StringAttribute{
						Optional:            true,
						Computed:            true,
						MarkdownDescription: "Disk category, for example `Standard NVMe SSD`. Changing it creates a new instance.",
						PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
				},
			},
			"subnet_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Subnet of the primary network interface. Changing it creates a new instance.",
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"security_group_id": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Security group of the primary network interface; the VPC's default group if unset. Changing it creates a new instance.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"resource_group_id": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Resource group of the instance; the account's default group if unset. Changing it creates a new instance.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"power_state": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(PowerStateRunning),
				MarkdownDescription: "`running` (the default) or `stopped`. Changed in place with `StartInstances` / `StopInstances`, " +
					"waiting until the instance is `RUNNING` or `STOPPED`. An instance started or stopped outside Terraform shows up in the next plan.",
				Validators: []validator.String{stringvalidator.OneOf(PowerStateRunning, PowerStateStopped)},
			},
			"force_shutdown": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "Stop the instance with a forced power-off instead of a shutdown through the guest operating system " +
					"(the API's `forceShutdown`). A forced power-off may lose data that the guest has not written yet.",
			},
			"release_on_destroy": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
				MarkdownDescription: "On accounts with a recycle bin, `true` (the default) releases the instance from the bin as well, so that " +
					"destroy frees it for good; `false` leaves it in the bin (restorable for a while) and says so in a warning.",
			},
			"status": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Instance status as the API reports it, for example `RUNNING` or `STOPPED`.",
			},
			"cpu": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "Number of CPU cores.",
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"memory": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "Memory in GiB.",
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"public_ip_addresses": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Public IP addresses.",
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"private_ip_addresses": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Private IP addresses.",
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"system_disk_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Id of the system disk (it appears in `cloudcompute_zenlayer_zec_disks` as a `SYSTEM` disk).",
				PlanModifiers:       keep,
			},
			"create_time": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the instance was created (ISO 8601, as the API reports it).",
				PlanModifiers:       keep,
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *instanceResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.ExactlyOneOf(path.MatchRoot("password"), path.MatchRoot("key_id"))}
}

func (r *instanceResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan replaces an instance whose creation failed (CREATE_FAILED):
// such an instance never runs, and a tainted one is replaced anyway, but
// an imported or refreshed one would otherwise plan no change.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var status types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if status.ValueString() == zenlayer.InstanceStatusCreateFailed {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.StringUnknown())...)
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("status"))
		return
	}
	framework.PlanFinishCreate(ctx, req, resp, path.Root("status"))
}

func systemDiskShrinks(_ context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
	if !req.StateValue.IsNull() && !req.PlanValue.IsUnknown() && !req.PlanValue.IsNull() {
		resp.RequiresReplace = req.PlanValue.ValueInt64() < req.StateValue.ValueInt64()
	}
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan instanceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var password types.String // write-only: only in the configuration
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password"), &password)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, instanceCreateTimeout)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	in := zenlayer.CreateZecInstancesRequest{
		ZoneID:          plan.ZoneID.ValueString(),
		ImageID:         plan.ImageID.ValueString(),
		InstanceType:    plan.InstanceType.ValueString(),
		SubnetID:        plan.SubnetID.ValueString(),
		InstanceCount:   1,
		InstanceName:    plan.Name.ValueString(),
		Password:        password.ValueString(),
		KeyID:           plan.KeyID.ValueString(),
		SecurityGroupID: plan.SecurityGroupID.ValueString(),
		ResourceGroupID: plan.ResourceGroupID.ValueString(),
	}
	if sd, diags := plan.systemDisk(ctx); diags.HasError() {
		resp.Diagnostics.Append(diags...)
		return
	} else if sd != nil && (!sd.Size.IsUnknown() || !sd.Category.IsUnknown()) {
		in.SystemDisk = &zenlayer.SystemDiskSpec{DiskSize: sd.Size.ValueInt64(), DiskCategory: sd.Category.ValueString()}
	}
	// The one create guard (internal/journal): the instance carries a
	// create token; a create whose answer is lost is looked up by it, never
	// sent again, and a create cut short is found by the next run. The
	// journal's hash of the arguments leaves the password out.
	var out *zenlayer.CreateZecInstancesResult
	hashed := in
	hashed.Password = ""
	res, err := journal.Create(ctx, journal.Spec{
		Kind: "zec_instance", Label: "ZEC instance", Scope: conn.Scope(), Args: hashed, Ambiguous: zenlayer.Ambiguous,
		Send: func(ctx context.Context, token string) ([]string, error) {
			in := in
			in.Tags = zenlayer.CreateTokenTags(token)
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
	})
	defer res.Done()
	for _, w := range res.Warnings {
		resp.Diagnostics.AddWarning("The create journal is not kept", w)
	}
	ids := res.IDs
	if len(ids) > 0 && (out == nil || len(out.InstanceIDSet) == 0) {
		out = &zenlayer.CreateZecInstancesResult{InstanceIDSet: ids}
	}
	if out != nil && len(out.InstanceIDSet) > 0 {
		// Never lose an instance the cloud made: its id is in state before anything else can fail.
		plan.ID = types.StringValue(out.InstanceIDSet[0])
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), plan.Timeouts)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("release_on_destroy"), plan.ReleaseOnDestroy)...)
	}
	if err != nil {
		detail := err.Error()
		if zenlayer.HasCode(err, zenlayer.CodePasswordMalformed) {
			detail += "\n\nThe password does not meet the API's password policy; see the description of the password argument."
		}
		resp.Diagnostics.AddError("creating ZEC instance", detail)
		return
	}
	id := out.InstanceIDSet[0]
	planPower := plan.PowerState.ValueString()
	tflog.Info(ctx, "created ZEC instance", map[string]any{"id": id, "order_number": out.OrderNumber})

	inst, err := waitInstanceCreated(ctx, conn, id, timeout)
	if err != nil && framework.Interrupted(ctx) {
		// Ctrl-C while the instance is built: keep it, untainted; the next
		// apply finishes the create instead of replacing the instance.
		if inst, ferr := framework.DetachedFind(ctx, conn.FindZECInstance, id); ferr == nil {
			plan.fromAPI(ctx, inst, &resp.Diagnostics)
			plan.PowerState = types.StringValue(planPower)
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
			framework.MarkCreateUnfinished(ctx, resp.Private, &resp.Diagnostics, "ZEC instance", id, "being built ("+inst.Status+")")
			return
		}
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("waiting for ZEC instance (%s) to be created", id),
			err.Error()+"\n\nThe instance exists, so it is kept in the state and marked tainted: the next apply releases it and creates a new one.")
		return
	}
	if plan.PowerState.ValueString() == PowerStateStopped {
		if err := stopInstance(ctx, conn, id, plan.ForceShutdown.ValueBool(), timeout); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("stopping ZEC instance (%s) after creating it", id),
				err.Error()+"\n\nThe instance exists and is kept in the state, marked tainted.")
			return
		}
		if inst, err = conn.FindZECInstance(ctx, id); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("reading ZEC instance (%s) after creating it", id), err.Error())
			return
		}
	}
	plan.fromAPI(ctx, inst, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state instanceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	id := state.ID.ValueString()
	inst, err := conn.ReadZECInstance(ctx, id)
	if zenlayer.IsNotFound(err) || (err == nil && instanceReleased(inst)) {
		status := ""
		if inst != nil {
			status = inst.Status
		}
		tflog.Warn(ctx, "ZEC instance not found or released, removing it from state", map[string]any{"id": id, "status": status})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("reading ZEC instance (%s)", id), err.Error())
		return
	}
	state.fromAPI(ctx, inst, &resp.Diagnostics)
	// After an import, the arguments the API does not report take their defaults.
	if state.ReleaseOnDestroy.IsNull() {
		state.ReleaseOnDestroy = types.BoolValue(true)
	}
	if state.ForceShutdown.IsNull() {
		state.ForceShutdown = types.BoolValue(false)
	}
	if state.PowerState.IsNull() {
		state.PowerState = types.StringValue(PowerStateRunning)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *instanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state instanceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, instanceUpdateTimeout)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := state.ID.ValueString()

	if framework.CreateUnfinished(ctx, req.Private, &resp.Diagnostics) {
		// The create was interrupted while the instance was built: finish
		// it. What is true once it is built is the baseline of the steps below.
		tflog.Info(ctx, "finishing the interrupted create of ZEC instance", map[string]any{"id": id})
		inst, err := waitInstanceCreated(ctx, conn, id, timeout)
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("waiting for ZEC instance (%s) to be created", id), err.Error())
			return
		}
		state.fromAPI(ctx, inst, &resp.Diagnostics)
		framework.ClearCreateUnfinished(ctx, resp.Private, &resp.Diagnostics)
	}

	// cur is what is true in the cloud so far: each step that succeeds is
	// recorded in it, and it is saved even when a later step fails.
	cur := state
	cur.ReleaseOnDestroy, cur.ForceShutdown, cur.Timeouts = plan.ReleaseOnDestroy, plan.ForceShutdown, plan.Timeouts
	fail := func(summary string, err error) {
		resp.Diagnostics.AddError(summary, err.Error())
		resp.Diagnostics.Append(resp.State.Set(ctx, &cur)...)
	}

	if !plan.Name.IsUnknown() && !plan.Name.Equal(state.Name) {
		tflog.Info(ctx, "renaming ZEC instance", map[string]any{"id": id})
		if err := conn.ModifyInstancesAttribute(ctx, plan.Name.ValueString(), id); err != nil {
			fail(fmt.Sprintf("renaming ZEC instance (%s)", id), err)
			return
		}
		cur.Name = plan.Name
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
		tflog.Info(ctx, "resizing ZEC instance system disk", map[string]any{"id": id, "disk_id": diskID, "from": stateDisk.Size.ValueInt64(), "to": size})
		if err := conn.ResizeDisk(ctx, diskID, size); err != nil {
			fail(fmt.Sprintf("resizing the system disk (%s) of ZEC instance (%s)", diskID, id), err)
			return
		}
		if _, err := waitDiskResized(ctx, conn, diskID, size, timeout); err != nil {
			fail(fmt.Sprintf("waiting for the system disk (%s) of ZEC instance (%s) to be resized", diskID, id), err)
			return
		}
		cur.SystemDisk = plan.SystemDisk
	}

	// state.PowerState is what the last refresh saw (powerStateOf the API's status).
	if !plan.PowerState.Equal(state.PowerState) {
		switch plan.PowerState.ValueString() {
		case PowerStateRunning:
			if err := startInstance(ctx, conn, id, timeout); err != nil {
				fail(fmt.Sprintf("starting ZEC instance (%s)", id), err)
				return
			}
		case PowerStateStopped:
			if err := stopInstance(ctx, conn, id, plan.ForceShutdown.ValueBool(), timeout); err != nil {
				fail(fmt.Sprintf("stopping ZEC instance (%s)", id), err)
				return
			}
		}
		cur.PowerState = plan.PowerState
	}

	inst, err := conn.FindZECInstance(ctx, id)
	if err != nil {
		fail(fmt.Sprintf("reading ZEC instance (%s) after update", id), err)
		return
	}
	cur.fromAPI(ctx, inst, &resp.Diagnostics)
	cur.PowerState = plan.PowerState
	resp.Diagnostics.Append(resp.State.Set(ctx, &cur)...)
}

func (r *instanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state instanceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, instanceDeleteTimeout)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	releaseFromBin := state.ReleaseOnDestroy.IsNull() || state.ReleaseOnDestroy.ValueBool()
	resp.Diagnostics.Append(deleteInstance(ctx, conn, state.ID.ValueString(), releaseFromBin, timeout)...)
}

func (r *instanceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// powerStateOf maps an API status to the resource's power_state: an
// instance starting counts as running and one stopping as stopped. Other
// statuses (deploying, rebooting, failed, ...) keep prev.
func powerStateOf(status string, prev types.String) types.String {
	switch {
	case status == zenlayer.InstanceStatusRunning || instanceStarting(status):
		return types.StringValue(PowerStateRunning)
	case status == zenlayer.InstanceStatusStopped || status == zenlayer.InstanceStatusStopping:
		return types.StringValue(PowerStateStopped)
	}
	return prev
}

type instanceResourceModel struct {
	ID                 types.String   `tfsdk:"id"`
	ZoneID             types.String   `tfsdk:"zone_id"`
	InstanceType       types.String   `tfsdk:"instance_type"`
	ImageID            types.String   `tfsdk:"image_id"`
	Name               types.String   `tfsdk:"name"`
	Password           types.String   `tfsdk:"password"`
	KeyID              types.String   `tfsdk:"key_id"`
	SystemDisk         types.Object   `tfsdk:"system_disk"`
	SubnetID           types.String   `tfsdk:"subnet_id"`
	SecurityGroupID    types.String   `tfsdk:"security_group_id"`
	ResourceGroupID    types.String   `tfsdk:"resource_group_id"`
	PowerState         types.String   `tfsdk:"power_state"`
	ForceShutdown      types.Bool     `tfsdk:"force_shutdown"`
	ReleaseOnDestroy   types.Bool     `tfsdk:"release_on_destroy"`
	Status             types.String   `tfsdk:"status"`
	CPU                types.Int64    `tfsdk:"cpu"`
	Memory             types.Int64    `tfsdk:"memory"`
	PublicIPAddresses  types.List     `tfsdk:"public_ip_addresses"`
	PrivateIPAddresses types.List     `tfsdk:"private_ip_addresses"`
	SystemDiskID       types.String   `tfsdk:"system_disk_id"`
	CreateTime         types.String   `tfsdk:"create_time"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

type systemDiskModel struct {
	Size     types.Int64  `tfsdk:"size"`
	Category types.String `tfsdk:"category"`
}

// systemDisk returns the system_disk object, or nil when it is null or unknown.
func (m *instanceResourceModel) systemDisk(ctx context.Context) (*systemDiskModel, diag.Diagnostics) {
	if m.SystemDisk.IsNull() || m.SystemDisk.IsUnknown() {
		return nil, nil
	}
	var sd systemDiskModel
	diags := m.SystemDisk.As(ctx, &sd, basetypes.ObjectAsOptions{})
	return &sd, diags
}

func (m *instanceResourceModel) fromAPI(ctx context.Context, inst *zenlayer.Instance, diags *diag.Diagnostics) {
	m.ID = types.StringValue(inst.InstanceID)
	m.ZoneID = types.StringValue(inst.ZoneID)
	m.InstanceType = types.StringValue(inst.InstanceType)
	m.ImageID = types.StringValue(inst.ImageID)
	m.Name = types.StringValue(inst.InstanceName)
	m.Password = types.StringNull() // write-only
	m.KeyID = optionalString(inst.KeyID)
	m.SubnetID = types.StringValue(inst.SubnetID)
	m.SecurityGroupID = types.StringValue(inst.SecurityGroupID)
	m.ResourceGroupID = types.StringValue(inst.ResourceGroupID)
	m.Status = types.StringValue(inst.Status)
	m.PowerState = powerStateOf(inst.Status, m.PowerState)
	m.CPU = types.Int64Value(inst.CPU)
	m.Memory = types.Int64Value(inst.Memory)
	m.CreateTime = types.StringValue(inst.CreateTime)
	m.SystemDiskID = types.StringNull()
	m.SystemDisk = types.ObjectNull(systemDiskAttrTypes)
	if sd := inst.SystemDisk; sd != nil {
		m.SystemDiskID = optionalString(sd.DiskID)
		obj, d := types.ObjectValue(systemDiskAttrTypes, map[string]attr.Value{
			"size": types.Int64Value(sd.DiskSize), "category": types.StringValue(sd.DiskCategory),
		})
		diags.Append(d...)
		m.SystemDisk = obj
	}
	m.PublicIPAddresses = stringList(ctx, inst.PublicIPAddresses, diags)
	m.PrivateIPAddresses = stringList(ctx, inst.PrivateIPAddresses, diags)
}

func stringList(ctx context.Context, s []string, diags *diag.Diagnostics) types.List {
	if s == nil {
		s = []string{}
	}
	l, d := types.ListValueFrom(ctx, types.StringType, s)
	diags.Append(d...)
	return l
}

// zenlayerPasswordSpecials are the special characters a ZEC password may hold.
const zenlayerPasswordSpecials = "~!@$^*-_=+|;:,.?" // #nosec G101 -- the policy's character set, not a credential

// passwordValidator checks the CreateZecInstances password policy at plan
// time: 8 to 16 characters of letters, digits and the special characters,
// with at least three of the four kinds.
type passwordValidator struct{}

func (passwordValidator) Description(context.Context) string {
	return "8 to 16 characters of letters, digits and " + zenlayerPasswordSpecials + ", with at least three of lowercase, uppercase, digits and special characters"
}

func (v passwordValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v passwordValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := passwordProblem(req.ConfigValue.ValueString()); problem != "" {
		// Never echo the password itself.
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid ZEC instance password",
			fmt.Sprintf("The password %s. It must be %s.", problem, v.Description(ctx)))
	}
}

// passwordProblem says what is wrong with a password, or "".
func passwordProblem(p string) string {
	if n := len([]rune(p)); n < 8 || n > 16 {
		return fmt.Sprintf("has %d characters", n)
	}
	kinds := map[string]bool{}
	for _, r := range p {
		switch {
		case r >= 'a' && r <= 'z':
			kinds["lower"] = true
		case r >= 'A' && r <= 'Z':
			kinds["upper"] = true
		case r >= '0' && r <= '9':
			kinds["digit"] = true
		case strings.ContainsRune(zenlayerPasswordSpecials, r):
			kinds["special"] = true
		default:
			return "holds a character that is not allowed"
		}
	}
	if len(kinds) < 3 {
		return fmt.Sprintf("uses only %d of the four kinds of characters", len(kinds))
	}
	return ""
}
