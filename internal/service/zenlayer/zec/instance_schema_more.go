package zec

import (
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The attributes of cloudcompute_zenlayer_zec_instance added for issue #14:
// the login (password_wo and its version), user data, the agent, IP
// forwarding, nested virtualisation, the private IP and the public network
// of CreateZecInstances (zenlayercloud-sdk-go v0.2.40
// zec20250901.CreateZecInstancesRequest; zenlayercloud-cli
// apis/en-US/zec/create-zec-instances.yaml).

// The values of the public network fields (create-zec-instances.yaml).
var (
	internetChargeTypes = []string{"ByBandwidth", "ByTrafficPackage", "BandwidthCluster"}
	eipBindTypes        = []string{"FullNat", "Passthrough"}
	ipStackTypes        = []string{"IPv4", "IPv4_IPv6", "IPv6"}
	networkLineTypes    = []string{"PremiumBGP", "CN2", "LocalLine", "StandardBGP", "CMI", "CUG", "CTG", "ThreeLine"}
)

// ipv4Pattern is a dotted IPv4 address.
var ipv4Pattern = regexp.MustCompile(`^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$`)

// publicNetworkAttrTypes are the attribute types of the public_network object.
var publicNetworkAttrTypes = map[string]attr.Type{
	"internet_charge_type": types.StringType, "bandwidth": types.Int64Type, "traffic_package_size": types.Float64Type,
	"eip_bind_type": types.StringType, "network_line_type": types.StringType, "ip_stack_type": types.StringType,
	"cluster_id": types.StringType, "ipv6_cluster_id": types.StringType,
}

// publicNetworkModel is the public_network object.
type publicNetworkModel struct {
	InternetChargeType types.String  `tfsdk:"internet_charge_type"`
	Bandwidth          types.Int64   `tfsdk:"bandwidth"`
	TrafficPackageSize types.Float64 `tfsdk:"traffic_package_size"`
	EIPBindType        types.String  `tfsdk:"eip_bind_type"`
	NetworkLineType    types.String  `tfsdk:"network_line_type"`
	IPStackType        types.String  `tfsdk:"ip_stack_type"`
	ClusterID          types.String  `tfsdk:"cluster_id"`
	IPv6ClusterID      types.String  `tfsdk:"ipv6_cluster_id"`
}

// instanceAttributesMore are the attributes above, merged into the schema.
func instanceAttributesMore() map[string]schema.Attribute {
	replaceBool := []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()}
	// optional is an optional string of public_network, checked by v.
	optional := func(description string, v validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: description, Validators: []validator.String{v}}
	}
	return map[string]schema.Attribute{
		"password_wo": schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			WriteOnly: true,
			MarkdownDescription: "Login password (root, or Administrator on Windows). **Write-only** (Terraform 1.11 or later): it is sent to " +
				"the API and never stored in the state or the plan, and the API never returns it. At most one of `password_wo` and " +
				"`key_id`; a Linux image needs one of them, Windows and Generic images take neither (the API refuses either). " +
				"8 to 16 characters: letters, digits and `" + zenlayerPasswordSpecials + "`, with at least three of lowercase letters, " +
				"uppercase letters, digits and special characters (a rotation, `ResetInstancePassword`, takes only `~!@$^*-_=+`). " +
				"Changing it alone does nothing: change `password_wo_version` to rotate it.",
			Validators: []validator.String{passwordValidator{}},
		},
		"password_wo_version": schema.Int64Attribute{
			Optional: true,
			MarkdownDescription: "Version of `password_wo`. A new value sets the instance's password to `password_wo` in place with " +
				"`ResetInstancePassword`, which needs the instance running with its QEMU guest agent on (`enable_agent`): a stopped " +
				"instance is started for it and stopped again. Requires `password_wo`.",
			Validators: []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("password_wo"))},
		},
		"user_data": schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			MarkdownDescription: "Initialization command run at the first boot (`CreateZecInstances` `userData`). The API never reports it: " +
				"it is kept from the configuration, and adopted from it after an import. Changing it creates a new instance.",
			PlanModifiers: []planmodifier.String{replaceUnlessAdoptedString("Changing user_data creates a new instance.")},
			Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"enable_agent": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "Whether the QEMU guest agent (QGA) runs; the API's default is `true`. A password rotation needs it. " +
				"Changing it creates a new instance.",
			PlanModifiers: replaceBool,
		},
		"enable_ip_forwarding": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "Whether the instance forwards IP packets not addressed to it (a router or gateway); the API's default is " +
				"`false`. Changed in place with `StartIpForward` / `StopIpForward`.",
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
		},
		"nested_virtualization": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "Whether the instance can run virtual machines of its own (`instanceOptions.nestedVirtualization`; " +
				"the account must have it activated by Zenlayer support, or the setting has no effect). Changing it creates a new instance.",
			PlanModifiers: replaceBool,
		},
		"lan_ip": schema.StringAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "Primary private IPv4 address, in the subnet; the API picks one if unset. If the address is taken, " +
				"the API gives another one and the create fails with an error that names it (the instance is kept, tainted). " +
				"Changing it creates a new instance.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
			Validators:    []validator.String{stringvalidator.RegexMatches(ipv4Pattern, "must be an IPv4 address such as 10.0.0.12")},
		},
		"public_network": schema.SingleNestedAttribute{
			Optional: true,
			MarkdownDescription: "A public IP for the instance, as `CreateZecInstances` takes it; none if unset. The API reports " +
				"the address (`public_ip_addresses`) but none of these settings: they are kept from the configuration, and adopted " +
				"from it after an import. Changing them creates a new instance.",
			PlanModifiers: []planmodifier.Object{replaceUnlessAdoptedObject("Changing public_network creates a new instance.")},
			Attributes: map[string]schema.Attribute{
				"internet_charge_type": schema.StringAttribute{
					Required: true,
					MarkdownDescription: "How the public traffic is billed: `ByBandwidth` (a flat rate bandwidth), `ByTrafficPackage` " +
						"(a traffic package, `traffic_package_size`) or `BandwidthCluster` (95th percentile of a bandwidth cluster, `cluster_id`).",
					Validators: []validator.String{stringvalidator.OneOf(internetChargeTypes...)},
				},
				"bandwidth": schema.Int64Attribute{
					Optional:            true,
					MarkdownDescription: "Public outbound bandwidth cap in Mbps; the cap's maximum depends on the instance type.",
					Validators:          []validator.Int64{int64validator.AtLeast(1)},
				},
				"traffic_package_size": schema.Float64Attribute{
					Optional:            true,
					MarkdownDescription: "Traffic package in TB, with `internet_charge_type = \"ByTrafficPackage\"` only.",
					Validators:          []validator.Float64{float64validator.AtLeast(0.001)},
				},
				"eip_bind_type": optional("Elastic IP mode: `FullNat` (the API's default) or `Passthrough`.", stringvalidator.OneOf(eipBindTypes...)),
				"network_line_type": optional(
					"Network line of the public IPv4 address: one of `"+strings.Join(networkLineTypes, "`, `")+"`; required "+
						"by the API when the subnet is IPv4 only.", stringvalidator.OneOf(networkLineTypes...)),
				"ip_stack_type":   optional("IP stack: `IPv4` (the API's default), `IPv4_IPv6` or `IPv6`.", stringvalidator.OneOf(ipStackTypes...)),
				"cluster_id":      optional("Bandwidth cluster id; required with `internet_charge_type = \"BandwidthCluster\"`.", stringvalidator.LengthAtLeast(1)),
				"ipv6_cluster_id": optional("Bandwidth cluster id of the public IPv6 address, if not `cluster_id`.", stringvalidator.LengthAtLeast(1)),
			},
		},
	}
}
