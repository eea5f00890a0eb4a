package bmc

import (
	"context"
	"testing"
	"time"
)

// A destroy does not fail because an interim status is not the one it
// expected: right after TerminateInstance the instance answers a status the
// provider does not know (an API may add one), then STOPPING, and only then
// RECYCLE; after ReleaseInstances it answers RECYCLE until it is gone (the
// API's enum has neither RECYCLING nor RELEASING).
func TestDeleteInstanceThroughInterimStatuses(t *testing.T) {
	t.Parallel()
	emu, c := startDeleteFixture(t)
	id := createInstance(t, c, postpaid())
	interim := []string{"TERMINATING", "STOPPING", "RECYCLE"}
	var next func()
	next = func() {
		if len(interim) == 0 {
			return
		}
		emu.SetBMCInstanceStatus(id, interim[0])
		interim = interim[1:]
		emu.OnceBefore("bmc.DescribeInstances", next)
	}
	emu.OnceBefore("bmc.TerminateInstance", func() { emu.OnceBefore("bmc.DescribeInstances", next) })
	if diags := deleteInstance(context.Background(), c, id, true, time.Minute); len(diags) != 0 {
		t.Fatalf("destroy: %v", diags)
	}
	if len(interim) != 0 {
		t.Errorf("the destroy did not read the interim statuses %v", interim)
	}
	if _, ok := emu.BMCInstance(id); ok {
		t.Error("instance still present")
	}
}
