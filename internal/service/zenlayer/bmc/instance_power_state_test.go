package bmc

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// A machine still being built reads as running, what its build ends in,
// whatever the state said: a create cut short whose private mark is lost
// (Terraform drops it when the provider dies mid-update) must still plan
// the power-off a configuration that wants the machine stopped asks for.
// Settled and stopping machines read as they are; other statuses keep the
// state's value (here stopped). Every status the client knows is tried.
func TestPowerStateOfAMachineBeingBuilt(t *testing.T) {
	running := []string{zenlayer.BMCStatusPending, zenlayer.BMCStatusCreating, zenlayer.BMCStatusInstalling, zenlayer.BMCStatusRunning, zenlayer.BMCStatusBooting}
	for _, status := range zenlayer.BMCStatuses {
		want := PowerStopped // the state's, or stopping
		if slices.Contains(running, status) {
			want = PowerRunning
		}
		m := instanceResourceModel{PowerState: types.StringValue(PowerStopped)}
		var diags diag.Diagnostics
		m.fromAPI(context.Background(), &zenlayer.BMCInstance{InstanceID: "1", InstanceStatus: status}, &diags)
		if got := m.PowerState.ValueString(); got != want || diags.HasError() {
			t.Errorf("%s with a stopped state: power_state %q, want %q (%v)", status, got, want, diags)
		}
	}
}
