package bmc

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
)

// planInPlace is ModifyPlan's part for the changes made in place: it warns
// that a reinstall wipes the disks, refuses at plan time what the API
// refuses on a machine that stays stopped, and marks what the apply will
// change (the private addresses, with a new subnet).
func planInPlace(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, state *instanceResourceModel) {
	var plan, config instanceResourceModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	// A fast RAID replaces a custom layout that the configuration leaves out.
	if config.CustomRaids.IsNull() && !plan.RaidType.IsNull() && !plan.CustomRaids.IsNull() {
		plan.CustomRaids = types.ListNull(types.ObjectType{AttrTypes: customRaidAttrTypes})
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("custom_raids"), plan.CustomRaids)...)
	}
	reinstall := reinstallChanges(&plan, state, framework.Imported(ctx, req.Private))
	sent := framework.StepMarkOf(ctx, req.Private, stepReinstall, plan.installDigest())
	switch {
	case len(reinstall) > 0 && sent.Accepted:
		resp.Diagnostics.AddWarning(fmt.Sprintf("BMC instance (%s): its reinstall was sent already, and is not sent again", id),
			"A run whose provider was killed had sent the reinstall of "+strings.Join(reinstall, ", ")+" (ReinstallInstance) "+
				"with the values of this plan. The apply waits for that installation to finish instead of wiping the disks a "+
				"second time, then returns the machine to its power_state.")
	case len(reinstall) > 0 && sent.Unanswered:
		resp.Diagnostics.AddWarning(fmt.Sprintf("BMC instance (%s): its reinstall may have been sent already; the apply reads the machine first", id),
			"A run whose provider was killed was sending the reinstall of "+strings.Join(reinstall, ", ")+" (ReinstallInstance) "+
				"with the values of this plan, and never read the answer. The apply reads the machine: if it is installing, or "+
				"shows an installation other than the one it had, the apply waits for that installation instead of wiping the "+
				"disks a second time. Otherwise it reinstalls the machine, and everything on its disks is lost.")
	case len(reinstall) > 0:
		resp.Diagnostics.AddWarning(fmt.Sprintf("BMC instance (%s) will be reinstalled: its disks are wiped", id),
			"Changing "+strings.Join(reinstall, ", ")+" reinstalls the operating system of this machine in place "+
				"(ReinstallInstance): the same hardware keeps its id and addresses, but everything on its disks is lost. The apply "+
				"waits for the installation to finish, then returns the machine to its power_state.")
	}
	if !plan.SubnetID.Equal(state.SubnetID) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("private_ip_addresses"), types.ListUnknown(types.StringType))...)
	}
	stopped := state.PowerState.ValueString() == PowerStopped && plan.PowerState.ValueString() == PowerStopped
	if stopped && len(reinstall) == 0 {
		joins := !plan.SubnetID.IsNull() && !plan.SubnetID.Equal(state.SubnetID)
		if bw := !plan.Bandwidth.IsUnknown() && !plan.Bandwidth.Equal(state.Bandwidth); bw || joins {
			what := "internet_max_bandwidth_out"
			if joins {
				what = "subnet_id"
			}
			resp.Diagnostics.AddAttributeError(path.Root(what), "A stopped BMC instance cannot change "+what,
				"The API changes the bandwidth (ModifyInstanceBandwidth) and puts a machine in a subnet (AssociateSubnetInstances) "+
					"only while it is RUNNING. Set power_state = \"running\" for this apply (and back to \"stopped\" afterwards).")
		}
	}
}

// reinstallChanges names the installation arguments whose planned value
// differs from the state (an unknown one counts): any of them reinstalls
// the machine. Of an imported machine, the arguments the API never
// reports are adopted, not installed.
func reinstallChanges(plan, state *instanceResourceModel, imported bool) []string {
	var changed []string
	add := func(name string, p, s attr.Value) {
		if p.IsUnknown() || !p.Equal(s) {
			changed = append(changed, name)
		}
	}
	add("image_id", plan.ImageID, state.ImageID)
	add("hostname", plan.Hostname, state.Hostname)
	add("raid_type", plan.RaidType, state.RaidType)
	add("custom_raids", plan.CustomRaids, state.CustomRaids)
	add("partitions", plan.Partitions, state.Partitions)
	add("nic_wan_name", plan.NicWanName, state.NicWanName)
	add("nic_lan_name", plan.NicLanName, state.NicLanName)
	if !imported {
		add("password_wo_version", plan.PasswordWOVersion, state.PasswordWOVersion)
		add("key_id", plan.KeyID, state.KeyID)
		add("ssh_keys", plan.SSHKeys, state.SSHKeys)
		add("user_data", plan.UserData, state.UserData)
	}
	return changed
}
