package clouddc

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Huawei Cloud CloudDC instance: an operating system installed on one of your physical servers hosted in a " +
			"Huawei Cloud data center (iMetal). Creating it installs the OS on a server in `manage_state` `ready` and waits until the " +
			"instance is `running`; destroying it deletes the instance (`shutting-down`, then `terminated`) and frees the server.\n\n" +
			"The API has no rename or resize: only the network (`vpc_id`, `network_interfaces`, with ModifyInstanceIp), the image " +
			"(`image_id`, by reinstalling the OS with ReinstallOs, which wipes the system disk), the password (ChangeInstancePassword), " +
			"`power_state` (ChangeServerPowerState on the instance's server) and `tags` change in place; any other change replaces the " +
			"instance. The IP, image and password changes need a running instance: with `power_state = \"stopped\"` they are refused " +
			"at plan time; setting `power_state = \"running\"` in the same change starts the instance first.",
		Attributes: map[string]schema.Attribute{
			"id": framework.KeptString("Instance id (a UUID)."),
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Host name of the instance: 1 to 63 Chinese characters, letters, digits, `_`, `-` and `.`. " +
					"The API cannot rename an instance: changing it creates a new instance.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{nameValidator()},
			},
			"image_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the private image (IMS) to install. Changing it reinstalls the OS in place (ReinstallOs) " +
					"with `password_wo`: the system disk is wiped, data disks are kept.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"vpc_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "VPC of the network interfaces. Changed in place, together with `network_interfaces` (ModifyInstanceIp).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"network_interfaces": schema.ListNestedAttribute{
				Required: true,
				MarkdownDescription: "Network interfaces, 1 or 2; the first is the primary one. All subnets must belong to `vpc_id`. " +
					"Changed in place (ModifyInstanceIp), which needs a `running` instance.",
				Validators: []validator.List{listvalidator.SizeBetween(1, huaweicloud.MaxNetworkInterfaces)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"subnet_id": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "Subnet of the interface.",
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"ipv4_address": schema.StringAttribute{
						Optional: true,
						Computed: true,
						MarkdownDescription: "Fixed IPv4 address in the subnet, which must be free. If unset, the API allocates a free " +
							"address of the subnet, which is then kept as long as the interface's subnet does not change.",
						Validators: []validator.String{ipv4Validator()},
					},
				}},
			},
			"password_wo": schema.StringAttribute{
				Optional:  true,
				WriteOnly: true,
				Sensitive: true,
				MarkdownDescription: "Initial password of the administrator (`root` on Linux, `Administrator` on Windows), required to create " +
					"an instance, to reinstall it (an `image_id` change) and to change its password (a `password_wo_version` change); " +
					"an imported instance needs it only then. **Write-only**: " +
					"Terraform sends it to the API and never stores it in the plan or the state (Terraform 1.11 or later). " +
					"8 to 26 characters with at least three of: upper case letters, lower case letters, digits and `" + PasswordSpecials +
					"`; it must not contain `root`, `Administrator` or their reverse. It is also the password of a reinstallation " +
					"(an `image_id` change). To change the password of an existing instance, change it here and bump `password_wo_version`.",
				Validators: []validator.String{passwordValidator()},
			},
			"password_wo_version": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Any number; changing it sets the administrator password to `password_wo` in place " +
					"(ChangeInstancePassword). The new password takes effect when the server is next powered on or rebooted.",
			},
			"metadata": schema.MapAttribute{
				ElementType: types.StringType,
				Optional:    true,
				MarkdownDescription: "Up to 9 metadata pairs. Keys are 1 to 255 letters, digits, `-`, `_`, `:`, ` ` and `.`; values at most " +
					"255 characters. Do not put secrets in metadata. Changing it creates a new instance. The API takes 10 pairs: the provider " +
					"uses one, `" + huaweicloud.CreateTokenMetadataKey + "`, to find an instance whose create answer was lost instead of creating a " +
					"second one; that pair is not shown here.",
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
				Validators: []validator.Map{
					mapvalidator.SizeBetween(1, huaweicloud.MaxUserMetadata),
					mapvalidator.KeysAre(stringvalidator.NoneOf(huaweicloud.CreateTokenMetadataKey)),
					mapvalidator.KeysAre(stringvalidator.RegexMatches(MetadataKeyPattern, "must be 1 to 255 letters, digits, '-', '_', ':', ' ' and '.'")),
					mapvalidator.ValueStringsAre(runeLengthAtMost(MetadataValueMax)),
				},
			},
			"description": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Description, at most 255 characters. Changing it creates a new instance.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{runeLengthAtMost(DescriptionMaxLength)},
			},
			"server_id": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Physical server to install on (`placement.server_id`); it must be in `manage_state` `ready`. If unset, " +
					"CloudDC picks an idle ready server, whose id is then reported here. Changing it creates a new instance.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIfConfigured(), stringplanmodifier.UseStateForUnknown()},
				Validators:    []validator.String{uuidValidator()},
			},
			"status":      framework.ReportedString("State of the instance: `running` once created; also `stopped`, `failed` and others."),
			"image_name":  framework.ReportedString("Name of the installed image."),
			"os_type":     framework.ReportedString("`Linux`, `Windows` or `Other`."),
			"primary_ip":  framework.ReportedString("IPv4 address of the primary (first) network interface."),
			"created_at":  framework.KeptString("When the instance was created, as the API reports it."),
			"launched_at": framework.ReportedString("When the OS was last installed and started, as the API reports it."),
			"power_state": powerStateAttribute(),
			"tags":        tagsAttribute(),
			"tags_all":    framework.TagsAllAttribute(),
			"timeouts":    framework.TimeoutsAttribute(ctx),
		},
	}
}

// The validators of the resource's own attributes, made of the rules in
// validators.go.

func nameValidator() validator.String {
	return framework.StringCheck("1 to 63 Chinese characters, letters, digits, '_', '-' and '.'", CheckName, false)
}

func passwordValidator() validator.String {
	return framework.StringCheck("the CloudDC password policy: 8 to 26 characters, at least three of upper case, lower case, digits and "+
		PasswordSpecials+", not containing root or Administrator or their reverse", CheckPassword, true)
}

func runeLengthAtMost(maxLen int) validator.String {
	return framework.StringCheck(fmt.Sprintf("at most %d characters", maxLen), checkRuneLength(maxLen), false)
}

func ipv4Validator() validator.String {
	return framework.StringCheck("an IPv4 address such as 192.168.0.20", checkIPv4, false)
}
