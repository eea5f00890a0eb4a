package bmc

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

var _ resource.ResourceWithUpgradeState = &instanceResource{}

// UpgradeState upgrades the state of schema version 0, whose write-only
// password was called password (HashiCorp's naming rule for write-only
// secrets is a _wo suffix, paired with a _wo_version), and which had no
// user_data, partitions nor custom_raids.
func (r *instanceResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{0: {StateUpgrader: upgradeInstanceV0}}
}

// upgradeInstanceV0 renames password to password_wo and adds the new
// arguments, null. A write-only attribute is always null in the state, so
// nothing is lost; no API call is made (the next refresh reads the machine,
// partitions and RAID layout included).
func upgradeInstanceV0(_ context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
	if req.RawState == nil {
		resp.Diagnostics.AddError("upgrading the state of a BMC instance", "the state of schema version 0 is missing")
		return
	}
	var attrs map[string]json.RawMessage
	if err := json.Unmarshal(req.RawState.JSON, &attrs); err != nil {
		resp.Diagnostics.AddError("upgrading the state of a BMC instance", "the state of schema version 0 cannot be read: "+err.Error())
		return
	}
	null := json.RawMessage("null")
	delete(attrs, "password")
	for _, name := range []string{"password_wo", "user_data", "partitions", "custom_raids"} {
		if _, ok := attrs[name]; !ok {
			attrs[name] = null
		}
	}
	b, err := json.Marshal(attrs)
	if err != nil {
		resp.Diagnostics.AddError("upgrading the state of a BMC instance", err.Error())
		return
	}
	resp.DynamicValue = &tfprotov6.DynamicValue{JSON: b}
}
