package zec

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// instanceResourceModel is the configuration, plan and state of
// cloudcompute_zenlayer_zec_instance.
type instanceResourceModel struct {
	ID                 types.String   `tfsdk:"id"`
	ZoneID             types.String   `tfsdk:"zone_id"`
	InstanceType       types.String   `tfsdk:"instance_type"`
	ImageID            types.String   `tfsdk:"image_id"`
	KeyID              types.String   `tfsdk:"key_id"`
	SystemDisk         types.Object   `tfsdk:"system_disk"`
	SubnetID           types.String   `tfsdk:"subnet_id"`
	SecurityGroupID    types.String   `tfsdk:"security_group_id"`
	TimeZone           types.String   `tfsdk:"time_zone"`
	PowerState         types.String   `tfsdk:"power_state"`
	ForceShutdown      types.Bool     `tfsdk:"force_shutdown"`
	ReleaseOnDestroy   types.Bool     `tfsdk:"release_on_destroy"`
	Status             types.String   `tfsdk:"status"`
	CPU                types.Int64    `tfsdk:"cpu"`
	Memory             types.Int64    `tfsdk:"memory"`
	PublicIPAddresses  types.List     `tfsdk:"public_ip_addresses"`
	PrivateIPAddresses types.List     `tfsdk:"private_ip_addresses"`
	ImageName          types.String   `tfsdk:"image_name"`
	DataDiskIDs        types.List     `tfsdk:"data_disk_ids"`
	SystemDiskID       types.String   `tfsdk:"system_disk_id"`
	CreateTime         types.String   `tfsdk:"create_time"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
	instanceModelMore
	// name, resource_group_id, tags and tags_all.
	zentags.Shared
}

// systemDiskModel is the system_disk object.
type systemDiskModel struct {
	Size     types.Int64  `tfsdk:"size"`
	Category types.String `tfsdk:"category"`
}

// systemDiskAttrTypes are the attribute types of the system_disk object.
var systemDiskAttrTypes = map[string]attr.Type{"size": types.Int64Type, "category": types.StringType}

// systemDisk returns the system_disk object, or nil when it is null or unknown.
func (m *instanceResourceModel) systemDisk(ctx context.Context) (*systemDiskModel, diag.Diagnostics) {
	if m.SystemDisk.IsNull() || m.SystemDisk.IsUnknown() {
		return nil, nil
	}
	var sd systemDiskModel
	diags := m.SystemDisk.As(ctx, &sd, basetypes.ObjectAsOptions{})
	return &sd, diags
}

// fromAPI sets the model from the API's instance. The arguments the API
// does not report (force_shutdown, release_on_destroy, timeouts) are left
// as they are, and so is power_state while the status says neither
// running nor stopped; the write-only password is always null.
func (m *instanceResourceModel) fromAPI(ctx context.Context, inst *zenlayer.Instance, diags *diag.Diagnostics) {
	m.ID = types.StringValue(inst.InstanceID)
	m.ZoneID = types.StringValue(inst.ZoneID)
	m.InstanceType = types.StringValue(inst.InstanceType)
	m.ImageID = types.StringValue(inst.ImageID)
	m.Name = types.StringValue(inst.InstanceName)
	m.KeyID = framework.OptionalString(inst.KeyID)
	m.SubnetID = types.StringValue(inst.SubnetID)
	m.SecurityGroupID = types.StringValue(inst.SecurityGroupID)
	m.ResourceGroupID = types.StringValue(inst.ResourceGroupID)
	m.TimeZone = framework.OptionalString(inst.TimeZone)
	m.Status = types.StringValue(inst.Status)
	m.PowerState = powerStateOf(inst.Status, m.PowerState)
	m.CPU = types.Int64Value(inst.CPU)
	m.Memory = types.Int64Value(inst.Memory)
	m.CreateTime = types.StringValue(inst.CreateTime)
	m.SystemDiskID = types.StringNull()
	m.SystemDisk = types.ObjectNull(systemDiskAttrTypes)
	if sd := inst.SystemDisk; sd != nil {
		m.SystemDiskID = framework.OptionalString(sd.DiskID)
		obj, d := types.ObjectValue(systemDiskAttrTypes, map[string]attr.Value{
			"size": types.Int64Value(sd.DiskSize), "category": types.StringValue(sd.DiskCategory),
		})
		diags.Append(d...)
		m.SystemDisk = obj
	}
	m.PublicIPAddresses = framework.StringList(ctx, inst.PublicIPAddresses, diags)
	m.PrivateIPAddresses = framework.StringList(ctx, inst.PrivateIPAddresses, diags)
	m.ImageName = types.StringValue(inst.ImageName)
	dataIDs := make([]string, 0, len(inst.DataDisks))
	for _, dd := range inst.DataDisks {
		dataIDs = append(dataIDs, dd.DiskID)
	}
	m.DataDiskIDs = framework.StringList(ctx, dataIDs, diags)
	m.instanceModelMore.fromAPI(inst)
}

// powerStateOf maps an API status to the resource's power_state: an
// instance starting counts as running and one stopping as stopped; so does
// one being created (pending, deploying) count as running, which it ends
// in: a create cut short whose mark is lost (Terraform drops the private
// state of an object whose provider died mid-update) still shows, and
// plans, the stop a configuration that wants it stopped asks for. Other
// statuses (rebooting, rebuilding, failed, ...) keep prev.
func powerStateOf(status string, prev types.String) types.String {
	switch {
	case status == zenlayer.InstanceStatusRunning || instanceStarting(status) ||
		status == zenlayer.InstanceStatusPending || status == zenlayer.InstanceStatusDeploying:
		return types.StringValue(PowerStateRunning)
	case status == zenlayer.InstanceStatusStopped || status == zenlayer.InstanceStatusStopping:
		return types.StringValue(PowerStateStopped)
	}
	return prev
}

// createRequest is the CreateZecInstances request for the plan and the
// write-only password, which only the configuration holds (without the
// create token, which the create guard adds).
func (m *instanceResourceModel) createRequest(ctx context.Context, password types.String) (zenlayer.CreateZecInstancesRequest, diag.Diagnostics) {
	in := zenlayer.CreateZecInstancesRequest{
		ZoneID:          m.ZoneID.ValueString(),
		ImageID:         m.ImageID.ValueString(),
		InstanceType:    m.InstanceType.ValueString(),
		SubnetID:        m.SubnetID.ValueString(),
		InstanceCount:   1,
		InstanceName:    m.Name.ValueString(),
		Password:        password.ValueString(),
		UserData:        m.UserData.ValueString(),
		LanIP:           framework.KnownString(m.LanIP),
		KeyID:           m.KeyID.ValueString(),
		SecurityGroupID: m.SecurityGroupID.ValueString(),
		ResourceGroupID: m.ResourceGroupID.ValueString(),
		TimeZone:        framework.KnownString(m.TimeZone),
	}
	diags := m.instanceModelMore.createRequest(ctx, &in)
	if diags.HasError() {
		return in, diags
	}
	sd, d := m.systemDisk(ctx)
	diags.Append(d...)
	if diags.HasError() {
		return in, diags
	}
	if sd != nil && (!sd.Size.IsUnknown() || !sd.Category.IsUnknown()) {
		in.SystemDisk = &zenlayer.SystemDiskSpec{DiskSize: sd.Size.ValueInt64(), DiskCategory: sd.Category.ValueString()}
	}
	return in, diags
}

// refresh sets the model from the API's instance in Read; after an import
// the arguments the API does not report take their defaults.
func (m *instanceResourceModel) refresh(ctx context.Context, inst *zenlayer.Instance, diags *diag.Diagnostics) {
	m.fromAPI(ctx, inst, diags)
	if m.ReleaseOnDestroy.IsNull() {
		m.ReleaseOnDestroy = types.BoolValue(true)
	}
	if m.ForceShutdown.IsNull() {
		m.ForceShutdown = types.BoolValue(false)
	}
	if m.PowerState.IsNull() {
		m.PowerState = types.StringValue(PowerStateRunning)
	}
}

// listed sets the model from an object of a listing (the data source's
// items, the list resource's results): as Read does, with every tag the
// object carries as its tags, since a listing has no configuration to
// tell them from the provider's default_tags.
func (m *instanceResourceModel) listed(ctx context.Context, inst *zenlayer.Instance, diags *diag.Diagnostics) {
	m.refresh(ctx, inst, diags)
	m.Listed(inst.Tags)
}

// instanceModelMore holds the attributes of instanceAttributesMore
// (embedded in instanceResourceModel).
type instanceModelMore struct {
	PasswordWO           types.String `tfsdk:"password_wo"`
	PasswordWOVersion    types.Int64  `tfsdk:"password_wo_version"`
	UserData             types.String `tfsdk:"user_data"`
	EnableAgent          types.Bool   `tfsdk:"enable_agent"`
	EnableIPForwarding   types.Bool   `tfsdk:"enable_ip_forwarding"`
	NestedVirtualization types.Bool   `tfsdk:"nested_virtualization"`
	LanIP                types.String `tfsdk:"lan_ip"`
	PublicNetwork        types.Object `tfsdk:"public_network"`
}

// fromAPI sets what the API reports: the agent, IP forwarding, nested
// virtualisation and the primary private IP. The password (write-only: always
// null), its version, the user data and the public network settings are
// arguments the API never reports: they keep their values.
func (m *instanceModelMore) fromAPI(inst *zenlayer.Instance) {
	m.PasswordWO = types.StringNull()
	m.EnableAgent = types.BoolValue(inst.EnableAgent)
	m.EnableIPForwarding = types.BoolValue(inst.EnableIPForward)
	nested := false
	if o := inst.InstanceOptions; o != nil && o.NestedVirtualization != nil {
		nested = *o.NestedVirtualization
	}
	m.NestedVirtualization = types.BoolValue(nested)
	m.LanIP = types.StringNull()
	if nic := inst.PrimaryNic(); nic != nil && nic.PrimaryIPv4 != "" {
		m.LanIP = types.StringValue(nic.PrimaryIPv4)
	} else if len(inst.PrivateIPAddresses) > 0 {
		m.LanIP = types.StringValue(inst.PrivateIPAddresses[0])
	}
	if m.PublicNetwork.IsNull() {
		m.PublicNetwork = types.ObjectNull(publicNetworkAttrTypes) // typed, also in a zero model
	}
}

// createRequest adds the arguments of instanceAttributesMore to a
// CreateZecInstances request (the password comes from the configuration:
// see Create). lan_ip is the caller's, as the other strings.
func (m *instanceModelMore) createRequest(ctx context.Context, in *zenlayer.CreateZecInstancesRequest) diag.Diagnostics {
	in.EnableAgent = knownBool(m.EnableAgent)
	in.EnableIPForward = knownBool(m.EnableIPForwarding)
	if v := knownBool(m.NestedVirtualization); v != nil {
		in.InstanceOptions = &zenlayer.InstanceOptions{NestedVirtualization: v}
	}
	if m.PublicNetwork.IsNull() || m.PublicNetwork.IsUnknown() {
		return nil
	}
	var pn publicNetworkModel
	diags := m.PublicNetwork.As(ctx, &pn, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return diags
	}
	in.InternetChargeType = pn.InternetChargeType.ValueString()
	in.Bandwidth = pn.Bandwidth.ValueInt64()
	if !pn.TrafficPackageSize.IsNull() && !pn.TrafficPackageSize.IsUnknown() {
		v := pn.TrafficPackageSize.ValueFloat64()
		in.TrafficPackageSize = &v
	}
	in.EIPBindType = pn.EIPBindType.ValueString()
	in.NetworkLineType = pn.NetworkLineType.ValueString()
	in.IPStackType = pn.IPStackType.ValueString()
	in.ClusterID = pn.ClusterID.ValueString()
	in.IPv6ClusterID = pn.IPv6ClusterID.ValueString()
	return diags
}

// knownBool is a known bool's value, else nil.
func knownBool(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}
