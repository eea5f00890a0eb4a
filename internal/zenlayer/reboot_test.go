package zenlayer_test

import (
	"context"
	"errors"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// A reboot whose answer is lost is sent once: the instance is read back,
// and a status other than RUNNING says the reboot took effect.
func TestRebootAnswerLost(t *testing.T) {
	emu, c := recycleBinClient(t, cutAfter("zec.RebootInstances"), cutAfter("bmc.RebootInstances"))
	ctx := context.Background()

	zec := emu.AddZECInstance("asia-east-1a", "web")
	if err := c.RebootZECInstance(ctx, zec); err != nil {
		t.Errorf("ZEC: %v, want success (the reboot took effect)", err)
	}
	bmc := emu.AddBMCInstance("SEL-A", "metal")
	if err := c.RebootBMCInstance(ctx, bmc); err != nil {
		t.Errorf("BMC: %v, want success (the reboot took effect)", err)
	}
	for _, action := range []string{"zec.RebootInstances", "bmc.RebootInstances"} {
		if n := emu.CallCount(action); n != 1 {
			t.Errorf("%s carried out %d times, want once", action, n)
		}
	}
}

// A reboot whose answer is lost while the instance reads back RUNNING
// (here: the emulator refused it before cutting the connection, as a
// gateway that fails after the backend answered could) is not sent again:
// its outcome is unknown.
func TestRebootOutcomeUnknown(t *testing.T) {
	emu, c := recycleBinClient(t, cutAfter("zec.RebootInstances"))
	id := emu.AddZECInstance("asia-east-1a", "web")
	emu.FailZECInstanceOnce("RebootInstances", id)
	err := c.RebootZECInstance(context.Background(), id)
	var ue *zenlayer.RebootOutcomeUnknownError
	if !errors.As(err, &ue) || ue.Status != zenlayer.InstanceStatusRunning {
		t.Fatalf("got %v, want a RebootOutcomeUnknownError with the instance RUNNING", err)
	}
	if n := emu.CallCount("zec.RebootInstances"); n != 1 {
		t.Errorf("RebootInstances carried out %d times, want once", n)
	}
	if v, _ := emu.ZECInstance(id); v.Status != zenlayer.InstanceStatusRunning {
		t.Errorf("the instance is %s, want RUNNING", v.Status)
	}
}
