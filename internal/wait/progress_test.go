package wait

import (
	"context"
	"testing"
	"time"
)

// A wait whose ctx carries a progress function reports each status change
// once, with the status before it and the time waited, and nothing for a
// status polled again.
func TestUntilReportsProgress(t *testing.T) {
	clock := newFakeClock()
	refresh, _ := script("RUNNING", "STOPPING", "STOPPING", "STOPPED")
	var got []Progress
	ctx := WithProgress(context.Background(), func(p Progress) { got = append(got, p) })
	if _, err := Until(ctx, Config[*obj]{
		Operation: "instance i-1 to stop", Target: []string{"STOPPED"}, UnknownIsPending: true, Refresh: refresh,
		Clock: clock, MinInterval: time.Second, Jitter: 0.0001,
	}); err != nil {
		t.Fatal(err)
	}
	want := []struct{ prev, status string }{{"", "RUNNING"}, {"RUNNING", "STOPPING"}, {"STOPPING", "STOPPED"}}
	if len(got) != len(want) {
		t.Fatalf("reported %+v, want %d changes", got, len(want))
	}
	for i, w := range want {
		if got[i].Previous != w.prev || got[i].Status != w.status || got[i].Operation != "instance i-1 to stop" {
			t.Errorf("report %d = %+v, want %s → %s", i, got[i], w.prev, w.status)
		}
	}
	if got[0].Elapsed != 0 || got[2].Elapsed <= got[1].Elapsed {
		t.Errorf("elapsed times %v, %v, %v: want 0 and growing", got[0].Elapsed, got[1].Elapsed, got[2].Elapsed)
	}
}

// Without a progress function a wait reports nothing (and does not fail).
func TestUntilWithoutProgress(t *testing.T) {
	refresh, _ := script("A", "B")
	if _, err := Until(context.Background(), Config[*obj]{Target: []string{"B"}, UnknownIsPending: true, Refresh: refresh, Clock: newFakeClock()}); err != nil {
		t.Fatal(err)
	}
}

// Leaving turns every status but the one left (and Gone) into Left.
func TestLeaving(t *testing.T) {
	refresh, _ := script("RUNNING", "RUNNING", "REBOOT")
	got, err := Until(context.Background(), Config[*obj]{
		Target: []string{Left}, Pending: []string{"RUNNING"}, Refresh: Leaving(refresh, "RUNNING"), Clock: newFakeClock(),
	})
	if err != nil || got.status != "REBOOT" {
		t.Fatalf("got %+v, %v: want the REBOOT object", got, err)
	}
	gone, _ := script(Gone)
	if _, s, _ := Leaving(gone, "RUNNING")(context.Background()); s != Gone {
		t.Errorf("a gone object is %q, want Gone", s)
	}
	stay, _ := script("RUNNING")
	_, err = Until(context.Background(), Config[*obj]{
		Target: []string{Left}, Pending: []string{"RUNNING"}, Refresh: Leaving(stay, "RUNNING"), Clock: newFakeClock(), Timeout: time.Minute,
	})
	if !IsTimeout(err) {
		t.Fatalf("an object that never leaves RUNNING: %v, want a timeout", err)
	}
}
