package zec

import (
	"context"
	"errors"
	"fmt"
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

var _ resource.ResourceWithValidateConfig = &diskResource{}

// NewDiskResource is the constructor of cloudcompute_zenlayer_zec_disk.
func NewDiskResource() resource.Resource {
	return framework.NewResource(&diskResource{ResourceBase: framework.NewResourceBase("zenlayer_zec_disk",
		framework.Timeouts{Create: 10 * time.Minute, Update: 10 * time.Minute, Delete: 10 * time.Minute}),
		Mover: framework.MovesFrom(officialDisk, moveDisk)})
}

// diskResource moves from the official provider (disk_move.go).
type diskResource struct {
	framework.ResourceBase
	framework.Mover
}

func (r *diskResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan diskResourceModel
	conn, ctx, timeout, cancel := framework.Begin(ctx, &resp.Diagnostics, r.Client.ZenlayerClient, r.CreateTimeout(&plan.Timeouts),
		framework.Get(req.Plan, &plan))
	defer cancel()
	if conn == nil {
		return
	}

	in := plan.createRequest()
	// The one create guard (internal/journal): the disk carries a create
	// token; a create whose answer is lost is looked up by it, never sent
	// again, and a create cut short is found by the next run. Its id is in
	// the state before anything else can fail: a disk the cloud made is
	// never lost.
	ids, answered, err := framework.GuardedCreate(ctx, resp, r.Identify, journal.Spec{
		Kind: "zec_disk", Label: "ZEC disk", Scope: conn.Scope(), Args: in, Ambiguous: zenlayer.Ambiguous,
		Send: func(ctx context.Context, token string) ([]string, error) {
			in := in
			in.Tags = zentags.ForCreate(ctx, plan.TagsAll, token, &resp.Diagnostics)
			tflog.Info(ctx, "creating ZEC disk", map[string]any{"zone_id": in.ZoneID, "size": in.DiskSize, "instance_id": in.InstanceID, "create_token": token})
			return conn.CreateDisks(ctx, in)
		},
		Lookup: conn.FindDisksByCreateToken,
		Hint:   zenlayer.CreateTokenHint,
	}, plan.Timeouts)
	defer answered()
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
	if err != nil {
		// The disk is kept, tainted; but after Ctrl-C while it is made it is
		// kept untainted: the next apply finishes the create instead of
		// replacing the disk.
		framework.CreateWaitFailed(ctx, resp, "ZEC disk", id, err, conn.FindDisk, func(disk *zenlayer.Disk) string {
			plan.fromAPI(disk)
			framework.SavePlanned(ctx, req.Plan, resp, &plan) // instance_id too: attached once it is made
			return "being made (" + disk.DiskStatus + ")"
		}, "The disk exists, so it is kept in the state and marked tainted: the next apply replaces it.")
		return
	}
	plan.fromAPI(disk)
	plan.SetTags(disk.Tags, plan.Tags, r.Client)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *diskResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadResource(ctx, req, resp, r.Identify, r.Client.ZenlayerClient, diskFinder,
		func(m *diskResourceModel, ctx context.Context, d *zenlayer.Disk, diags *diag.Diagnostics) {
			prior := m.Tags
			m.refresh(ctx, d, diags)
			m.SetTags(d.Tags, prior, r.Client)
		})
}

func (r *diskResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer framework.HoldMarks(ctx, req).Done() // the marks outlive a provider killed now
	// After an import, the arguments the API never reports are adopted
	// from the configuration without a call.
	if done, _ := framework.AdoptImported(ctx, req, resp, r.Identify, path.Root("force_detach"), path.Root("release_on_destroy"), path.Root("timeouts"),
		path.Root("snapshot_id")); done {
		return
	}
	var plan, state diskResourceModel
	conn, ctx, timeout, cancel := framework.Begin(ctx, &resp.Diagnostics, r.Client.ZenlayerClient, r.UpdateTimeout(&plan.Timeouts),
		framework.Get(req.Plan, &plan), framework.Get(req.State, &state))
	defer cancel()
	if conn == nil {
		return
	}
	id := state.ID.ValueString()

	// If the create was interrupted while the disk was made, finish it.
	if !framework.FinishCreate(ctx, req, resp, "ZEC disk", id, func() (*zenlayer.Disk, error) {
		target := zenlayer.DiskStatusAvailable
		if !state.InstanceID.IsNull() && state.InstanceID.ValueString() != "" {
			target = zenlayer.DiskStatusInUse
		}
		return waitDisk(ctx, conn, id, "to become "+target, timeout, target)
	}, func(disk *zenlayer.Disk) bool { state.fromAPI(disk); return true }) {
		return
	}

	// p.Cur is what is true in the cloud so far: each step that succeeds is
	// recorded in it, and it is saved even when a later step fails.
	p := framework.NewPartial(ctx, resp, r.Identify, state)
	p.Cur.ReleaseOnDestroy, p.Cur.ForceDetach, p.Cur.Timeouts = plan.ReleaseOnDestroy, plan.ForceDetach, plan.Timeouts
	p.Cur.SnapshotID = plan.SnapshotID // an argument only: no call changes it

	if !zentags.UpdateShared(ctx, conn, "ZEC disk", id, conn.RenameDisks, plan.Shared, &p.Cur.Shared, p.Fail) {
		return
	}

	oldInst, newInst := state.InstanceID.ValueString(), plan.InstanceID.ValueString()
	if oldInst != newInst && oldInst != "" {
		if err := detachDisk(ctx, conn, id, oldInst, plan.ForceDetach.ValueBool(), timeout); err != nil {
			p.Fail(fmt.Sprintf("detaching ZEC disk (%s) from instance %s", id, oldInst), err)
			return
		}
		p.Cur.InstanceID = types.StringNull()
	}

	if plan.Size.ValueInt64() > state.Size.ValueInt64() {
		if err := growDisk(ctx, conn, id, plan.Size.ValueInt64(), timeout); err != nil {
			p.Fail(fmt.Sprintf("resizing ZEC disk (%s)", id), err)
			return
		}
		p.Cur.Size = plan.Size
	}

	if oldInst != newInst && newInst != "" {
		tflog.Info(ctx, "attaching ZEC disk", map[string]any{"id": id, "instance_id": newInst})
		if err := conn.AttachDisk(ctx, newInst, id); err != nil {
			p.Fail(fmt.Sprintf("attaching ZEC disk (%s) to instance %s", id, newInst), err)
			return
		}
		if _, err := waitDisk(ctx, conn, id, "to be attached", timeout, zenlayer.DiskStatusInUse); err != nil {
			p.Fail(fmt.Sprintf("waiting for ZEC disk (%s) to be attached to %s", id, newInst), err)
			return
		}
		p.Cur.InstanceID = plan.InstanceID
	}

	disk, ok := framework.ReadBack(p, diskFinder, conn, id)
	if !ok {
		return
	}
	p.Cur.fromAPI(disk)
	p.Cur.SetTags(disk.Tags, plan.Tags, r.Client)
	p.Save()
}

func (r *diskResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	framework.Delete(ctx, req, resp, &r.ResourceBase, r.Client.ZenlayerClient, deleteDisk)
}

// ModifyPlan plans tags_all (the provider's default_tags under tags),
// refuses to shrink a disk (the API only grows disks, and a silent
// replacement would destroy the data on it) and replaces a disk that an
// unfinished destroy left in the recycle bin.
func (r *diskResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	framework.PlanHeld(ctx, req)
	zentags.Plan(ctx, req, resp, r.Client)
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() ||
		diskFinder.PlanFinishDestroy(ctx, req, resp, path.Root("status")) {
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
	if err := conn.DetachDisk(ctx, !force, id); err != nil {
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
