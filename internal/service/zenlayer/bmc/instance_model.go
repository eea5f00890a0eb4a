package bmc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// instanceResourceModel is the resource's configuration, plan and state.
type instanceResourceModel struct {
	ID                 types.String   `tfsdk:"id"`
	ZoneID             types.String   `tfsdk:"zone_id"`
	InstanceTypeID     types.String   `tfsdk:"instance_type_id"`
	ImageID            types.String   `tfsdk:"image_id"`
	Hostname           types.String   `tfsdk:"hostname"`
	PasswordWO         types.String   `tfsdk:"password_wo"`
	PasswordWOVersion  types.Int64    `tfsdk:"password_wo_version"`
	KeyID              types.String   `tfsdk:"key_id"`
	SSHKeys            types.Set      `tfsdk:"ssh_keys"`
	ChargeType         types.String   `tfsdk:"instance_charge_type"`
	Period             types.Int64    `tfsdk:"period"`
	InternetChargeType types.String   `tfsdk:"internet_charge_type"`
	Bandwidth          types.Int64    `tfsdk:"internet_max_bandwidth_out"`
	TrafficPackageSize types.Float64  `tfsdk:"traffic_package_size"`
	SubnetID           types.String   `tfsdk:"subnet_id"`
	RaidType           types.Int64    `tfsdk:"raid_type"`
	NicWanName         types.String   `tfsdk:"nic_wan_name"`
	NicLanName         types.String   `tfsdk:"nic_lan_name"`
	PowerState         types.String   `tfsdk:"power_state"`
	ReleaseOnDestroy   types.Bool     `tfsdk:"release_on_destroy"`
	Status             types.String   `tfsdk:"status"`
	PrimaryIPv4        types.String   `tfsdk:"primary_ipv4_address"`
	PublicIPv4s        types.List     `tfsdk:"public_ipv4_addresses"`
	PrivateIPs         types.List     `tfsdk:"private_ip_addresses"`
	IPv6s              types.List     `tfsdk:"ipv6_addresses"`
	CreateTime         types.String   `tfsdk:"create_time"`
	ExpiredTime        types.String   `tfsdk:"expired_time"`
	AutoRenew          types.Bool     `tfsdk:"auto_renew"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
	UserData           types.String   `tfsdk:"user_data"`
	Partitions         types.List     `tfsdk:"partitions"`
	CustomRaids        types.List     `tfsdk:"custom_raids"`
	// name, resource_group_id, tags and tags_all.
	zentags.Shared
}

// createRequest builds CreateInstances' input from the plan; password comes
// from the configuration (it is write-only).
func (m *instanceResourceModel) createRequest(ctx context.Context, password types.String) (zenlayer.CreateBMCInstancesRequest, diag.Diagnostics) {
	var diags diag.Diagnostics
	in := zenlayer.CreateBMCInstancesRequest{
		ZoneID:             m.ZoneID.ValueString(),
		InstanceChargeType: m.ChargeType.ValueString(),
		InstanceTypeID:     m.InstanceTypeID.ValueString(),
		ImageID:            m.ImageID.ValueString(),
		InternetChargeType: m.InternetChargeType.ValueString(),
		SubnetID:           m.SubnetID.ValueString(),
		InstanceName:       framework.KnownString(m.Name),
		Hostname:           framework.KnownString(m.Hostname),
		ResourceGroupID:    framework.KnownString(m.ResourceGroupID),
		Amount:             1,
		Password:           password.ValueString(),
		KeyID:              framework.KnownString(m.KeyID),
	}
	if in.InstanceChargeType == zenlayer.BMCChargePrepaid {
		in.InstanceChargePrepaid = &zenlayer.BMCPrepaidCharge{Period: m.Period.ValueInt64()}
	}
	if known(m.Bandwidth) {
		in.InternetMaxBandwidthOut = m.Bandwidth.ValueInt64()
	}
	if known(m.TrafficPackageSize) {
		size := m.TrafficPackageSize.ValueFloat64()
		in.TrafficPackageSize = &size
	}
	in.RaidConfig = m.raidConfig(ctx, &diags)
	in.Partitions = partitionsOf(ctx, m.Partitions, &diags)
	in.UserData = framework.KnownString(m.UserData)
	if known(m.NicWanName) || known(m.NicLanName) {
		in.Nic = &zenlayer.BMCNic{WanName: framework.KnownString(m.NicWanName), LanName: framework.KnownString(m.NicLanName)}
	}
	in.SSHKeys = framework.Strings(ctx, m.SSHKeys, &diags)
	slices.Sort(in.SSHKeys)
	return in, diags
}

// reinstallRequest is ReinstallInstance's input from the plan; password
// comes from the configuration (it is write-only).
func (m *instanceResourceModel) reinstallRequest(ctx context.Context, id string, password types.String, diags *diag.Diagnostics) zenlayer.ReinstallBMCInstanceRequest {
	in := zenlayer.ReinstallBMCInstanceRequest{
		InstanceID: id,
		ImageID:    framework.KnownString(m.ImageID),
		Hostname:   framework.KnownString(m.Hostname),
		Password:   password.ValueString(),
		KeyID:      framework.KnownString(m.KeyID),
		RaidConfig: m.raidConfig(ctx, diags),
		Partitions: partitionsOf(ctx, m.Partitions, diags),
		UserData:   framework.KnownString(m.UserData),
	}
	if known(m.NicWanName) || known(m.NicLanName) {
		in.Nic = &zenlayer.BMCNic{WanName: framework.KnownString(m.NicWanName), LanName: framework.KnownString(m.NicLanName)}
	}
	in.SSHKeys = framework.Strings(ctx, m.SSHKeys, diags)
	slices.Sort(in.SSHKeys)
	return in
}

// installDigest is a digest of the installation arguments (those
// reinstallChanges compares; the password by its version): a reinstall
// sent with them is known by it.
func (m *instanceResourceModel) installDigest() string {
	h := sha256.New()
	for _, v := range []attr.Value{m.ImageID, m.Hostname, m.RaidType, m.CustomRaids, m.Partitions, m.NicWanName, m.NicLanName,
		m.PasswordWOVersion, m.KeyID, m.SSHKeys, m.UserData} {
		_, _ = fmt.Fprintf(h, "%s\x00", v) // a hash writes no error
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// raidConfig is the plan's fast RAID (raid_type) or custom RAIDs, or nil.
func (m *instanceResourceModel) raidConfig(ctx context.Context, diags *diag.Diagnostics) *zenlayer.BMCRaidConfig {
	if known(m.RaidType) {
		raid := int(m.RaidType.ValueInt64())
		return &zenlayer.BMCRaidConfig{RaidType: &raid}
	}
	if custom := customRaidsOf(ctx, m.CustomRaids, diags); len(custom) > 0 {
		return &zenlayer.BMCRaidConfig{CustomRaids: custom}
	}
	return nil
}

// fromAPI records what the API reports. Values the API never returns
// (password_wo, ssh_keys, password_wo_version, user_data, and key_id unless
// it is answered) are left as they are.
func (m *instanceResourceModel) fromAPI(ctx context.Context, inst *zenlayer.BMCInstance, diags *diag.Diagnostics) {
	m.ID = types.StringValue(inst.InstanceID)
	m.ZoneID = types.StringValue(inst.ZoneID)
	m.InstanceTypeID = types.StringValue(inst.InstanceTypeID)
	m.ImageID = framework.OptionalString(inst.ImageID)
	m.Name = types.StringValue(inst.InstanceName)
	m.Hostname = types.StringValue(inst.Hostname)
	m.PasswordWO = types.StringNull()
	if inst.KeyID != "" {
		m.KeyID = types.StringValue(inst.KeyID)
	}
	m.ChargeType = types.StringValue(inst.InstanceChargeType)
	m.Period = types.Int64Null()
	if inst.InstanceChargeType == zenlayer.BMCChargePrepaid && inst.Period != nil {
		m.Period = types.Int64Value(*inst.Period)
	}
	m.InternetChargeType = types.StringValue(inst.InternetChargeType)
	m.Bandwidth = types.Int64Value(inst.BandwidthOutMbps)
	m.TrafficPackageSize = types.Float64Null()
	if inst.InternetChargeType == zenlayer.BMCInternetByTrafficPackage && inst.TrafficPackageSize != nil {
		m.TrafficPackageSize = types.Float64Value(*inst.TrafficPackageSize)
	}
	m.SubnetID = types.StringNull()
	if len(inst.SubnetIDs) > 0 {
		m.SubnetID = types.StringValue(inst.SubnetIDs[0])
	}
	m.RaidType = types.Int64Null()
	if inst.RaidConfig != nil && inst.RaidConfig.RaidType != nil {
		m.RaidType = types.Int64Value(int64(*inst.RaidConfig.RaidType))
	}
	m.CustomRaids = customRaidsValue(inst.RaidConfig, diags)
	m.Partitions = partitionsValue(inst.Partitions, diags)
	m.NicWanName, m.NicLanName = types.StringNull(), types.StringNull()
	if inst.Nic != nil {
		m.NicWanName, m.NicLanName = framework.OptionalString(inst.Nic.WanName), framework.OptionalString(inst.Nic.LanName)
	}
	m.ResourceGroupID = types.StringValue(inst.ResourceGroupID)
	switch inst.InstanceStatus {
	// A machine being built ends RUNNING: said so, so that a create cut
	// short whose mark is lost (Terraform drops the private state of an
	// object whose provider died mid-update) still shows, and plans, the
	// power-off a configuration that wants it stopped asks for.
	case zenlayer.BMCStatusRunning, zenlayer.BMCStatusBooting, zenlayer.BMCStatusPending, zenlayer.BMCStatusCreating, zenlayer.BMCStatusInstalling:
		m.PowerState = types.StringValue(PowerRunning)
	case zenlayer.BMCStatusStopped, zenlayer.BMCStatusStopping:
		m.PowerState = types.StringValue(PowerStopped)
	default:
		if m.PowerState.IsNull() || m.PowerState.IsUnknown() {
			m.PowerState = types.StringValue(PowerRunning)
		}
	}
	m.Status = types.StringValue(inst.InstanceStatus)
	m.PrimaryIPv4 = types.StringValue(inst.PrimaryPublicIPAddress)
	m.PublicIPv4s = framework.StringList(ctx, inst.PublicIPAddresses, diags)
	m.PrivateIPs = framework.StringList(ctx, inst.PrivateIPAddresses, diags)
	m.IPv6s = framework.StringList(ctx, inst.IPv6Addresses, diags)
	m.CreateTime = types.StringValue(inst.CreateTime)
	m.ExpiredTime = framework.OptionalString(inst.ExpiredTime)
	m.AutoRenew = types.BoolValue(inst.AutoRenew)
}

type maybeKnown interface {
	IsNull() bool
	IsUnknown() bool
}

// known reports whether a plan value is set and known.
func known(v maybeKnown) bool { return !v.IsNull() && !v.IsUnknown() }

// refresh sets the model from the API's instance in Read; after an import
// release_on_destroy takes its default. An instance in the recycle bin is
// kept (with a warning), so that a destroy releases it and a plan replaces it.
func (m *instanceResourceModel) refresh(ctx context.Context, inst *zenlayer.BMCInstance, diags *diag.Diagnostics) {
	if inst.InstanceStatus == zenlayer.BMCStatusRecycle || inst.InstanceStatus == zenlayer.BMCStatusRecycling {
		tflog.Warn(ctx, "BMC instance is in the recycle bin", map[string]any{"id": inst.InstanceID, "status": inst.InstanceStatus})
	}
	m.fromAPI(ctx, inst, diags)
	if m.ReleaseOnDestroy.IsNull() {
		m.ReleaseOnDestroy = types.BoolValue(true)
	}
}

// listed sets the model from an object of a listing (the data source's
// items, the list resource's results): as Read does, with every tag the
// object carries as its tags, since a listing has no configuration to
// tell them from the provider's default_tags.
func (m *instanceResourceModel) listed(ctx context.Context, inst *zenlayer.BMCInstance, diags *diag.Diagnostics) {
	m.refresh(ctx, inst, diags)
	m.Listed(inst.Tags)
}
