package bmc

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// NamePattern is the CreateInstances rule for instanceName and hostname, for
// one instance: 1 to 64 letters, digits, "-" and "." (the API's batch
// patterns [begin,bits] only make sense with amount > 1).
var NamePattern = regexp.MustCompile(`^[A-Za-z0-9.-]{1,64}$`)

// nicNamePattern: 4 to 10 letters and digits, starting with a letter.
var nicNamePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]{3,9}$`)

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	nameValidators := []validator.String{
		stringvalidator.RegexMatches(NamePattern, "must be 1 to 64 letters, digits, '-' and '.'"),
	}
	nicValidators := func(notPrefix string) []validator.String {
		return []validator.String{
			stringvalidator.RegexMatches(nicNamePattern, "must be 4 to 10 letters and digits, starting with a letter"),
			stringvalidator.RegexMatches(notPrefixPattern(notPrefix), "must not start with \""+notPrefix+"\""),
		}
	}
	resp.Schema = schema.Schema{
		Version: 1,
		MarkdownDescription: "A Zenlayer Bare Metal Cloud (BMC) instance: a dedicated physical server. Creating one takes a while " +
			"(the machine is prepared and its operating system installed: PENDING → CREATING → INSTALLING → RUNNING), so the default " +
			"create timeout is 90 minutes. The name, the power state, the bandwidth, the traffic package and the subnet change in " +
			"place. What is set when the system is installed (`image_id`, `hostname`, the login, RAID, partitions, NIC names, " +
			"`user_data`) changes in place too, by **reinstalling the same machine** (`ReinstallInstance`), which **wipes its disks**: " +
			"the plan says so in a warning. Only the zone, the instance type, the charge type and period, the internet charge type, " +
			"the resource group and the removal of `image_id` replace the machine.\n\n" +
			"Destroying it calls `TerminateInstance`, which moves the machine to the recycle bin, then `ReleaseInstances`, which frees it " +
			"for good (unless `release_on_destroy = false`). A `PREPAID` (subscription) instance cannot be released before its " +
			"subscription ends: destroying it cancels the renewal and leaves it running until `expired_time`, with a warning.\n\n" +
			"An instance found in the recycle bin (terminated outside Terraform) is kept in the state: the next plan replaces it, " +
			"and a destroy releases it.",
		Attributes: map[string]schema.Attribute{
			"id":               framework.KeptString("Instance id."),
			"zone_id":          framework.ReplacedString("Zone of the machine, for example `SEL-A` (see the API's `DescribeZones`). Changing it replaces the machine."),
			"instance_type_id": framework.ReplacedString("Instance type (hardware model), for example `M6C` (see `DescribeInstanceTypes`). Changing it replaces the machine."),
			"image_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Operating system image (see `DescribeImages`). Without it no system is installed and the machine is " +
					"set up later over IPMI. Changing it reinstalls the same machine in place (`ReinstallInstance`; the disks are wiped, " +
					"then the machine is returned to its `power_state`); removing it replaces the machine (a reinstall always installs an image).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(replaceWhenRemoved,
					"Removing it replaces the machine: a reinstall always installs an image.",
					"Removing it replaces the machine: a reinstall always installs an image.")},
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Instance name: 1 to 64 letters, digits, `-` and `.`; the API names it `instance` if unset. Changed in place.",
				PlanModifiers:       keep,
				Validators:          nameValidators,
			},
			"hostname": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Host name of the installed system: 1 to 64 letters, digits, `-` and `.`; the API uses `hostname` if unset. " +
					"It is set at installation, so changing it reinstalls the machine in place (the disks are wiped).",
				PlanModifiers: keep,
				Validators:    nameValidators,
			},
			"password_wo": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				WriteOnly: true,
				MarkdownDescription: "Password of the installed system and of IPMI: 8 to 16 characters with upper and lower case letters, " +
					"digits and one of `" + passwordSpecials + "`, nothing else. **Write-only** (the `_wo` suffix of HashiCorp's naming " +
					"rule): Terraform sends it when it installs the machine and never stores it (the API never returns it), so it needs " +
					"Terraform 1.11 or later. Changing it has no effect by itself; change `password_wo_version` to reinstall the machine " +
					"with it. Conflicts with `key_id` and `ssh_keys`; with none of them, Zenlayer e-mails a random password. " +
					"Called `password` before version 1 of this resource's schema (the state is upgraded by itself).",
				Validators: []validator.String{passwordValidator(), stringvalidator.ConflictsWith(path.MatchRoot("ssh_keys"), path.MatchRoot("key_id"))},
			},
			"password_wo_version": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Any number; changing it sets the current `password_wo` on the machine. The API sets a BMC password " +
					"only when it installs the system, so this **reinstalls the same machine in place** (`ReinstallInstance` with the new " +
					"password and the configured image, hostname, RAID, partitions, NIC names and `user_data`): the hardware, its id and " +
					"addresses are kept, but **the disks are wiped**, and the plan warns of it. (Before, a new version replaced the machine, " +
					"ordering new hardware.) Adopted without a reinstall after an import or a move.",
			},
			"key_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Id of an SSH key pair of the account (CreateInstances `keyId`, which replaces the deprecated `sshKeys`) " +
					"to install in the Linux system instead of a password; ignored for Windows and ESXi images and without `image_id`. " +
					"Conflicts with `password_wo` and `ssh_keys`. It is set at installation: after an import it is adopted from the " +
					"configuration without a change (unless the API reports it); otherwise changing it reinstalls the machine in place " +
					"(the disks are wiped).",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 64), stringvalidator.ConflictsWith(path.MatchRoot("ssh_keys"))},
			},
			"ssh_keys": schema.SetAttribute{
				ElementType:        types.StringType,
				Optional:           true,
				DeprecationMessage: "ssh_keys sends the API's deprecated sshKeys: register the key as a key pair and set key_id instead.",
				MarkdownDescription: "Use `key_id` instead: the API deprecated `sshKeys` in favour of `keyId`. " +
					"Up to 5 SSH public keys (`ssh-rsa ...`, `ssh-ed25519 ...`) for the installed Linux system, instead of a " +
					"password; ignored for Windows and ESXi images. The API never returns them: after an import they are adopted from the " +
					"configuration without a change; otherwise changing them reinstalls the machine in place (the disks are wiped).",
				Validators: []validator.Set{
					setvalidator.SizeBetween(1, 5),
					setvalidator.ValueStringsAre(stringvalidator.RegexMatches(regexp.MustCompile(`^(ssh-rsa|ssh-ed25519|ssh-dss|ecdsa-sha2-\S+) \S+`),
						"must be an OpenSSH public key starting with ssh-rsa, ssh-ed25519, ssh-dss or ecdsa-sha2-")),
				},
			},
			"instance_charge_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(zenlayer.BMCChargePostpaid),
				MarkdownDescription: "`POSTPAID` (pay as you go, the default) or `PREPAID` (a subscription of `period` months, which cannot " +
					"be released before it ends). Changing it replaces the machine.",
				PlanModifiers: replace,
				Validators:    []validator.String{stringvalidator.OneOf(zenlayer.BMCChargePostpaid, zenlayer.BMCChargePrepaid)},
			},
			"period": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Subscription length in months; required with `instance_charge_type = \"PREPAID\"` and not allowed otherwise.",
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"internet_charge_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(zenlayer.BMCInternetByBandwidth),
				MarkdownDescription: "How public traffic is billed: `" + strings.Join(zenlayer.BMCInternetChargeTypes, "`, `") +
					"` (default `ByBandwidth`). Changing it replaces the machine.",
				PlanModifiers: replace,
				Validators:    []validator.String{stringvalidator.OneOf(zenlayer.BMCInternetChargeTypes...)},
			},
			"internet_max_bandwidth_out": schema.Int64Attribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Public outbound bandwidth in Mbps, at least 1 and at most the instance type's maximum; the API's " +
					"default (1) if unset. Changed in place (`ModifyInstanceBandwidth`, which needs a running machine: a machine kept " +
					"`stopped` cannot change it). On a `PREPAID` machine a decrease is an order for the next billing cycle: the state " +
					"holds the ordered value while the machine keeps the old one (`DescribeInstanceInternetStatus` shows the order), " +
					"the order is never sent twice, and a return to the value in effect cancels it (`CancelInstanceBandwidthDowngrade`).",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"traffic_package_size": schema.Float64Attribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Traffic package in TB, only with `internet_charge_type = \"ByTrafficPackage\"`; the instance type's " +
					"free package if unset; a multiple of 0.05. Changed in place (`ModifyInstanceTrafficPackage`). On a `PREPAID` machine " +
					"a decrease is an order for the next billing cycle, held as `internet_max_bandwidth_out`'s is " +
					"(`CancelInstanceTrafficPackageDowngrade` withdraws it).",
				PlanModifiers: []planmodifier.Float64{float64planmodifier.UseStateForUnknown()},
				Validators:    []validator.Float64{float64validator.AtLeast(0), trafficPackageValidator()},
			},
			"subnet_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Private subnet (same zone) for the LAN interface. Changed in place: the machine leaves the old " +
					"subnet (`UnAssociateSubnetInstance`) and joins the new one (`AssociateSubnetInstances`), which needs a running " +
					"machine; its private addresses may change.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"raid_type": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Fast RAID over all disks: `0`, `1`, `5` or `10`, as the instance type supports " +
					"(`DescribeInstanceTypes`' `supportRaids`). Conflicts with `custom_raids`. Changing it reinstalls the machine in " +
					"place (the disks are wiped).",
				Validators: []validator.Int64{int64validator.OneOf(0, 1, 5, 10), int64validator.ConflictsWith(path.MatchRoot("custom_raids"))},
			},
			"nic_wan_name": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Name of the public interface: 4 to 10 letters and digits starting with a letter, not starting with " +
					"`lan`; `wan0` (`bond0` on HA types) if unset. Changing it reinstalls the machine in place (the disks are wiped).",
				PlanModifiers: keep,
				Validators:    nicValidators("lan"),
			},
			"nic_lan_name": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Name of the private interface: 4 to 10 letters and digits starting with a letter, not starting with " +
					"`wan`, different from `nic_wan_name`; `lan0` (`bond1` on HA types) if unset. Changing it reinstalls the machine in " +
					"place (the disks are wiped).",
				PlanModifiers: keep,
				Validators:    nicValidators("wan"),
			},
			"power_state": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(PowerRunning),
				MarkdownDescription: "`running` (the default) or `stopped`. Changed in place with `StartInstances` / `StopInstances`; a " +
					"machine powered off outside Terraform shows as a change back to the configured state.",
				Validators: []validator.String{stringvalidator.OneOf(PowerRunning, PowerStopped)},
			},
			"release_on_destroy": framework.DefaultBool(true,
				"`true` (the default): destroy terminates the machine into the recycle bin and releases it from "+
					"there, freeing it for good. `false`: destroy leaves it in the recycle bin, where it can be restored for 24 hours "+
					"before Zenlayer releases it, and says so in a warning."),
			"status":                framework.ReportedString("Instance status as the API reports it, for example `RUNNING`, `STOPPED` or `RECYCLE`."),
			"primary_ipv4_address":  framework.KeptString("Primary public IPv4 address."),
			"public_ipv4_addresses": framework.KeptStrings("Public IPv4 addresses."),
			"private_ip_addresses":  framework.KeptStrings("Private IP addresses."),
			"ipv6_addresses":        framework.KeptStrings("Public IPv6 addresses (may be empty)."),
			"create_time":           framework.KeptString("When the instance was created (ISO 8601 UTC, as the API reports it)."),
			"expired_time":          framework.ReportedString("When the subscription of a `PREPAID` instance ends (ISO 8601 UTC); null for `POSTPAID`."),
			"auto_renew": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether a `PREPAID` subscription renews itself; destroying the instance turns renewal off.",
			},
			"timeouts": framework.TimeoutsAttribute(ctx),
		},
	}
	maps.Copy(resp.Schema.Attributes, installAttributes())
	maps.Copy(resp.Schema.Attributes, zentags.Attributes("instance", stringvalidator.LengthAtLeast(1)))
}

// replaceWhenRemoved replaces the machine when image_id is removed: a
// reinstall always installs an image (without imageId, the current one).
func replaceWhenRemoved(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = req.PlanValue.IsNull() && !req.StateValue.IsNull()
}

// notPrefixPattern matches a string that does not start with the
// three-letter prefix p, in any case (Go's regexp has no lookahead).
func notPrefixPattern(p string) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`^(?i:[^%c]|.[^%c]|..[^%c])`, p[0], p[1], p[2]))
}

// passwordSpecials are the special characters a BMC password may hold.
const passwordSpecials = "~!@$^*-_=+" // #nosec G101 -- the characters a password may hold, not a credential

// passwordValidator checks the CreateInstances password policy at plan
// time, never repeating the password in its error.
func passwordValidator() validator.String {
	return framework.StringCheck("the BMC password policy: 8 to 16 characters with upper and lower case letters, digits and one of "+
		passwordSpecials+", nothing else; the API answers INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED otherwise", CheckPassword, true)
}

// CheckPassword says what is wrong with a password under the
// CreateInstances policy, or "": 8 to 16 characters, with at least one upper
// case letter, lower case letter, digit and special character of
// ~!@$^*-_=+, and nothing else. The problem never repeats the password.
func CheckPassword(pw string) string {
	if n := utf8.RuneCountInString(pw); n < 8 || n > 16 {
		return "must be 8 to 16 characters long"
	}
	kinds, ok := framework.PasswordKinds(pw, passwordSpecials)
	if !ok {
		return "may contain only letters, digits and the special characters " + passwordSpecials
	}
	var missing []string
	for _, c := range []struct {
		ok   bool
		what string
	}{{kinds.Upper, "upper case letter"}, {kinds.Lower, "lower case letter"}, {kinds.Digit, "digit"}, {kinds.Special, "special character of " + passwordSpecials}} {
		if !c.ok {
			missing = append(missing, c.what)
		}
	}
	if len(missing) > 0 {
		return "must contain at least one " + strings.Join(missing, ", one ")
	}
	return ""
}
