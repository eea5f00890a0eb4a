package zec

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// instanceModelMore holds the attributes of instance_schema_more.go
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

// createRequest adds the arguments of instance_schema_more.go to a
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
