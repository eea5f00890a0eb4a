package zec

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// An instance still being created reads as running, what its creation ends
// in, whatever the state said: a create cut short whose private mark is
// lost (Terraform drops it when the provider dies mid-update) must still
// plan the stop a configuration that wants it stopped asks for. Other
// transitional statuses keep the state's value.
func TestPowerStateOfAnInstanceBeingCreated(t *testing.T) {
	for status, want := range map[string]string{
		zenlayer.InstanceStatusPending: PowerStateRunning, zenlayer.InstanceStatusDeploying: PowerStateRunning,
		zenlayer.InstanceStatusRunning: PowerStateRunning, zenlayer.InstanceStatusStarting: PowerStateRunning, zenlayer.InstanceStatusBooting: PowerStateRunning,
		zenlayer.InstanceStatusStopped: PowerStateStopped, zenlayer.InstanceStatusStopping: PowerStateStopped,
		zenlayer.InstanceStatusRebuilding: PowerStateStopped, zenlayer.InstanceStatusCreateFailed: PowerStateStopped,
	} {
		if got := powerStateOf(status, types.StringValue(PowerStateStopped)).ValueString(); got != want {
			t.Errorf("%s with a stopped state: power_state %q, want %q", status, got, want)
		}
	}
}
