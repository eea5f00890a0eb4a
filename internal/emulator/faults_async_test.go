package emulator

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// asyncFailEntries are the "fault.async-fail" log entries.
func asyncFailEntries(s *Server) []LogEntry {
	var out []LogEntry
	for _, e := range s.Log() {
		if e.API == "fault" && e.Action == string(FaultAsyncFail) {
			out = append(out, e)
		}
	}
	return out
}

// An async-fail fault lets CreateZecInstances succeed and ends every
// instance it made in CREATE_FAILED; one fault per request, counted once,
// logged with the ids; other requests never draw it; the failed instances
// are still released.
func TestFaultAsyncFailZEC(t *testing.T) {
	f := startZECFixture(t, Options{Faults: []FaultRule{{Kind: FaultAsyncFail, Rate: 1}}})
	ids := f.create(zenlayer.CreateZecInstancesRequest{InstanceCount: 2, InstanceName: "af-[1,1]"})
	f.wantStatus(ids[0], "PENDING")
	f.clock.Advance(f.d.InstanceCreate)
	for _, id := range ids {
		f.wantStatus(id, "CREATE_FAILED")
	}
	if got := f.s.FaultCounts(); got[FaultAsyncFail] != 1 || len(got) != 1 {
		t.Fatalf("fault counts %v, want one async-fail (the describes draw none)", got)
	}
	entries := asyncFailEntries(f.s)
	if len(entries) != 1 || !slices.Equal(entries[0].IDs, ids) || entries[0].Message != "zec.CreateZecInstances" {
		t.Fatalf("fault log %+v, want one entry naming %v", entries, ids)
	}
	if n := f.s.CallCount("zec.CreateZecInstances"); n != 1 {
		t.Fatalf("CreateZecInstances counted %d times, want 1 (the action happened)", n)
	}
	if err := f.c.ReleaseInstances(context.Background(), zenlayer.ReleaseInstancesRequest{InstanceIDs: ids}); err != nil {
		t.Fatalf("releasing failed instances: %v", err)
	}
	f.clock.Advance(f.d.InstanceRelease)
	if left := f.s.Inventory()["zec_instance"]; len(left) != 0 {
		t.Fatalf("instances left after release: %v", left)
	}
}

// The share of creates that fail is repeatable for a seed, and differs between seeds.
func TestFaultAsyncFailIsRepeatable(t *testing.T) {
	pattern := func(seed uint64) (string, int) {
		f := startZECFixture(t, Options{Seed: seed, Faults: []FaultRule{{Kind: FaultAsyncFail, Rate: 0.5, Actions: []string{"zec"}}}})
		var ids []string
		for range 24 {
			ids = append(ids, f.create(zenlayer.CreateZecInstancesRequest{})...)
		}
		f.clock.Advance(f.d.InstanceCreate)
		var b strings.Builder
		for _, id := range ids {
			if f.status(id) == "CREATE_FAILED" {
				b.WriteByte('x')
			} else {
				b.WriteByte('.')
			}
		}
		return b.String(), f.s.FaultCounts()[FaultAsyncFail]
	}
	a, na := pattern(7)
	b, _ := pattern(7)
	other, _ := pattern(8)
	if a != b {
		t.Fatalf("seed 7 gave %s then %s", a, b)
	}
	if a == other || !strings.Contains(a, "x") || !strings.Contains(a, ".") {
		t.Fatalf("patterns %s / %s do not look like a share", a, other)
	}
	if na != strings.Count(a, "x") {
		t.Fatalf("%d async-fail faults counted for %d failed instances", na, strings.Count(a, "x"))
	}
}

// BMC: the order succeeds, the machine ends CREATE_FAILED or INSTALL_FAILED,
// and terminate and release still take it away.
func TestFaultAsyncFailBMC(t *testing.T) {
	h := startBMC(t, Options{Faults: []FaultRule{{Kind: FaultAsyncFail, Rate: 1, Actions: []string{"bmc.CreateInstances"}}}})
	seen := map[string]bool{}
	for n := 0; n < 12 && len(seen) < 2; n++ {
		id := h.create(bmcBasicReq())[0]
		h.clock.Add(bmcTestDurations.BMCCreate + bmcTestDurations.BMCInstall)
		st := h.status(id)
		if st != "CREATE_FAILED" && st != "INSTALL_FAILED" {
			t.Fatalf("instance %s is %s, want a failure status", id, st)
		}
		seen[st] = true
		if err := h.c.TerminateBMCInstance(context.Background(), id); err != nil {
			t.Fatalf("terminating a %s instance: %v", st, err)
		}
		if v, ok := h.emu.BMCInstance(id); ok && v.Status == "RECYCLE" {
			if err := h.c.ReleaseBMCInstance(context.Background(), id); err != nil {
				t.Fatalf("releasing a %s instance: %v", st, err)
			}
		}
		if v, ok := h.emu.BMCInstance(id); ok {
			t.Fatalf("a %s instance is left after terminate and release: %+v", st, v)
		}
	}
	if !seen["CREATE_FAILED"] || !seen["INSTALL_FAILED"] {
		t.Errorf("failure statuses seen: %v, want both", seen)
	}
	if got, created := h.emu.FaultCounts()[FaultAsyncFail], h.emu.CallCount("bmc.CreateInstances"); got != created {
		t.Fatalf("%d async-fail faults for %d creates", got, created)
	}
}
