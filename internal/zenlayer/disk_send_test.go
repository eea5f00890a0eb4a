package zenlayer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// diskClient is a client of an emulator that injects faults, with a
// disk of 20 GiB; the confirming reads do not pause.
func diskClient(t *testing.T, faults ...emulator.FaultRule) (*emulator.Server, *Client, string) {
	t.Helper()
	emu, c := confirmingClient(t, emulator.Options{Faults: faults})
	return emu, c, emu.AddZECDisk("asia-east-1a", "grown", 20)
}

// confirmingClient is a client of an emulator started with opts; the
// reads that confirm a call whose answer was lost do not pause.
func confirmingClient(t *testing.T, opts emulator.Options) (*emulator.Server, *Client) {
	t.Helper()
	pause := confirmPause
	confirmPause = 10 * time.Millisecond
	t.Cleanup(func() { confirmPause = pause })
	emu, err := emulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	c, err := New(Config{AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http"})
	if err != nil {
		t.Fatal(err)
	}
	return emu, c
}

// The answer of a resize is lost after the emulator did it: the disk,
// CHANGING, confirms it, and it is not sent again (a second one is refused
// while the first runs).
func TestResizeDiskAnswerLost(t *testing.T) {
	emu, c, id := diskClient(t, emulator.FaultRule{Kind: emulator.FaultCutAfter, Rate: 1, Actions: []string{"zec.ResizeDisk"}})
	if err := c.ResizeDisk(context.Background(), id, 60); err != nil {
		t.Fatalf("ResizeDisk: %v, want success (the resize took effect)", err)
	}
	if n := emu.CallCount("zec.ResizeDisk"); n != 1 {
		t.Errorf("ResizeDisk sent %d times, want once", n)
	}
}

// The connection is cut before the emulator sees the resize, twice: the
// disk shows no sign of it (not CHANGING, 20 GiB), so it is sent again,
// and the third sending takes effect.
func TestResizeDiskNotCarriedOutIsSentAgain(t *testing.T) {
	emu, c, id := diskClient(t, emulator.FaultRule{Kind: emulator.FaultCutBefore, Rate: 1, Max: 2, Actions: []string{"zec.ResizeDisk"}})
	if err := c.ResizeDisk(context.Background(), id, 60); err != nil {
		t.Fatalf("ResizeDisk: %v, want success at the third sending", err)
	}
	if n := emu.CallCount("zec.ResizeDisk"); n != 1 {
		t.Errorf("the emulator carried out %d ResizeDisk calls, want 1", n)
	}
	if d, _ := emu.ZECDisk(id); d.Status != "CHANGING" {
		t.Errorf("disk %+v, want it CHANGING", d)
	}
}

// Cut before it reaches the emulator every time: after diskAttempts
// sendings the outcome is unknown, and the error says so.
func TestResizeDiskNeverReachesTheServer(t *testing.T) {
	_, c, id := diskClient(t, emulator.FaultRule{Kind: emulator.FaultCutBefore, Rate: 1, Actions: []string{"zec.ResizeDisk"}})
	err := c.ResizeDisk(context.Background(), id, 60)
	var ue *OutcomeUnknownError
	if !errors.As(err, &ue) {
		t.Fatalf("ResizeDisk: %v, want an outcome unknown", err)
	}
	if ue.Sent != diskAttempts || !strings.Contains(err.Error(), fmt.Sprintf("sent %d times", diskAttempts)) {
		t.Errorf("ResizeDisk: %v (Sent %d), want it to say the call was sent %d times", err, ue.Sent, diskAttempts)
	}
}
