package emulator

import (
	"context"
	"net/http"
	"testing"
)

// ZEC RebootInstances: RUNNING → REBOOT → RUNNING; any other status is
// refused like StartInstances refuses it.
func TestZECRebootInstances(t *testing.T) {
	f := startZECFixture(t, Options{})
	ctx := context.Background()
	id := f.running()
	if err := f.c.RebootZECInstance(ctx, id); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(id, "REBOOT")
	wantCode(t, f.c.RebootZECInstance(ctx, id), http.StatusBadRequest, "OPERATION_DENIED_INSTANCE_IN_OPERATION")
	f.clock.Advance(f.d.InstanceStop + f.d.InstanceStart)
	f.wantStatus(id, "RUNNING")

	wantCode(t, f.c.RebootZECInstance(ctx, f.stopped()), http.StatusBadRequest, "UNSUPPORTED_OPERATION_INSTANCE_STATUS")
	wantCode(t, f.c.RebootZECInstance(ctx, "zec-nope"), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
}

// BMC RebootInstances: RUNNING or STOPPED → BOOTING → RUNNING, all or nothing.
func TestBMCRebootInstances(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	id := h.running(bmcBasicReq())
	if err := h.c.RebootBMCInstance(ctx, id); err != nil {
		t.Fatal(err)
	}
	h.wantStatus(id, "BOOTING")
	bmcWantCode(t, h.c.RebootBMCInstance(ctx, id), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_NOT_RUNNING")
	h.clock.Add(bmcTestDurations.BMCStop + bmcTestDurations.BMCStart)
	h.wantStatus(id, "RUNNING")

	if err := h.c.StopBMCInstances(ctx, id); err != nil {
		t.Fatal(err)
	}
	h.clock.Add(bmcTestDurations.BMCStop)
	h.wantStatus(id, "STOPPED")
	if err := h.c.RebootBMCInstance(ctx, id); err != nil {
		t.Fatalf("a STOPPED instance reboots: %v", err)
	}
	h.wantStatus(id, "BOOTING")
	h.clock.Add(bmcTestDurations.BMCStop + bmcTestDurations.BMCStart)
	h.wantStatus(id, "RUNNING")

	bmcWantCode(t, h.call("RebootInstances", map[string]any{"instanceIds": []string{id, "404"}}), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
	h.wantStatus(id, "RUNNING") // all or nothing
}
