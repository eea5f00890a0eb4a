package zec

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
)

// InstanceNamePattern is the CreateZecInstances rule for instanceName: 2 to
// 63 letters, digits, "-" and ".", starting and ending with a letter or digit.
var InstanceNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]{0,61}[A-Za-z0-9]$`)

// Power states of the resource.
const (
	PowerStateRunning = "running"
	PowerStateStopped = "stopped"
)

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		// Version 1: the write-only password became password_wo (instance_upgrade.go).
		Version: 1,
		MarkdownDescription: "A Zenlayer Elastic Compute (ZEC) instance with a managed power state. The name, the power state " +
			"(`power_state`, started with `StartInstances` and stopped with `StopInstances`), the size of the system disk, the " +
			"instance type, the security group, IP forwarding, the password (`password_wo_version`) and the image or key pair " +
			"(a reinstall, `ResetInstance`) change in place; the other arguments create a new instance. Destroying it releases it with `ReleaseInstances` together with its system disk; " +
			"data disks attached to it (`cloudcompute_zenlayer_zec_disk`) are detached and kept. On accounts with a recycle bin the instance " +
			"passes through the bin and is released from there too, unless `release_on_destroy = false`.",
		Attributes: map[string]schema.Attribute{
			"id":      framework.KeptString("Instance id."),
			"zone_id": framework.ReplacedString("Zone of the instance, for example `asia-east-1a`. Changing it creates a new instance."),
			"instance_type": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Instance type, for example `z2a.cpu.1`. Changed in place with `ModifyInstanceType`: a running " +
					"instance is stopped (the plan warns), resized (`RESIZING`, then `STOPPED`) and brought back to `power_state`.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"image_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Image the instance is installed from. Changing it reinstalls the instance in place with " +
					"`ResetInstance` (same id; the plan warns): the system disk is wiped and installed from the new image, with " +
					"`password_wo` or `key_id`, the instance stopped first and running after. An image of another OS type is refused by the API.",
				PlanModifiers: keep,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Instance name: 2 to 63 letters, digits, `-` and `.`, starting and ending with a letter or digit. " +
					"Changed in place.",
				Validators: []validator.String{
					stringvalidator.RegexMatches(InstanceNamePattern, "must be 2 to 63 letters, digits, '-' and '.', starting and ending with a letter or digit"),
				},
			},
			"key_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "SSH key pair id (for example `key-YWD2QFOl`) to log in with. At most one of `password_wo` and `key_id` " +
					"(a Linux image needs one, Windows and Generic images take neither). The API can only set a key by reinstalling: " +
					"changing it resets the instance in place with `ResetInstance` on its own image (the system disk is wiped; the plan warns).",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
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
			"subnet_id": framework.ReplacedString("Subnet of the primary network interface. Changing it creates a new instance."),
			"security_group_id": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Security group of the primary network interface; the VPC's default group if unset. Changed in place " +
					"with `ModifyNetworkInterfaceAttribute` on the primary vNIC (the vNIC has one group: the old one is unbound).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"time_zone": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Time zone of the instance's operating system, an IANA name such as `Asia/Singapore` " +
					"(`CreateZecInstances` `timeZone`); the API's default (`America/Los_Angeles`) if unset. Changing it creates a new instance.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{stringvalidator.RegexMatches(timeZonePattern,
					"must be an IANA time zone name such as Asia/Singapore or UTC")},
			},
			"power_state": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(PowerStateRunning),
				MarkdownDescription: "`running` (the default) or `stopped`. Changed in place with `StartInstances` / `StopInstances`, " +
					"waiting until the instance is `RUNNING` or `STOPPED`. An instance started or stopped outside Terraform shows up in the next plan.",
				Validators: []validator.String{stringvalidator.OneOf(PowerStateRunning, PowerStateStopped)},
			},
			"force_shutdown": framework.DefaultBool(false,
				"Stop the instance with a forced power-off instead of a shutdown through the guest operating system "+
					"(the API's `forceShutdown`). A forced power-off may lose data that the guest has not written yet."),
			"release_on_destroy": framework.DefaultBool(true,
				"On accounts with a recycle bin, `true` (the default) releases the instance from the bin as well, so that "+
					"destroy frees it for good; `false` leaves it in the bin (restorable for a while) and says so in a warning. "+
					"A destroy that stops with the instance in the bin (an error, a timeout, Ctrl-C; a killed provider process too, while the working directory keeps its `.terraform`) keeps it in the state: the next "+
					"destroy releases it from there, and the next apply replaces it."),
			"status": framework.ReportedString("Instance status as the API reports it, for example `RUNNING` or `STOPPED`."),
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
			"public_ip_addresses":  framework.KeptStrings("Public IP addresses."),
			"private_ip_addresses": framework.KeptStrings("Private IP addresses."),
			"image_name":           framework.KeptString("Name of the image the instance was installed from."),
			"data_disk_ids": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Ids of the data disks attached to the instance, as the API lists them.",
			},
			"system_disk_id": framework.KeptString("Id of the system disk (it appears in `cloudcompute_zenlayer_zec_disks` as a `SYSTEM` disk)."),
			"create_time":    framework.KeptString("When the instance was created (ISO 8601, as the API reports it)."),
			"timeouts":       framework.TimeoutsAttribute(ctx),
		},
	}
	maps.Copy(resp.Schema.Attributes, instanceAttributesMore())
	maps.Copy(resp.Schema.Attributes, zentags.Attributes("instance", stringvalidator.LengthAtLeast(1)))
}

// systemDiskShrinks plans a new instance when system_disk.size gets smaller.
func systemDiskShrinks(_ context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
	if !req.StateValue.IsNull() && !req.PlanValue.IsUnknown() && !req.PlanValue.IsNull() {
		resp.RequiresReplace = req.PlanValue.ValueInt64() < req.StateValue.ValueInt64()
	}
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
	kinds, ok := framework.PasswordKinds(p, zenlayerPasswordSpecials)
	if !ok {
		return "holds a character that is not allowed"
	}
	if n := kinds.Count(); n < 3 {
		return fmt.Sprintf("uses only %d of the four kinds of characters", n)
	}
	return ""
}

// timeZonePattern is the form of an IANA time zone name ("UTC",
// "Asia/Singapore", "America/Argentina/Buenos_Aires", "Etc/GMT+8").
var timeZonePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$`)

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
	userData := adoptedString("Initialization command run at the first boot (`CreateZecInstances` `userData`). The API never reports it: "+
		"it is kept from the configuration, and adopted from it after an import. Changing it creates a new instance.",
		"Changing user_data creates a new instance.")
	userData.Sensitive = true
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
		"user_data": userData,
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
