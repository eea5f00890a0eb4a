package bmc

import (
	"context"
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
// state's value.
func TestPowerStateOfAMachineBeingBuilt(t *testing.T) {
	for status, want := range map[string]string{
		zenlayer.BMCStatusPending: PowerRunning, zenlayer.BMCStatusCreating: PowerRunning, zenlayer.BMCStatusInstalling: PowerRunning,
		zenlayer.BMCStatusRunning: PowerRunning, zenlayer.BMCStatusBooting: PowerRunning,
		zenlayer.BMCStatusStopped: PowerStopped, zenlayer.BMCStatusStopping: PowerStopped,
		zenlayer.BMCStatusInstallFailed: PowerStopped, zenlayer.BMCStatusRecycle: PowerStopped,
	} {
		m := instanceResourceModel{PowerState: types.StringValue(PowerStopped)}
		var diags diag.Diagnostics
		m.fromAPI(context.Background(), &zenlayer.BMCInstance{InstanceID: "1", InstanceStatus: status}, &diags)
		if got := m.PowerState.ValueString(); got != want || diags.HasError() {
			t.Errorf("%s with a stopped state: power_state %q, want %q (%v)", status, got, want, diags)
		}
	}
}
