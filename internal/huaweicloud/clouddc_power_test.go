package huaweicloud_test

import (
	"context"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// ChangeServerPowerState on the server of an instance: power off, power
// on and rebooting move the instance through the API's states; an unknown
// server is the API's not-found error.
func TestClient_changeServerPowerState(t *testing.T) {
	emu := startEmulator(t, emulator.Options{})
	c := newClient(t, emu, huaweicloud.AuthAKSK)
	ctx := context.Background()
	id := emu.AddCloudDCInstance("power")
	inst, err := c.FindInstance(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct{ action, want string }{
		{huaweicloud.PowerOff, huaweicloud.StateStopped},
		{huaweicloud.PowerOn, huaweicloud.StateRunning},
		{huaweicloud.Rebooting, huaweicloud.StateRunning},
	} {
		if err := c.ChangeServerPowerState(ctx, step.action, inst.ServerID); err != nil {
			t.Fatalf("%s: %v", step.action, err)
		}
		waitState(t, c, id, step.want)
	}
	if n := emu.CallCount("clouddc.ChangeServerPowerState"); n != 3 {
		t.Errorf("ChangeServerPowerState carried out %d times, want 3", n)
	}
	if err := c.ChangeServerPowerState(ctx, huaweicloud.PowerOn, "no-such-server"); err == nil {
		t.Error("an unknown server: no error")
	}
	if err := c.ChangeServerPowerState(ctx, "hibernate", inst.ServerID); err == nil {
		t.Error("an unknown action: no error")
	}
}
