package framework

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

func TestShortDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		20 * time.Minute: "20m", time.Hour: "1h", 90 * time.Minute: "1h30m", 45 * time.Second: "45s", 2*time.Minute + 5*time.Second: "2m5s",
	} {
		if got := shortDuration(d); got != want {
			t.Errorf("shortDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

// rebootWait is a wait for an instance to leave RUNNING whose status
// function answers statuses in turn (the last one forever).
func rebootWait(statuses ...string) wait.Config[string] {
	n := 0
	refresh := func(context.Context) (string, string, error) {
		s := statuses[min(n, len(statuses)-1)]
		n++
		if s == "error" {
			return "", "", errors.New("the API is broken")
		}
		return s, s, nil
	}
	return wait.Config[string]{
		Operation: "instance i-1 to begin rebooting", Target: []string{wait.Left}, Pending: []string{"RUNNING"},
		Refresh: wait.Leaving(refresh, "RUNNING"), Timeout: 200 * time.Millisecond, MinInterval: 10 * time.Millisecond, MaxInterval: 10 * time.Millisecond,
	}
}

// A reboot is seen when the instance leaves RUNNING; one never seen within
// the grace is a warning, not an error; a failing poll is an error.
func TestRebootBegun(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	if begun, err := RebootBegun(ctx, &diags, rebootWait("RUNNING", "REBOOT")); !begun || err != nil || diags.WarningsCount() != 0 {
		t.Errorf("a reboot seen: begun %v, %v, %v", begun, err, diags)
	}
	if begun, err := RebootBegun(ctx, &diags, rebootWait("RUNNING")); begun || err != nil || diags.WarningsCount() != 1 {
		t.Errorf("a reboot never seen: begun %v, %v, %v; want a warning", begun, err, diags)
	}
	if begun, err := RebootBegun(ctx, &diags, rebootWait("RUNNING", "error")); begun || err == nil {
		t.Errorf("a failing poll: begun %v, %v; want an error", begun, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := RebootBegun(cancelled, &diags, rebootWait("RUNNING")); !errors.Is(err, context.Canceled) {
		t.Errorf("Ctrl-C: %v, want context.Canceled", err)
	}
}

func TestPowerVerb(t *testing.T) {
	for op, want := range map[string]string{PowerStart: "starting", PowerStop: "stopping", Rebooting: "rebooting", "x": "x"} {
		if got := PowerVerb(op); got != want {
			t.Errorf("PowerVerb(%q) = %q, want %q", op, got, want)
		}
	}
}
