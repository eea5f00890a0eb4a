package clouddc

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// instanceResourceModel is cloudcompute_huaweicloud_clouddc_instance.
type instanceResourceModel struct {
	ID                types.String   `tfsdk:"id"`
	Name              types.String   `tfsdk:"name"`
	ImageID           types.String   `tfsdk:"image_id"`
	VpcID             types.String   `tfsdk:"vpc_id"`
	NetworkInterfaces types.List     `tfsdk:"network_interfaces"`
	PasswordWO        types.String   `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64    `tfsdk:"password_wo_version"`
	Metadata          types.Map      `tfsdk:"metadata"`
	Description       types.String   `tfsdk:"description"`
	ServerID          types.String   `tfsdk:"server_id"`
	Status            types.String   `tfsdk:"status"`
	ImageName         types.String   `tfsdk:"image_name"`
	OSType            types.String   `tfsdk:"os_type"`
	PrimaryIP         types.String   `tfsdk:"primary_ip"`
	CreatedAt         types.String   `tfsdk:"created_at"`
	LaunchedAt        types.String   `tfsdk:"launched_at"`
	PowerState        types.String   `tfsdk:"power_state"`
	Tags              types.Map      `tfsdk:"tags"`
	TagsAll           types.Map      `tfsdk:"tags_all"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// nicModel is a network interface, in the resource and the data source.
type nicModel struct {
	SubnetID    types.String `tfsdk:"subnet_id"`
	IPv4Address types.String `tfsdk:"ipv4_address"`
}

var nicAttrTypes = map[string]attr.Type{"subnet_id": types.StringType, "ipv4_address": types.StringType}

func nicsFrom(ctx context.Context, l types.List) ([]nicModel, diag.Diagnostics) {
	if l.IsNull() || l.IsUnknown() {
		return nil, nil
	}
	var out []nicModel
	d := l.ElementsAs(ctx, &out, false)
	return out, d
}

func nicsValue(nics []nicModel) (types.List, diag.Diagnostics) {
	elems := make([]attr.Value, 0, len(nics))
	var diags diag.Diagnostics
	for _, n := range nics {
		obj, d := types.ObjectValue(nicAttrTypes, map[string]attr.Value{"subnet_id": n.SubnetID, "ipv4_address": n.IPv4Address})
		diags.Append(d...)
		elems = append(elems, obj)
	}
	l, d := types.ListValue(types.ObjectType{AttrTypes: nicAttrTypes}, elems)
	diags.Append(d...)
	return l, diags
}

// sameNICs compares the planned interfaces with the current ones; an
// unknown (to be allocated) address is a change.
func sameNICs(plan, cur []nicModel) bool {
	if len(plan) != len(cur) {
		return false
	}
	for k := range plan {
		if !plan[k].SubnetID.Equal(cur[k].SubnetID) || !plan[k].IPv4Address.Equal(cur[k].IPv4Address) {
			return false
		}
	}
	return true
}

// createRequest is the CreateInstance body of the plan, with the
// configuration's write-only password.
func (m *instanceResourceModel) createRequest(ctx context.Context, password types.String) (huaweicloud.CreateInstanceRequest, diag.Diagnostics) {
	nics, diags := nicsFrom(ctx, m.NetworkInterfaces)
	in := huaweicloud.CreateInstanceRequest{
		Name:        m.Name.ValueString(),
		ImageID:     m.ImageID.ValueString(),
		VpcID:       m.VpcID.ValueString(),
		Password:    password.ValueString(),
		Description: m.Description.ValueString(),
	}
	for _, n := range nics {
		in.NetworkInterfaces = append(in.NetworkInterfaces, huaweicloud.NetworkInterface{SubnetID: n.SubnetID.ValueString(), IPv4Address: framework.KnownString(n.IPv4Address)})
	}
	if !m.Metadata.IsNull() && !m.Metadata.IsUnknown() {
		diags.Append(m.Metadata.ElementsAs(ctx, &in.Metadata, false)...)
	}
	if s := framework.KnownString(m.ServerID); s != "" {
		in.Placement = &huaweicloud.Placement{ServerID: s}
	}
	return in, diags
}

// modifyIPRequest is the ModifyInstanceIp body of the planned network.
func modifyIPRequest(vpcID types.String, nics []nicModel) huaweicloud.ModifyInstanceIPRequest {
	in := huaweicloud.ModifyInstanceIPRequest{VpcID: vpcID.ValueString()}
	for _, n := range nics {
		in.NICs = append(in.NICs, huaweicloud.NICAddress{SubnetID: n.SubnetID.ValueString(), IPAddress: framework.KnownString(n.IPv4Address)})
	}
	return in
}

// nicsFromAPI are an instance's interfaces, primary first.
func nicsFromAPI(inst *huaweicloud.Instance) []nicModel {
	nics := make([]nicModel, 0, len(inst.NetworkInterfaces))
	for _, n := range inst.NetworkInterfaces {
		nics = append(nics, nicModel{SubnetID: types.StringValue(n.SubnetID), IPv4Address: framework.OptionalString(n.IPv4Address)})
	}
	return nics
}

// primaryIP is the address of the first interface, or null.
func primaryIP(nics []nicModel) types.String {
	if len(nics) == 0 {
		return types.StringNull()
	}
	return nics[0].IPv4Address
}

// imageFromAPI is an instance's image id, name and OS type (null without an image).
func imageFromAPI(inst *huaweicloud.Instance) (id, name, osType types.String) {
	if inst.Image == nil {
		return types.StringNull(), types.StringNull(), types.StringNull()
	}
	return types.StringValue(inst.Image.ID), framework.OptionalString(inst.Image.Name), framework.OptionalString(inst.Image.OSType)
}

// metadataValue is a map of metadata pairs (empty, not null, for none).
func metadataValue(pairs map[string]string) types.Map {
	elems := make(map[string]attr.Value, len(pairs))
	for k, v := range pairs {
		elems[k] = types.StringValue(v)
	}
	return types.MapValueMust(types.StringType, elems)
}

func (m *instanceResourceModel) fromAPI(inst *huaweicloud.Instance) diag.Diagnostics {
	m.ID = types.StringValue(inst.ID)
	m.Name = types.StringValue(inst.Name)
	m.VpcID = types.StringValue(inst.VpcID)
	nics := nicsFromAPI(inst)
	var diags diag.Diagnostics
	m.NetworkInterfaces, diags = nicsValue(nics)
	m.PrimaryIP = primaryIP(nics)
	m.ImageID, m.ImageName, m.OSType = imageFromAPI(inst)
	m.Metadata = types.MapNull(types.StringType)
	if len(inst.Metadata) > 0 {
		m.Metadata = metadataValue(inst.Metadata)
	}
	m.Description = framework.OptionalString(inst.Description)
	m.ServerID = types.StringValue(inst.ServerID)
	m.Status = types.StringValue(inst.State)
	m.CreatedAt = framework.OptionalString(inst.CreatedAt)
	m.LaunchedAt = framework.OptionalString(inst.LaunchedAt)
	m.PasswordWO = types.StringNull() // write-only: never stored
	m.PowerState = types.StringValue(powerStateOf(inst.State))
	return diags
}

// refresh sets the model from the API's instance: every attribute, and
// tags without the provider's default_tags (the listing's items; the
// resource's Read sets them again with the defaults).
func (m *instanceResourceModel) refresh(_ context.Context, inst *huaweicloud.Instance, diags *diag.Diagnostics) {
	diags.Append(m.fromAPI(inst)...)
	m.setTags(inst, nil)
}
