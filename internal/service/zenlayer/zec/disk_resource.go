// Package zec holds the Zenlayer Elastic Compute resources and data sources.
package zec

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

var (
	_ resource.Resource                   = &diskResource{}
	_ resource.ResourceWithConfigure      = &diskResource{}
	_ resource.ResourceWithImportState    = &diskResource{}
	_ resource.ResourceWithModifyPlan     = &diskResource{}
	_ resource.ResourceWithValidateConfig = &diskResource{}
)

// DiskNamePattern is the CreateDisks document's rule for diskName.
var DiskNamePattern = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9._/-]{0,62}[A-Za-z0-9])?$`)

// Disk size limits of the API, in GiB.
const (
	DiskMinSize = 20
	DiskMaxSize = 32768
)

const (
	diskCreateTimeout = 10 * time.Minute
	diskUpdateTimeout = 10 * time.Minute
	diskDeleteTimeout = 10 * time.Minute
)

// NewDiskResource is the constructor of cloudcompute_zenlayer_zec_disk.
func NewDiskResource() resource.Resource { return &diskResource{} }

type diskResource struct {
	client *conns.Client
}

func (r *diskResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_zenlayer_zec_disk"
}

func (r *diskResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Zenlayer Elastic Compute (ZEC) data disk. The disk can be renamed, grown (never shrunk) and attached to or " +
			"detached from an instance in place. Destroying it detaches it if needed, forcibly (even from a running instance: its data " +
			"goes with the release anyway), and releases it with `ReleaseDisk`, which is irreversible; on accounts with a recycle bin " +
			"the disk passes through the bin and is released from there too, unless `release_on_destroy = false`. Boot (system) disks " +
			"are released with their instance and cannot be destroyed on their own.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Disk id.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"zone_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Zone of the disk, for example `asia-east-1a`. Changing it creates a new disk.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Disk name: 1 to 64 letters, digits, `-`, `_`, `/` and `.`, starting and ending with a letter or digit. " +
					"Changed in place.",
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 64),
					stringvalidator.RegexMatches(DiskNamePattern, "must be 1 to 64 letters, digits, '-', '_', '/' and '.', starting and ending with a letter or digit"),
				},
			},
			"size": schema.Int64Attribute{
				Required: true,
				MarkdownDescription: fmt.Sprintf("Size in GiB, %d to %d. Growing it resizes the disk in place; "+
					"a smaller size is refused at plan time, because a disk cannot shrink (replace the disk to get a smaller one).", DiskMinSize, DiskMaxSize),
				Validators: []validator.Int64{int64validator.Between(DiskMinSize, DiskMaxSize)},
			},
			"category": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Disk category, for example `Standard NVMe SSD`; the API's default if unset. Changing it creates a new disk.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace(), stringplanmodifier.UseStateForUnknown()},
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"instance_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "ZEC instance to attach the disk to (same zone). Changing it detaches and attaches in place; " +
					"removing it detaches the disk.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"force_detach": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "For in-place detaches (`instance_id` changed or removed): detach the disk even while its instance " +
					"is running (the API's `instanceCheckFlag = false`). By default the API detaches only from a stopped instance, which " +
					"protects mounted file systems. Destroying the disk always detaches it forcibly, whatever this says: its data goes " +
					"with the release anyway, and Terraform destroys a disk before the instance it is attached to.",
			},
			"resource_group_id": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Resource group of the disk; the account's default group if unset. Changing it creates a new disk.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplaceIfConfigured(), stringplanmodifier.UseStateForUnknown()},
			},
			"release_on_destroy": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
				MarkdownDescription: "On accounts with a recycle bin, `true` (the default) releases the disk from the bin as well, so that " +
					"destroy frees it for good; `false` leaves it in the bin (restorable for a while) and says so in a warning.",
			},
			"status": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Disk status: `AVAILABLE` or `IN_USE` once settled.",
			},
			"disk_type": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`DATA` or `SYSTEM` (a boot disk).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"portable": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether the disk can be detached and released on its own.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"charge_type": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Billing method, `POSTPAID` or `PREPAID`.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"create_time": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the disk was created (ISO 8601, as the API reports it).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *diskResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *diskResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg diskResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.ForceDetach.ValueBool() && cfg.InstanceID.IsNull() {
		resp.Diagnostics.AddAttributeWarning(path.Root("force_detach"), "force_detach has no effect",
			"force_detach only matters for a disk attached to an instance (instance_id).")
	}
}

// ModifyPlan refuses to shrink a disk: the API only grows disks, and a
// silent replacement would destroy the data on it.
func (r *diskResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var state, plan diskResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !plan.Size.IsUnknown() && !state.Size.IsNull() && plan.Size.ValueInt64() < state.Size.ValueInt64() {
		resp.Diagnostics.AddAttributeError(path.Root("size"), "ZEC disk cannot shrink",
			fmt.Sprintf("Disk %s is %d GiB and the configuration asks for %d GiB. Zenlayer disks can only grow. "+
				"To get a smaller disk, create a new one (for example with `terraform apply -replace`), copying the data you need first.",
				state.ID.ValueString(), state.Size.ValueInt64(), plan.Size.ValueInt64()))
		return
	}
	framework.PlanFinishCreate(ctx, req, resp, path.Root("status"))
}

func (r *diskResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan diskResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, diskCreateTimeout)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}

	in := zenlayer.CreateDisksRequest{
		ZoneID:          plan.ZoneID.ValueString(),
		DiskName:        plan.Name.ValueString(),
		DiskSize:        plan.Size.ValueInt64(),
		DiskCategory:    plan.Category.ValueString(),
		InstanceID:      plan.InstanceID.ValueString(),
		ResourceGroupID: plan.ResourceGroupID.ValueString(),
	}
	// The one create guard (internal/journal): the disk carries a create
	// token; a create whose answer is lost is looked up by it, never sent
	// again, and a create cut short is found by the next run.
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	res, err := journal.Create(ctx, journal.Spec{
		Kind: "zec_disk", Label: "ZEC disk", Scope: conn.Scope(), Args: in, Ambiguous: zenlayer.Ambiguous,
		Send: func(ctx context.Context, token string) ([]string, error) {
			in := in
			in.Tags = zenlayer.CreateTokenTags(token)
			tflog.Info(ctx, "creating ZEC disk", map[string]any{"zone_id": in.ZoneID, "size": in.DiskSize, "instance_id": in.InstanceID, "create_token": token})
			return conn.CreateDisks(ctx, in)
		},
		Lookup: conn.FindDisksByCreateToken,
		Hint:   zenlayer.CreateTokenHint,
	})
	defer res.Done()
	for _, w := range res.Warnings {
		resp.Diagnostics.AddWarning("The create journal is not kept", w)
	}
	ids := res.IDs
	if len(ids) > 0 {
		// Never lose a disk the cloud made: its id is in state before anything else can fail.
		plan.ID = types.StringValue(ids[0])
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), plan.Timeouts)...)
	}
	if err != nil {
		resp.Diagnostics.AddError("creating ZEC disk", err.Error())
		return
	}
	id := ids[0]
	tflog.Info(ctx, "created ZEC disk", map[string]any{"id": id})

	target := zenlayer.DiskStatusAvailable
	if in.InstanceID != "" {
		target = zenlayer.DiskStatusInUse
	}
	disk, err := waitDisk(ctx, conn, id, "to become "+target, timeout, target)
	if err != nil && framework.Interrupted(ctx) {
		// Ctrl-C while the disk is made: keep it, untainted; the next apply
		// finishes the create instead of replacing the disk.
		if disk, ferr := framework.DetachedFind(ctx, conn.FindDisk, id); ferr == nil {
			planned := plan.InstanceID
			plan.fromAPI(disk)
			plan.InstanceID = planned // attached once it is made
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
			framework.MarkCreateUnfinished(ctx, resp.Private, &resp.Diagnostics, "ZEC disk", id, "being made ("+disk.DiskStatus+")")
			return
		}
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("waiting for ZEC disk (%s) to be created", id),
			err.Error()+"\n\nThe disk exists, so it is kept in the state and marked tainted: the next apply replaces it.")
		return
	}
	plan.fromAPI(disk)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *diskResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state diskResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	id := state.ID.ValueString()
	disk, err := conn.ReadDisk(ctx, id)
	if zenlayer.IsNotFound(err) || (err == nil && diskReleased(disk)) {
		status := ""
		if disk != nil {
			status = disk.DiskStatus
		}
		tflog.Warn(ctx, "ZEC disk not found or released, removing it from state", map[string]any{"id": id, "status": status})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("reading ZEC disk (%s)", id), err.Error())
		return
	}
	state.fromAPI(disk)
	if state.ReleaseOnDestroy.IsNull() {
		state.ReleaseOnDestroy = types.BoolValue(true) // after import
	}
	if state.ForceDetach.IsNull() {
		state.ForceDetach = types.BoolValue(false)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *diskResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state diskResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, diskUpdateTimeout)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := state.ID.ValueString()

	if framework.CreateUnfinished(ctx, req.Private, &resp.Diagnostics) {
		// The create was interrupted while the disk was made: finish it.
		target := zenlayer.DiskStatusAvailable
		if !state.InstanceID.IsNull() && state.InstanceID.ValueString() != "" {
			target = zenlayer.DiskStatusInUse
		}
		tflog.Info(ctx, "finishing the interrupted create of ZEC disk", map[string]any{"id": id, "target": target})
		disk, err := waitDisk(ctx, conn, id, "to become "+target, timeout, target)
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("waiting for ZEC disk (%s) to be created", id), err.Error())
			return
		}
		state.fromAPI(disk)
		framework.ClearCreateUnfinished(ctx, resp.Private, &resp.Diagnostics)
	}

	// cur is what is true in the cloud so far: each step that succeeds is
	// recorded in it, and it is saved even when a later step fails.
	cur := state
	cur.ReleaseOnDestroy, cur.ForceDetach, cur.Timeouts = plan.ReleaseOnDestroy, plan.ForceDetach, plan.Timeouts
	fail := func(summary string, err error) {
		resp.Diagnostics.AddError(summary, err.Error())
		resp.Diagnostics.Append(resp.State.Set(ctx, &cur)...)
	}

	if !plan.Name.IsUnknown() && !plan.Name.Equal(state.Name) {
		tflog.Info(ctx, "renaming ZEC disk", map[string]any{"id": id})
		if err := conn.RenameDisks(ctx, plan.Name.ValueString(), id); err != nil {
			fail(fmt.Sprintf("renaming ZEC disk (%s)", id), err)
			return
		}
		cur.Name = plan.Name
	}

	oldInst, newInst := state.InstanceID.ValueString(), plan.InstanceID.ValueString()
	if oldInst != newInst && oldInst != "" {
		if err := detachDisk(ctx, conn, id, oldInst, plan.ForceDetach.ValueBool(), timeout); err != nil {
			fail(fmt.Sprintf("detaching ZEC disk (%s) from instance %s", id, oldInst), err)
			return
		}
		cur.InstanceID = types.StringNull()
	}

	if plan.Size.ValueInt64() > state.Size.ValueInt64() {
		tflog.Info(ctx, "resizing ZEC disk", map[string]any{"id": id, "from": state.Size.ValueInt64(), "to": plan.Size.ValueInt64()})
		if _, err := waitDiskSettled(ctx, conn, id, timeout); err != nil {
			fail(fmt.Sprintf("resizing ZEC disk (%s)", id), err)
			return
		}
		if err := conn.ResizeDisk(ctx, id, plan.Size.ValueInt64()); err != nil {
			fail(fmt.Sprintf("resizing ZEC disk (%s)", id), err)
			return
		}
		if _, err := waitDiskResized(ctx, conn, id, plan.Size.ValueInt64(), timeout); err != nil {
			fail(fmt.Sprintf("waiting for ZEC disk (%s) to be resized", id), err)
			return
		}
		cur.Size = plan.Size
	}

	if oldInst != newInst && newInst != "" {
		tflog.Info(ctx, "attaching ZEC disk", map[string]any{"id": id, "instance_id": newInst})
		if err := conn.AttachDisks(ctx, newInst, id); err != nil {
			fail(fmt.Sprintf("attaching ZEC disk (%s) to instance %s", id, newInst), err)
			return
		}
		if _, err := waitDisk(ctx, conn, id, "to be attached", timeout, zenlayer.DiskStatusInUse); err != nil {
			fail(fmt.Sprintf("waiting for ZEC disk (%s) to be attached to %s", id, newInst), err)
			return
		}
		cur.InstanceID = plan.InstanceID
	}

	disk, err := conn.FindDisk(ctx, id)
	if err != nil {
		fail(fmt.Sprintf("reading ZEC disk (%s) after update", id), err)
		return
	}
	plan.fromAPI(disk)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// waitDiskResized waits until the resize has landed: the status is settled
// and the size is the new one.
func waitDiskResized(ctx context.Context, conn *zenlayer.Client, id string, size int64, timeout time.Duration) (*zenlayer.Disk, error) {
	const grown = "(resized)"
	refresh := statusDisk(conn, id)
	return wait.Until(ctx, wait.Config[*zenlayer.Disk]{
		Operation:        fmt.Sprintf("ZEC disk %s to reach %d GiB", id, size),
		Target:           []string{grown},
		Failure:          []string{zenlayer.DiskStatusFailed},
		UnknownIsPending: true,
		Timeout:          timeout,
		Refresh: func(ctx context.Context) (*zenlayer.Disk, string, error) {
			d, status, err := refresh(ctx)
			if err == nil && d != nil && d.DiskSize >= size && (status == zenlayer.DiskStatusAvailable || status == zenlayer.DiskStatusInUse) {
				return d, grown, nil
			}
			return d, status, err
		},
	}.WithSharedPolling())
}

// detachDisk detaches a disk from its instance and waits until it is AVAILABLE.
func detachDisk(ctx context.Context, conn *zenlayer.Client, id, instanceID string, force bool, timeout time.Duration) error {
	disk, err := waitDiskSettled(ctx, conn, id, timeout)
	if err != nil {
		return err
	}
	if disk.DiskStatus != zenlayer.DiskStatusInUse {
		return nil // already detached
	}
	tflog.Info(ctx, "detaching ZEC disk", map[string]any{"id": id, "instance_id": instanceID, "force": force})
	if err := conn.DetachDisks(ctx, !force, id); err != nil {
		var be *zenlayer.BatchError
		if errors.As(err, &be) && !force {
			return fmt.Errorf("%w\n\nThe API detaches a disk only while its instance is stopped. Stop instance %s first, "+
				"or set force_detach = true to detach it from the running instance", err, disk.InstanceID)
		}
		return err
	}
	_, err = waitDisk(ctx, conn, id, "to be detached", timeout, zenlayer.DiskStatusAvailable)
	return err
}

func (r *diskResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state diskResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, diskDeleteTimeout)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := state.ID.ValueString()
	releaseFromBin := state.ReleaseOnDestroy.IsNull() || state.ReleaseOnDestroy.ValueBool()
	resp.Diagnostics.Append(deleteDisk(ctx, conn, id, releaseFromBin, timeout)...)
}

// deleteDisk detaches (if attached), releases and waits until the disk is
// gone, or in the recycle bin when releaseFromBin is false. Every step is
// safe to repeat, so an interrupted destroy finishes on the next run.
//
// The detach is forced (instanceCheckFlag = false) whatever force_detach
// says: the disk's data goes with the release anyway, and Terraform
// destroys a disk before the instance it is attached to, which is most
// often running. force_detach protects mounted file systems in in-place
// detaches (Update) only.
func deleteDisk(ctx context.Context, conn *zenlayer.Client, id string, releaseFromBin bool, timeout time.Duration) diag.Diagnostics {
	var diags diag.Diagnostics
	disk, err := wait.Until(ctx, wait.Config[*zenlayer.Disk]{
		Operation: "ZEC disk " + id + " to settle before release",
		Target: []string{zenlayer.DiskStatusAvailable, zenlayer.DiskStatusInUse, zenlayer.DiskStatusRecycled,
			zenlayer.DiskStatusFailed, wait.Gone},
		UnknownIsPending: true,
		Refresh:          statusDisk(conn, id),
		Timeout:          timeout,
	}.WithSharedPolling())
	if err != nil {
		diags.AddError(fmt.Sprintf("deleting ZEC disk (%s)", id), err.Error())
		return diags
	}
	if disk == nil {
		tflog.Info(ctx, "ZEC disk already gone", map[string]any{"id": id})
		return diags
	}
	if disk.DiskStatus == zenlayer.DiskStatusInUse && disk.Portable && disk.DiskType != zenlayer.DiskTypeSystem {
		if err := detachDisk(ctx, conn, id, disk.InstanceID, true, timeout); err != nil {
			diags.AddError(fmt.Sprintf("detaching ZEC disk (%s) before release", id), err.Error())
			return diags
		}
	}
	if disk.DiskStatus == zenlayer.DiskStatusRecycled && !releaseFromBin {
		diags.AddWarning(fmt.Sprintf("ZEC disk (%s) left in the recycle bin", id), recycleBinWarning(id))
		return diags
	}

	if err := releaseDisk(ctx, conn, id, &diags); err != nil || diags.HasError() {
		return diags
	}
	disk, err = waitDisk(ctx, conn, id, "to be released", timeout, wait.Gone, zenlayer.DiskStatusRecycled)
	if err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC disk (%s) to be released", id), err.Error())
		return diags
	}
	if disk == nil {
		return diags
	}
	// The account has a recycle bin and the disk is in it.
	if !releaseFromBin {
		diags.AddWarning(fmt.Sprintf("ZEC disk (%s) left in the recycle bin", id), recycleBinWarning(id))
		return diags
	}
	tflog.Info(ctx, "ZEC disk is in the recycle bin, releasing it from there", map[string]any{"id": id})
	if err := releaseDisk(ctx, conn, id, &diags); err != nil || diags.HasError() {
		return diags
	}
	if _, err := waitDisk(ctx, conn, id, "to be released from the recycle bin", timeout, wait.Gone); err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC disk (%s) to be released from the recycle bin", id), err.Error())
	}
	return diags
}

func recycleBinWarning(id string) string {
	return fmt.Sprintf("release_on_destroy is false, so disk %s was moved to the account's recycle bin and not freed. "+
		"It can be restored from there for a limited time and is freed by Zenlayer afterwards; Terraform no longer manages it.", id)
}

// releaseDisk calls ReleaseDisk and turns each documented error code into a
// clear diagnostic. A disk that is already gone is not an error.
func releaseDisk(ctx context.Context, conn *zenlayer.Client, id string, diags *diag.Diagnostics) error {
	tflog.Info(ctx, "releasing ZEC disk", map[string]any{"id": id})
	err := conn.ReleaseDisk(ctx, id)
	switch {
	case err == nil:
		return nil
	case zenlayer.HasCode(err, zenlayer.CodeDiskNotFound):
		diags.AddWarning(fmt.Sprintf("ZEC disk (%s) was already released", id),
			"ReleaseDisk answered that the disk does not exist: something else released it while Terraform was destroying it. Nothing is left to do.\n\n"+err.Error())
		return nil
	case zenlayer.HasCode(err, zenlayer.CodeDiskNotPortable):
		diags.AddError(fmt.Sprintf("ZEC disk (%s) is a boot disk and cannot be released on its own", id),
			"ReleaseDisk refused the disk because it is not detachable: it is the system (boot) disk of an instance and is released "+
				"together with that instance. To stop managing it with Terraform without releasing it, remove it from the configuration "+
				"with a `removed` block (lifecycle { destroy = false }) or run `terraform state rm`.\n\n"+err.Error())
	case zenlayer.HasCode(err, zenlayer.CodeUnsupportedDiskStatus):
		status := "unknown"
		if d, ferr := conn.FindDisk(ctx, id); ferr == nil {
			status = d.DiskStatus
		}
		diags.AddError(fmt.Sprintf("ZEC disk (%s) cannot be released in its current status (%s)", id, status),
			"ReleaseDisk refused the disk because of its status: only a detached, idle disk (AVAILABLE, or RECYCLED in the recycle bin) "+
				"can be released. Another operation may be running on it; wait for it to finish and run destroy again.\n\n"+err.Error())
	default:
		diags.AddError(fmt.Sprintf("releasing ZEC disk (%s)", id), err.Error())
	}
	return err
}

func (r *diskResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// diskReleased reports whether a disk is on its way out or in the recycle bin.
func diskReleased(d *zenlayer.Disk) bool {
	switch d.DiskStatus {
	case zenlayer.DiskStatusDeleting, zenlayer.DiskStatusRecycling, zenlayer.DiskStatusRecycled:
		return true
	}
	return false
}

type diskResourceModel struct {
	ID               types.String   `tfsdk:"id"`
	ZoneID           types.String   `tfsdk:"zone_id"`
	Name             types.String   `tfsdk:"name"`
	Size             types.Int64    `tfsdk:"size"`
	Category         types.String   `tfsdk:"category"`
	InstanceID       types.String   `tfsdk:"instance_id"`
	ForceDetach      types.Bool     `tfsdk:"force_detach"`
	ResourceGroupID  types.String   `tfsdk:"resource_group_id"`
	ReleaseOnDestroy types.Bool     `tfsdk:"release_on_destroy"`
	Status           types.String   `tfsdk:"status"`
	DiskType         types.String   `tfsdk:"disk_type"`
	Portable         types.Bool     `tfsdk:"portable"`
	ChargeType       types.String   `tfsdk:"charge_type"`
	CreateTime       types.String   `tfsdk:"create_time"`
	Timeouts         timeouts.Value `tfsdk:"timeouts"`
}

func (m *diskResourceModel) fromAPI(d *zenlayer.Disk) {
	m.ID = types.StringValue(d.DiskID)
	m.ZoneID = types.StringValue(d.ZoneID)
	m.Name = types.StringValue(d.DiskName)
	m.Size = types.Int64Value(d.DiskSize)
	m.Category = types.StringValue(d.DiskCategory)
	m.InstanceID = optionalString(d.InstanceID)
	m.ResourceGroupID = types.StringValue(d.ResourceGroupID)
	m.Status = types.StringValue(d.DiskStatus)
	m.DiskType = types.StringValue(d.DiskType)
	m.Portable = types.BoolValue(d.Portable)
	m.ChargeType = types.StringValue(d.ChargeType)
	m.CreateTime = types.StringValue(d.CreateTime)
}

// optionalString maps the API's empty string to null, for optional attributes.
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
