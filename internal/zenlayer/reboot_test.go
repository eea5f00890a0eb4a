package zenlayer_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
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

// Ctrl-C while ReinstallInstance is on its way: the call's context ends
// before its answer, and the server carries it out. The reinstall is
// confirmed all the same (the instance is read on a context of its own),
// so that the run saves it, and the next one does not wipe the machine a
// second time.
func TestReinstallInterruptedInFlight(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{Durations: emulator.Durations{BMCInstall: time.Minute}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = emu.Close() }()
	c, err := zenlayer.New(zenlayer.Config{AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http"})
	if err != nil {
		t.Fatal(err)
	}
	id := emu.AddBMCInstance("SEL-A", "metal")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	emu.OnceBefore("bmc.ReinstallInstance", func() { cancel(); time.Sleep(100 * time.Millisecond) })
	err = c.ReinstallBMCInstance(ctx, zenlayer.ReinstallBMCInstanceRequest{InstanceID: id, SSHKeys: []string{"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIReinstall t@example"}})
	if err != nil {
		t.Fatalf("got %v, want the reinstall confirmed (the server carried it out)", err)
	}
	if v, _ := emu.BMCInstance(id); v.Status != zenlayer.BMCStatusInstalling || emu.CallCount("bmc.ReinstallInstance") != 1 {
		t.Fatalf("instance %s, %d reinstalls; want INSTALLING after one", v.Status, emu.CallCount("bmc.ReinstallInstance"))
	}
}
