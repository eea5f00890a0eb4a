package clouddc

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// power_state and tags of the instance. CloudDC powers a physical server,
// not an instance (ChangeServerPowerState on the instance's server_id):
// the instance goes stopping → stopped, or back to running. The API tags
// physical servers only (BatchCreateTags / BatchDeleteTags with
// resource_type physicalservers); an instance reports its server's tags,
// so the instance's tags are set on its server, and removed from it when
// the instance is destroyed.

// The values of power_state.
const (
	powerRunning = "running"
	powerStopped = "stopped"
)

func powerStateAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		Computed: true,
		Default:  stringdefault.StaticString(powerRunning),
		MarkdownDescription: "`running` (default) or `stopped`. Changed in place by powering the instance's physical server on or off " +
			"(ChangeServerPowerState), waiting until the instance is `running` or `stopped`. An instance stopped outside Terraform shows " +
			"as a change back to `running`. IP, image and password changes need a running instance: they are refused while the instance " +
			"is and stays `stopped`.",
		Validators: []validator.String{stringvalidator.OneOf(powerRunning, powerStopped)},
	}
}

func tagsAttribute() schema.MapAttribute {
	a := framework.TagsAttribute("instance's physical server", huaweicloud.CreateTokenMetadataKey)
	a.MarkdownDescription = "Tags, merged over the provider's `huaweicloud.default_tags` (a key set here wins); changed in place. " +
		"CloudDC tags physical servers, not instances (BatchCreateTags, resource type `physicalservers`): these tags are set on the " +
		"instance's server, which carries exactly `tags_all` while the instance exists (other tags found on the server are removed), " +
		"and they are removed from the server when the instance is destroyed. Keys are at most 128 characters, values at most 255."
	a.Validators = append(a.Validators, mapvalidator.ValueStringsAre(stringvalidator.LengthAtMost(huaweicloud.MaxTagValueLength)))
	return a
}

// powerStateOf is the power_state of an instance state: stopped while it
// is stopped or stopping, running otherwise (an operation in progress or a
// failure is not a power state).
func powerStateOf(state string) string {
	if state == huaweicloud.StateStopped || state == huaweicloud.StateStopping {
		return powerStopped
	}
	return powerRunning
}

// setTags sets tags and tags_all from the instance's tags, with the
// provider's default_tags (nil: none known).
func (m *instanceResourceModel) setTags(inst *huaweicloud.Instance, defaults map[string]string) {
	m.Tags, m.TagsAll = framework.TagsFromAPI(huaweicloud.TagMap(inst.Tags), m.Tags, defaults, huaweicloud.CreateTokenMetadataKey)
}

// syncTags makes the server of inst carry exactly want: it sets the tags
// that are missing or differ, then removes the others.
func syncTags(ctx context.Context, conn *huaweicloud.Client, inst *huaweicloud.Instance, want map[string]string) error {
	set, remove := framework.TagChanges(huaweicloud.TagMap(inst.Tags), want)
	if len(set) == 0 && len(remove) == 0 {
		return nil
	}
	tflog.Info(ctx, "setting the tags of CloudDC instance's server", map[string]any{"id": inst.ID, "server_id": inst.ServerID,
		"set": framework.DescribeTags(set), "remove": strings.Join(remove, ",")})
	if err := conn.CreateServerTags(ctx, inst.ServerID, set); err != nil {
		return err
	}
	return conn.DeleteServerTags(ctx, inst.ServerID, remove...)
}

// setPower powers the instance's server on (running) or off (stopped) and
// waits until the instance is in that state.
func setPower(ctx context.Context, conn *huaweicloud.Client, id, serverID, want string, timeout time.Duration) error {
	action, target := huaweicloud.PowerOn, huaweicloud.StateRunning
	if want == powerStopped {
		action, target = huaweicloud.PowerOff, huaweicloud.StateStopped
	}
	// An operation in progress (the provisioning of an instance whose
	// create was cut short, a reinstall, a stop) ends first: a power
	// change sent meanwhile may not be carried out, and the wait below
	// would then last until the timeout.
	st, err := waitInstance(ctx, conn, id, "to be running or stopped before its power state is changed", timeout,
		huaweicloud.StateRunning, huaweicloud.StateStopped)
	if err != nil {
		return err
	}
	if st.State == target {
		return nil
	}
	tflog.Info(ctx, "changing the power state of CloudDC instance", map[string]any{"id": id, "server_id": serverID, "action": action})
	if err := conn.ChangeServerPowerState(ctx, action, serverID); err != nil {
		return err
	}
	_, err = waitInstance(ctx, conn, id, "to be "+target, timeout, target)
	return err
}

// needsRunning names the planned changes that need a running instance
// (the documents' prerequisite of ModifyInstanceIp, ReinstallOs and
// ChangeInstancePassword), or nil.
func needsRunning(netChange, imageChange, passwordChange bool) []string {
	var out []string
	if netChange {
		out = append(out, "the network change (vpc_id, network_interfaces: ModifyInstanceIp)")
	}
	if imageChange {
		out = append(out, "the reinstallation (image_id: ReinstallOs)")
	}
	if passwordChange {
		out = append(out, "the password change (password_wo_version: ChangeInstancePassword)")
	}
	return out
}

// stoppedError is the error of changes that need a running instance on one
// that stays stopped.
func stoppedError(id string, changes []string) string {
	return fmt.Sprintf("CloudDC instance %s is stopped and power_state keeps it stopped, but %s need(s) a running instance: the API "+
		"refuses them on a stopped one. Set power_state = \"running\" (the instance is started first, then changed; set it back to "+
		"\"stopped\" afterwards if you wish), or leave these arguments unchanged.", id, strings.Join(changes, " and "))
}

// planPowerAndTags is the part of ModifyPlan for power_state and tags:
// tags_all from the plan's tags and the provider's default_tags, and the
// plan-time refusal of changes that need a running instance on one that
// is and stays stopped.
func (r *instanceResource) planPowerAndTags(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse,
	plan instanceResourceModel, state *instanceResourceModel, netChange bool,
) {
	var defaults map[string]string
	if r.Client != nil {
		defaults = r.Client.HuaweiCloudDefaultTags
	}
	framework.PlanTagsAll(ctx, req, resp, defaults, r.Client != nil)
	if state == nil || state.PowerState.ValueString() != powerStopped || plan.PowerState.ValueString() != powerStopped {
		return
	}
	imported := framework.Imported(ctx, req.Private)
	changes := needsRunning(netChange, !plan.ImageID.IsUnknown() && !plan.ImageID.Equal(state.ImageID),
		!imported && !plan.PasswordWOVersion.Equal(state.PasswordWOVersion))
	if len(changes) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("power_state"), "The CloudDC instance is stopped", stoppedError(state.ID.ValueString(), changes))
	}
}

// defaultTags are the provider's huaweicloud.default_tags.
func (r *instanceResource) defaultTags() map[string]string {
	if r.Client == nil {
		return nil
	}
	return r.Client.HuaweiCloudDefaultTags
}

// finishCreate gives a new, running instance its tags and power state,
// and sets the model from what the API then reports.
func (r *instanceResource) finishCreate(ctx context.Context, conn *huaweicloud.Client, plan *instanceResourceModel, inst *huaweicloud.Instance, timeout time.Duration) error {
	var diags diag.Diagnostics
	want := framework.KnownStringMap(ctx, plan.TagsAll, &diags)
	if diags.HasError() {
		return fmt.Errorf("tags_all: %v", diags)
	}
	if err := syncTags(ctx, conn, inst, want); err != nil {
		return fmt.Errorf("setting the tags of its server %s: %w", inst.ServerID, err)
	}
	// Powered off as configured; or on, when an earlier run's instance
	// adopted here had been powered off.
	if want := plan.PowerState.ValueString(); want != powerStateOf(inst.State) {
		if err := setPower(ctx, conn, inst.ID, inst.ServerID, want, timeout); err != nil {
			return fmt.Errorf("powering it %s: %w", map[string]string{powerStopped: "off", powerRunning: "on"}[want], err)
		}
	}
	got, err := conn.FindInstance(ctx, inst.ID)
	if err != nil {
		return err
	}
	if d := plan.fromAPI(got); d.HasError() {
		return fmt.Errorf("%v", d)
	}
	plan.setTags(got, r.defaultTags())
	return nil
}

// powerBeforeUpdate is the first step of an Update: it reads the
// instance's state when the plan changes something that needs it running;
// if it is stopped it is started when power_state is to be running, and
// the update fails at once, saying what to do, when it is to stay
// stopped. It reports whether the Update goes on.
func (r *instanceResource) powerBeforeUpdate(ctx context.Context, conn *huaweicloud.Client, plan, state instanceResourceModel, imported bool,
	done *framework.Partial[instanceResourceModel], timeout time.Duration,
) bool {
	id := state.ID.ValueString()
	changes := needsRunning(!plan.VpcID.Equal(state.VpcID) || !plan.NetworkInterfaces.Equal(state.NetworkInterfaces),
		!plan.ImageID.Equal(state.ImageID), !imported && !plan.PasswordWOVersion.Equal(state.PasswordWOVersion))
	wantRunning := plan.PowerState.ValueString() == powerRunning
	if len(changes) == 0 && (!wantRunning || state.PowerState.ValueString() != powerStopped) {
		return true
	}
	_, status, err := waitDeletable(ctx, conn, id, timeout) // an operation in progress ends first
	if err != nil {
		done.Fail(fmt.Sprintf("reading the state of CloudDC instance (%s)", id), err)
		return false
	}
	if status != huaweicloud.StateStopped {
		return true
	}
	if !wantRunning && len(changes) > 0 {
		done.Fail(fmt.Sprintf("updating CloudDC instance (%s)", id), errors.New(stoppedError(id, changes)))
		return false
	}
	if !wantRunning {
		return true
	}
	if err := setPower(ctx, conn, id, state.ServerID.ValueString(), powerRunning, timeout); err != nil {
		done.Fail(fmt.Sprintf("starting CloudDC instance (%s)", id), withStateHint(err))
		return false
	}
	done.Cur.PowerState = plan.PowerState
	return true
}

// tagsAndPowerAfterUpdate is the last step of an Update: the server's tags
// become tags_all, and the instance is stopped if power_state says so.
func (r *instanceResource) tagsAndPowerAfterUpdate(ctx context.Context, conn *huaweicloud.Client, plan instanceResourceModel, inst *huaweicloud.Instance,
	done *framework.Partial[instanceResourceModel], timeout time.Duration,
) bool {
	var diags diag.Diagnostics
	want := framework.KnownStringMap(ctx, plan.TagsAll, &diags)
	if diags.HasError() {
		done.Fail(fmt.Sprintf("updating the tags of CloudDC instance (%s)", inst.ID), fmt.Errorf("tags_all: %v", diags))
		return false
	}
	if err := syncTags(ctx, conn, inst, want); err != nil {
		done.Fail(fmt.Sprintf("updating the tags of CloudDC instance (%s) on its server %s", inst.ID, inst.ServerID), err)
		return false
	}
	done.Cur.Tags, done.Cur.TagsAll = plan.Tags, plan.TagsAll
	if plan.PowerState.ValueString() == powerStopped && powerStateOf(inst.State) != powerStopped {
		if err := setPower(ctx, conn, inst.ID, inst.ServerID, powerStopped, timeout); err != nil {
			done.Fail(fmt.Sprintf("stopping CloudDC instance (%s)", inst.ID), withStateHint(err))
			return false
		}
	}
	done.Cur.PowerState = plan.PowerState
	return true
}

// removeServerTags removes the instance's tags_all from its server once
// the instance is deleted, so that the next instance on the server does
// not inherit them; a failure is a warning (the instance is gone).
func removeServerTags(ctx context.Context, conn *huaweicloud.Client, state instanceResourceModel, diags *diag.Diagnostics) {
	var d diag.Diagnostics
	tags := framework.KnownStringMap(ctx, state.TagsAll, &d)
	if len(tags) == 0 || state.ServerID.ValueString() == "" {
		return
	}
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	if err := conn.DeleteServerTags(ctx, state.ServerID.ValueString(), keys...); err != nil && !huaweicloud.IsNotFound(err) {
		diags.AddWarning(fmt.Sprintf("CloudDC instance (%s) is deleted, but its tags are left on server %s", state.ID.ValueString(), state.ServerID.ValueString()),
			"Removing the tags "+strings.Join(keys, ", ")+" from the physical server failed: "+err.Error()+". Remove them with BatchDeleteTags or the console.")
	}
}
