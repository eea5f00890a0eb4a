// Package bmc holds the Zenlayer Bare Metal Cloud (BMC) resources and data sources.
package bmc

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

var (
	_ resource.Resource                   = &instanceResource{}
	_ resource.ResourceWithConfigure      = &instanceResource{}
	_ resource.ResourceWithImportState    = &instanceResource{}
	_ resource.ResourceWithModifyPlan     = &instanceResource{}
	_ resource.ResourceWithValidateConfig = &instanceResource{}
)

// NamePattern is the CreateInstances rule for instanceName and hostname, for
// one instance: 1 to 64 letters, digits, "-" and "." (the API's batch
// patterns [begin,bits] only make sense with amount > 1).
var NamePattern = regexp.MustCompile(`^[A-Za-z0-9.-]{1,64}$`)

// nicNamePattern: 4 to 10 letters and digits, starting with a letter.
var nicNamePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]{3,9}$`)

// Power states of power_state.
const (
	PowerRunning = "running"
	PowerStopped = "stopped"
)

const (
	instanceCreateTimeout = 90 * time.Minute
	instanceUpdateTimeout = 30 * time.Minute
	instanceDeleteTimeout = 30 * time.Minute
)

// NewInstanceResource is the constructor of cloudcompute_zenlayer_bmc_instance.
func NewInstanceResource() resource.Resource { return &instanceResource{} }

type instanceResource struct {
	client *conns.Client
}

func (r *instanceResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_zenlayer_bmc_instance"
}

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keepReplace := []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	keepList := []planmodifier.List{listplanmodifier.UseStateForUnknown()}
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
		MarkdownDescription: "A Zenlayer Bare Metal Cloud (BMC) instance: a dedicated physical server. Creating one takes a while " +
			"(the machine is prepared and its operating system installed: PENDING → CREATING → INSTALLING → RUNNING), so the default " +
			"create timeout is 90 minutes. The name and the power state change in place; everything else is set when the machine is " +
			"installed, so changing it replaces the machine.\n\n" +
			"Destroying it calls `TerminateInstance`, which moves the machine to the recycle bin, then `ReleaseInstances`, which frees it " +
			"for good (unless `release_on_destroy = false`). A `PREPAID` (subscription) instance cannot be released before its " +
			"subscription ends: destroying it cancels the renewal and leaves it running until `expired_time`, with a warning.\n\n" +
			"An instance found in the recycle bin (terminated outside Terraform) is kept in the state: the next plan replaces it, " +
			"and a destroy releases it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Instance id.",
				PlanModifiers:       keep,
			},
			"zone_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Zone of the machine, for example `SEL-A` (see the API's `DescribeZones`). Changing it replaces the machine.",
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"instance_type_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Instance type (hardware model), for example `M6C` (see `DescribeInstanceTypes`). Changing it replaces the machine.",
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"image_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Operating system image (see `DescribeImages`). Without it no system is installed and the machine is " +
					"set up later over IPMI. Changing it replaces the machine.",
				PlanModifiers: replace,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
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
					"It is set at installation, so changing it replaces the machine.",
				PlanModifiers: keepReplace,
				Validators:    nameValidators,
			},
			"password": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				WriteOnly: true,
				MarkdownDescription: "Password of the installed system and of IPMI: 8 to 16 characters with upper and lower case letters, " +
					"digits and one of `" + passwordSpecials + "`, nothing else. **Write-only**: Terraform sends it when it creates the machine " +
					"and never stores it (the API never returns it), so it needs Terraform 1.11 or later. Changing it has no effect by " +
					"itself; change `password_wo_version` to replace the machine with one that has the new password. Conflicts with `ssh_keys`; " +
					"with neither, Zenlayer e-mails a random password.",
				Validators: []validator.String{passwordValidator{}, stringvalidator.ConflictsWith(path.MatchRoot("ssh_keys"))},
			},
			"password_wo_version": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Any number; changing it replaces the machine so that it is installed with the current `password` " +
					"(the API sets the password only at installation). Adopted without a replacement after an import.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplaceIf(replaceUnlessAdoptedInt64,
					"Changing it replaces the machine, except when the state has no value yet (after an import).",
					"Changing it replaces the machine, except when the state has no value yet (after an import).")},
			},
			"ssh_keys": schema.SetAttribute{
				ElementType: types.StringType,
				Optional:    true,
				MarkdownDescription: "Up to 5 SSH public keys (`ssh-rsa ...`, `ssh-ed25519 ...`) for the installed Linux system, instead of a " +
					"password; ignored for Windows and ESXi images. The API never returns them: after an import they are adopted from the " +
					"configuration without a change; otherwise changing them replaces the machine.",
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplaceIf(replaceUnlessAdoptedSet,
					"Changing them replaces the machine, except when the state has none yet (after an import).",
					"Changing them replaces the machine, except when the state has none yet (after an import).")},
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
					"default (1) if unset. Changing it replaces the machine.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplace()},
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"traffic_package_size": schema.Float64Attribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Traffic package in TB, only with `internet_charge_type = \"ByTrafficPackage\"`; the instance type's " +
					"free package if unset. Changing it replaces the machine.",
				PlanModifiers: []planmodifier.Float64{float64planmodifier.UseStateForUnknown(), float64planmodifier.RequiresReplace()},
				Validators:    []validator.Float64{float64validator.AtLeast(0)},
			},
			"subnet_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Private subnet (same zone) for the LAN interface. Changing it replaces the machine.",
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"raid_type": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Fast RAID over all disks: `0`, `1`, `5` or `10`, as the instance type supports " +
					"(`DescribeInstanceTypes`' `supportRaids`). Changing it replaces the machine.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
				Validators:    []validator.Int64{int64validator.OneOf(0, 1, 5, 10)},
			},
			"nic_wan_name": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Name of the public interface: 4 to 10 letters and digits starting with a letter, not starting with " +
					"`lan`; `wan0` (`bond0` on HA types) if unset. Changing it replaces the machine.",
				PlanModifiers: keepReplace,
				Validators:    nicValidators("lan"),
			},
			"nic_lan_name": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Name of the private interface: 4 to 10 letters and digits starting with a letter, not starting with " +
					"`wan`, different from `nic_wan_name`; `lan0` (`bond1` on HA types) if unset. Changing it replaces the machine.",
				PlanModifiers: keepReplace,
				Validators:    nicValidators("wan"),
			},
			"resource_group_id": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Resource group; the account's default group if unset. Changing it replaces the machine.",
				PlanModifiers:       keepReplace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"power_state": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(PowerRunning),
				MarkdownDescription: "`running` (the default) or `stopped`. Changed in place with `StartInstances` / `StopInstances`; a " +
					"machine powered off outside Terraform shows as a change back to the configured state.",
				Validators: []validator.String{stringvalidator.OneOf(PowerRunning, PowerStopped)},
			},
			"release_on_destroy": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
				MarkdownDescription: "`true` (the default): destroy terminates the machine into the recycle bin and releases it from " +
					"there, freeing it for good. `false`: destroy leaves it in the recycle bin, where it can be restored for 24 hours " +
					"before Zenlayer releases it, and says so in a warning.",
			},
			"status": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Instance status as the API reports it, for example `RUNNING`, `STOPPED` or `RECYCLE`.",
			},
			"primary_ipv4_address": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Primary public IPv4 address.",
				PlanModifiers:       keep,
			},
			"public_ipv4_addresses": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "Public IPv4 addresses.",
				PlanModifiers:       keepList,
			},
			"private_ip_addresses": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "Private IP addresses.",
				PlanModifiers:       keepList,
			},
			"ipv6_addresses": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "Public IPv6 addresses (may be empty).",
				PlanModifiers:       keepList,
			},
			"create_time": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the instance was created (ISO 8601 UTC, as the API reports it).",
				PlanModifiers:       keep,
			},
			"expired_time": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the subscription of a `PREPAID` instance ends (ISO 8601 UTC); null for `POSTPAID`.",
			},
			"auto_renew": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether a `PREPAID` subscription renews itself; destroying the instance turns renewal off.",
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// replaceUnlessAdoptedInt64 and replaceUnlessAdoptedSet replace the
// machine when a value the API never returns changes, but not when the
// state has none yet: after an import the configured value is adopted.
func replaceUnlessAdoptedInt64(_ context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}

func replaceUnlessAdoptedSet(_ context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}

// notPrefixPattern matches a string that does not start with the
// three-letter prefix p, in any case (Go's regexp has no lookahead).
func notPrefixPattern(p string) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`^(?i:[^%c]|.[^%c]|..[^%c])`, p[0], p[1], p[2]))
}

func (r *instanceResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *instanceResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg instanceResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !cfg.ChargeType.IsUnknown() && !cfg.Period.IsUnknown() {
		prepaid := cfg.ChargeType.ValueString() == zenlayer.BMCChargePrepaid
		switch {
		case prepaid && cfg.Period.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("period"), "period is required for a PREPAID instance",
				"A PREPAID (subscription) instance is bought for a number of months: set period.")
		case !prepaid && !cfg.Period.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("period"), "period applies only to PREPAID instances",
				"period is the length of a subscription; remove it, or set instance_charge_type = \"PREPAID\".")
		}
	}
	if !cfg.InternetChargeType.IsUnknown() && !cfg.TrafficPackageSize.IsNull() &&
		cfg.InternetChargeType.ValueString() != zenlayer.BMCInternetByTrafficPackage && !cfg.InternetChargeType.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("traffic_package_size"), "traffic_package_size needs ByTrafficPackage",
			"traffic_package_size applies only to internet_charge_type = \"ByTrafficPackage\".")
	}
	if cfg.InternetChargeType.IsNull() && !cfg.TrafficPackageSize.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("traffic_package_size"), "traffic_package_size needs ByTrafficPackage",
			"traffic_package_size applies only to internet_charge_type = \"ByTrafficPackage\" (the default is ByBandwidth).")
	}
	if !cfg.NicWanName.IsNull() && !cfg.NicWanName.IsUnknown() && strings.EqualFold(cfg.NicWanName.ValueString(), cfg.NicLanName.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("nic_lan_name"), "nic_wan_name and nic_lan_name must differ",
			"The public and private interfaces need different names.")
	}
	if cfg.ImageID.IsNull() && !cfg.SSHKeys.IsNull() {
		resp.Diagnostics.AddAttributeWarning(path.Root("ssh_keys"), "ssh_keys have no effect without image_id",
			"SSH keys are installed with the operating system; without image_id no system is installed.")
	}
}

// ModifyPlan replaces an instance found in the recycle bin or failed, and
// warns at plan time that destroying a PREPAID instance does not release it.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() {
		return
	}
	var state instanceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if req.Plan.Raw.IsNull() {
		if state.ChargeType.ValueString() == zenlayer.BMCChargePrepaid {
			resp.Diagnostics.AddWarning(prepaidSummary(id),
				"Destroying this subscription (PREPAID) instance cancels its renewal only: it keeps running, and is billed, until "+
					"expired_time ("+state.ExpiredTime.ValueString()+"), when Zenlayer returns it.")
		}
		return
	}
	status := state.Status.ValueString()
	var why string
	switch status {
	case zenlayer.BMCStatusRecycling, zenlayer.BMCStatusRecycle:
		why = "is in the recycle bin: it was terminated outside Terraform. The plan replaces it; the destroy releases the old machine " +
			"(or leaves it in the bin with release_on_destroy = false)."
	case zenlayer.BMCStatusCreateFailed, zenlayer.BMCStatusInstallFailed:
		why = "failed to be created or installed. The plan replaces it."
	default:
		framework.PlanFinishCreate(ctx, req, resp, path.Root("status"))
		return
	}
	resp.Diagnostics.AddWarning(fmt.Sprintf("BMC instance (%s) is %s", id, status), fmt.Sprintf("Instance %s %s", id, why))
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.StringUnknown())...)
	resp.RequiresReplace = append(resp.RequiresReplace, path.Root("status"))
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan instanceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var password types.String // write-only: only in the configuration
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password"), &password)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, instanceCreateTimeout)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	in, d := plan.createRequest(ctx, password)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	tflog.Info(ctx, "creating BMC instance", map[string]any{
		"zone_id": in.ZoneID, "instance_type_id": in.InstanceTypeID, "image_id": in.ImageID, "charge_type": in.InstanceChargeType,
	})
	// The one create guard (internal/journal): the machine carries a create
	// token tag (API 2022-11-20 takes tags on CreateInstances and filters
	// DescribeInstances by them); a create whose answer is lost is looked up
	// by it, never sent again, and a create cut short is found by the next
	// run. The journal's hash of the arguments leaves the password out.
	hashed := in
	hashed.Password = ""
	res, err := journal.Create(ctx, journal.Spec{
		Kind: "bmc_instance", Label: "BMC instance", Scope: conn.Scope(), Args: hashed, Ambiguous: zenlayer.Ambiguous,
		Send: func(ctx context.Context, token string) ([]string, error) {
			in := in
			in.Tags = zenlayer.CreateTokenTags(token)
			tflog.Info(ctx, "ordering BMC instance", map[string]any{"zone_id": in.ZoneID, "create_token": token})
			return conn.CreateBMCInstances(ctx, in)
		},
		Lookup: conn.FindBMCInstancesByCreateToken,
		Hint:   zenlayer.CreateTokenHint,
	})
	defer res.Done()
	for _, w := range res.Warnings {
		resp.Diagnostics.AddWarning("The create journal is not kept", w)
	}
	ids := res.IDs
	if len(ids) > 0 {
		// Never lose a machine the cloud made: its id is in state before anything else can fail.
		plan.ID = types.StringValue(ids[0])
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), plan.Timeouts)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("release_on_destroy"), plan.ReleaseOnDestroy)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("instance_charge_type"), plan.ChargeType)...)
	}
	if err != nil {
		resp.Diagnostics.AddError("creating BMC instance", err.Error())
		return
	}
	id := ids[0]
	tflog.Info(ctx, "created BMC instance", map[string]any{"id": id})

	const kept = "\n\nThe instance exists, so it is kept in the state and marked tainted: the next apply destroys it " +
		"(a machine that failed to be created is deleted at once) and creates a new one."
	_, err = waitInstanceCreated(ctx, conn, id, timeout)
	if err != nil && framework.Interrupted(ctx) {
		// Ctrl-C while the machine is built: keep it, untainted; the next
		// apply finishes the create instead of ordering a new machine.
		if inst, ferr := framework.DetachedFind(ctx, conn.FindBMCInstance, id); ferr == nil {
			planned := plan.PowerState
			plan.fromAPI(ctx, inst, &resp.Diagnostics)
			plan.PowerState = planned
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
			framework.MarkCreateUnfinished(ctx, resp.Private, &resp.Diagnostics, "BMC instance", id, "being built ("+inst.InstanceStatus+")")
			return
		}
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("waiting for BMC instance (%s) to be created", id), err.Error()+kept)
		return
	}
	if plan.PowerState.ValueString() == PowerStopped {
		if err := powerInstance(ctx, conn, id, PowerStopped, timeout); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("stopping BMC instance (%s) after its creation", id), err.Error()+kept)
			return
		}
	}
	inst, err := conn.FindBMCInstance(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("reading BMC instance (%s) after its creation", id), err.Error())
		return
	}
	plan.fromAPI(ctx, inst, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state instanceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	id := state.ID.ValueString()
	inst, err := conn.ReadBMCInstance(ctx, id)
	if zenlayer.IsNotFound(err) || (err == nil && inst.InstanceStatus == zenlayer.BMCStatusReleasing) {
		status := ""
		if inst != nil {
			status = inst.InstanceStatus
		}
		tflog.Warn(ctx, "BMC instance not found or being released, removing it from state", map[string]any{"id": id, "status": status})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("reading BMC instance (%s)", id), err.Error())
		return
	}
	if inst.InstanceStatus == zenlayer.BMCStatusRecycle || inst.InstanceStatus == zenlayer.BMCStatusRecycling {
		// Kept so that a destroy releases it (and a plan replaces it).
		tflog.Warn(ctx, "BMC instance is in the recycle bin", map[string]any{"id": id, "status": inst.InstanceStatus})
	}
	state.fromAPI(ctx, inst, &resp.Diagnostics)
	if state.ReleaseOnDestroy.IsNull() {
		state.ReleaseOnDestroy = types.BoolValue(true) // after import
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *instanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state instanceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, instanceUpdateTimeout)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := state.ID.ValueString()

	if framework.CreateUnfinished(ctx, req.Private, &resp.Diagnostics) {
		// The create was interrupted while the machine was built: finish it.
		// What is true once it is built is the baseline of the steps below.
		tflog.Info(ctx, "finishing the interrupted create of BMC instance", map[string]any{"id": id})
		inst, err := waitInstanceCreated(ctx, conn, id, timeout)
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("waiting for BMC instance (%s) to be created", id), err.Error())
			return
		}
		state.fromAPI(ctx, inst, &resp.Diagnostics)
		framework.ClearCreateUnfinished(ctx, resp.Private, &resp.Diagnostics)
	}

	// cur is what is true in the cloud so far: each step that succeeds is
	// recorded in it, and it is saved even when a later step fails.
	cur := state
	cur.ReleaseOnDestroy, cur.Timeouts = plan.ReleaseOnDestroy, plan.Timeouts
	// Values the API never returns, adopted from the configuration (after an import).
	cur.SSHKeys, cur.PasswordWOVersion = plan.SSHKeys, plan.PasswordWOVersion
	fail := func(summary string, err error) {
		resp.Diagnostics.AddError(summary, err.Error())
		resp.Diagnostics.Append(resp.State.Set(ctx, &cur)...)
	}

	if !plan.Name.IsUnknown() && !plan.Name.Equal(state.Name) {
		tflog.Info(ctx, "renaming BMC instance", map[string]any{"id": id, "action": "ModifyInstancesAttribute"})
		if err := conn.RenameBMCInstances(ctx, plan.Name.ValueString(), id); err != nil {
			fail(fmt.Sprintf("renaming BMC instance (%s)", id), err)
			return
		}
		cur.Name = plan.Name
	}
	if want := plan.PowerState.ValueString(); want != state.PowerState.ValueString() {
		if err := powerInstance(ctx, conn, id, want, timeout); err != nil {
			fail(fmt.Sprintf("changing the power state of BMC instance (%s) to %s", id, want), err)
			return
		}
		cur.PowerState = plan.PowerState
	}

	inst, err := conn.FindBMCInstance(ctx, id)
	if err != nil {
		fail(fmt.Sprintf("reading BMC instance (%s) after update", id), err)
		return
	}
	plan.fromAPI(ctx, inst, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// powerInstance starts or stops an instance and waits for the new state.
// An instance already there (or on its way) is left as it is.
func powerInstance(ctx context.Context, conn *zenlayer.Client, id, want string, timeout time.Duration) error {
	target, from, action, call := zenlayer.BMCStatusRunning, zenlayer.BMCStatusStopped, "StartInstances", conn.StartBMCInstances
	if want == PowerStopped {
		target, from, action, call = zenlayer.BMCStatusStopped, zenlayer.BMCStatusRunning, "StopInstances", conn.StopBMCInstances
	}
	// Let a transition in progress (installing, booting, stopping) end first.
	inst, err := waitInstance(ctx, conn, id, "to settle", timeout,
		[]string{zenlayer.BMCStatusRunning, zenlayer.BMCStatusStopped}, nil,
		append([]string{zenlayer.BMCStatusCreateFailed, zenlayer.BMCStatusInstallFailed}, recycledStatuses...))
	if err != nil {
		return err
	}
	if inst.InstanceStatus == from {
		tflog.Info(ctx, "changing BMC instance power state", map[string]any{"id": id, "action": action, "to": want})
		if err := call(ctx, id); err != nil {
			return err
		}
	}
	_, err = waitInstancePower(ctx, conn, id, target, timeout)
	return err
}

func (r *instanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state instanceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, instanceDeleteTimeout)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	release := state.ReleaseOnDestroy.IsNull() || state.ReleaseOnDestroy.ValueBool()
	resp.Diagnostics.Append(deleteInstance(ctx, conn, state.ID.ValueString(), release, timeout)...)
}

func (r *instanceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

type instanceResourceModel struct {
	ID                 types.String   `tfsdk:"id"`
	ZoneID             types.String   `tfsdk:"zone_id"`
	InstanceTypeID     types.String   `tfsdk:"instance_type_id"`
	ImageID            types.String   `tfsdk:"image_id"`
	Name               types.String   `tfsdk:"name"`
	Hostname           types.String   `tfsdk:"hostname"`
	Password           types.String   `tfsdk:"password"`
	PasswordWOVersion  types.Int64    `tfsdk:"password_wo_version"`
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
	ResourceGroupID    types.String   `tfsdk:"resource_group_id"`
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
		Amount:             1,
		Password:           password.ValueString(),
	}
	if known(m.Name) {
		in.InstanceName = m.Name.ValueString()
	}
	if known(m.Hostname) {
		in.Hostname = m.Hostname.ValueString()
	}
	if known(m.ResourceGroupID) {
		in.ResourceGroupID = m.ResourceGroupID.ValueString()
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
	if known(m.RaidType) {
		raid := int(m.RaidType.ValueInt64())
		in.RaidConfig = &zenlayer.BMCRaidConfig{RaidType: &raid}
	}
	if known(m.NicWanName) || known(m.NicLanName) {
		in.Nic = &zenlayer.BMCNic{}
		if known(m.NicWanName) {
			in.Nic.WanName = m.NicWanName.ValueString()
		}
		if known(m.NicLanName) {
			in.Nic.LanName = m.NicLanName.ValueString()
		}
	}
	if known(m.SSHKeys) {
		diags.Append(m.SSHKeys.ElementsAs(ctx, &in.SSHKeys, false)...)
		slices.Sort(in.SSHKeys)
	}
	return in, diags
}

// fromAPI records what the API reports. Values the API never returns
// (password, ssh_keys, password_wo_version) are left as they are.
func (m *instanceResourceModel) fromAPI(ctx context.Context, inst *zenlayer.BMCInstance, diags *diag.Diagnostics) {
	m.ID = types.StringValue(inst.InstanceID)
	m.ZoneID = types.StringValue(inst.ZoneID)
	m.InstanceTypeID = types.StringValue(inst.InstanceTypeID)
	m.ImageID = optionalString(inst.ImageID)
	m.Name = types.StringValue(inst.InstanceName)
	m.Hostname = types.StringValue(inst.Hostname)
	m.Password = types.StringNull()
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
	m.NicWanName, m.NicLanName = types.StringNull(), types.StringNull()
	if inst.Nic != nil {
		m.NicWanName, m.NicLanName = optionalString(inst.Nic.WanName), optionalString(inst.Nic.LanName)
	}
	m.ResourceGroupID = types.StringValue(inst.ResourceGroupID)
	switch inst.InstanceStatus {
	case zenlayer.BMCStatusRunning, zenlayer.BMCStatusBooting:
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
	m.PublicIPv4s = stringList(ctx, inst.PublicIPAddresses, diags)
	m.PrivateIPs = stringList(ctx, inst.PrivateIPAddresses, diags)
	m.IPv6s = stringList(ctx, inst.IPv6Addresses, diags)
	m.CreateTime = types.StringValue(inst.CreateTime)
	m.ExpiredTime = optionalString(inst.ExpiredTime)
	m.AutoRenew = types.BoolValue(inst.AutoRenew)
}

type maybeKnown interface {
	IsNull() bool
	IsUnknown() bool
}

// known reports whether a plan value is set and known.
func known(v maybeKnown) bool { return !v.IsNull() && !v.IsUnknown() }

func stringList(ctx context.Context, values []string, diags *diag.Diagnostics) types.List {
	if values == nil {
		values = []string{}
	}
	l, d := types.ListValueFrom(ctx, types.StringType, values)
	diags.Append(d...)
	return l
}

// optionalString maps the API's empty string to null, for optional attributes.
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// passwordSpecials are the special characters a BMC password may hold.
const passwordSpecials = "~!@$^*-_=+" // #nosec G101 -- the characters a password may hold, not a credential

// passwordValidator checks the CreateInstances password policy at plan time.
type passwordValidator struct{}

func (passwordValidator) Description(context.Context) string {
	return "8 to 16 characters with upper and lower case letters, digits and one of " + passwordSpecials + ", nothing else"
}

func (v passwordValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v passwordValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if !ValidPassword(req.ConfigValue.ValueString()) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid BMC password",
			"The password must be "+v.Description(ctx)+" (the API answers INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED otherwise).")
	}
}

// ValidPassword reports whether pw meets the CreateInstances password policy.
func ValidPassword(pw string) bool {
	var upper, lower, digit, special bool
	for _, r := range pw {
		switch {
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(passwordSpecials, r):
			special = true
		default:
			return false
		}
	}
	return len(pw) >= 8 && len(pw) <= 16 && upper && lower && digit && special
}
