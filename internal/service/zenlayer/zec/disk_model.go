package zec

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// diskResourceModel is the configuration, plan and state of
// cloudcompute_zenlayer_zec_disk.
type diskResourceModel struct {
	ID               types.String   `tfsdk:"id"`
	ZoneID           types.String   `tfsdk:"zone_id"`
	Size             types.Int64    `tfsdk:"size"`
	Category         types.String   `tfsdk:"category"`
	InstanceID       types.String   `tfsdk:"instance_id"`
	ForceDetach      types.Bool     `tfsdk:"force_detach"`
	ReleaseOnDestroy types.Bool     `tfsdk:"release_on_destroy"`
	Status           types.String   `tfsdk:"status"`
	DiskType         types.String   `tfsdk:"disk_type"`
	Portable         types.Bool     `tfsdk:"portable"`
	ChargeType       types.String   `tfsdk:"charge_type"`
	CreateTime       types.String   `tfsdk:"create_time"`
	Timeouts         timeouts.Value `tfsdk:"timeouts"`
	// snapshot_id and bursting_enabled (diskAttributesMore).
	SnapshotID      types.String `tfsdk:"snapshot_id"`
	BurstingEnabled types.Bool   `tfsdk:"bursting_enabled"`
	// name, resource_group_id, tags and tags_all.
	zentags.Shared
}

// fromAPI sets the model from the API's disk. The arguments the API does
// not report (force_detach, release_on_destroy, timeouts) are left as they are.
func (m *diskResourceModel) fromAPI(d *zenlayer.Disk) {
	m.ID = types.StringValue(d.DiskID)
	m.ZoneID = types.StringValue(d.ZoneID)
	m.Name = types.StringValue(d.DiskName)
	m.Size = types.Int64Value(d.DiskSize)
	m.Category = types.StringValue(d.DiskCategory)
	m.InstanceID = framework.OptionalString(d.InstanceID)
	m.ResourceGroupID = types.StringValue(d.ResourceGroupID)
	m.Status = types.StringValue(d.DiskStatus)
	m.DiskType = types.StringValue(d.DiskType)
	m.Portable = types.BoolValue(d.Portable)
	m.ChargeType = types.StringValue(d.ChargeType)
	m.CreateTime = types.StringValue(d.CreateTime)
	// snapshot_id is an argument the API never reports; burstingEnabled is
	// null in version 2024-04-01's answers.
	if d.BurstingEnabled != nil {
		m.BurstingEnabled = types.BoolValue(*d.BurstingEnabled)
	} else if m.BurstingEnabled.IsUnknown() {
		m.BurstingEnabled = types.BoolNull()
	}
}

// createRequest is the CreateDisks request for the plan (without the
// create token, which the create guard adds).
func (m *diskResourceModel) createRequest() zenlayer.CreateDisksRequest {
	return zenlayer.CreateDisksRequest{
		ZoneID:          m.ZoneID.ValueString(),
		DiskName:        m.Name.ValueString(),
		DiskSize:        m.Size.ValueInt64(),
		DiskCategory:    m.Category.ValueString(),
		InstanceID:      m.InstanceID.ValueString(),
		ResourceGroupID: m.ResourceGroupID.ValueString(),
		SnapshotID:      framework.KnownString(m.SnapshotID),
		BurstingEnabled: knownBool(m.BurstingEnabled),
	}
}

// refresh sets the model from the API's disk in Read; after an import the
// arguments the API does not report take their defaults.
func (m *diskResourceModel) refresh(_ context.Context, d *zenlayer.Disk, _ *diag.Diagnostics) {
	m.fromAPI(d)
	m.SetTags(d.Tags, m.Tags, nil)
	if m.ReleaseOnDestroy.IsNull() {
		m.ReleaseOnDestroy = types.BoolValue(true)
	}
	if m.ForceDetach.IsNull() {
		m.ForceDetach = types.BoolValue(false)
	}
}
