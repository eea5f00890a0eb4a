package zec

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

var _ resource.ResourceWithUpgradeState = &instanceResource{}

// instanceAttributesAddedInV1 are the attributes schema version 1 added;
// a state of version 0 has none of them, and gets them null: the refresh
// that follows sets those the API reports (enable_agent,
// enable_ip_forwarding, nested_virtualization, lan_ip).
var instanceAttributesAddedInV1 = []string{"password_wo", "password_wo_version", "user_data", "enable_agent", "enable_ip_forwarding",
	"nested_virtualization", "lan_ip", "public_network"}

// UpgradeState upgrades the state of schema version 0, whose write-only
// login password was "password", to version 1, where it is "password_wo"
// (HashiCorp's naming of write-only arguments) with "password_wo_version".
// A write-only attribute is always null in the state, so nothing is lost:
// "password" is dropped and the new attributes are null.
func (r *instanceResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{
		0: {StateUpgrader: func(_ context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
			if req.RawState == nil {
				resp.Diagnostics.AddError("upgrading the state of a ZEC instance", "the prior state is missing")
				return
			}
			upgraded, err := upgradeInstanceStateV0(req.RawState.JSON)
			if err != nil {
				resp.Diagnostics.AddError("upgrading the state of a ZEC instance from schema version 0", err.Error())
				return
			}
			resp.DynamicValue = &tfprotov6.DynamicValue{JSON: upgraded}
		}},
	}
}

// upgradeInstanceStateV0 is the JSON of a version 0 state as version 1.
func upgradeInstanceStateV0(raw []byte) ([]byte, error) {
	var state map[string]json.RawMessage
	if err := json.Unmarshal(raw, &state); err != nil {
		return nil, fmt.Errorf("the prior state is not a JSON object: %w", err)
	}
	// Never copy it: a write-only value has no place in the state (it was null).
	delete(state, "password")
	for _, name := range instanceAttributesAddedInV1 {
		if _, ok := state[name]; !ok {
			state[name] = json.RawMessage("null")
		}
	}
	return json.Marshal(state)
}
