package zenlayer

import (
	"context"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// The answer of a bandwidth increase is lost after the emulator took it:
// the machine still reports the old bandwidth while the change is made in
// the background, and the internet status (Processing, to the new value)
// confirms it. It is not sent again (a second one is refused while the
// first is made).
func TestModifyBMCBandwidthAnswerLost(t *testing.T) {
	emu, c := confirmingClient(t, emulator.Options{Durations: emulator.Durations{BMCStart: time.Minute},
		Faults: []emulator.FaultRule{{Kind: emulator.FaultCutAfter, Rate: 1, Actions: []string{"bmc.ModifyInstanceBandwidth"}}}})
	id := emu.AddBMCInstance("SEL-A", "lost-bandwidth")
	if err := c.ModifyBMCInstanceBandwidth(context.Background(), id, 50); err != nil {
		t.Fatalf("ModifyBMCInstanceBandwidth: %v, want success (the change is being made)", err)
	}
	if n := emu.CallCount("bmc.ModifyInstanceBandwidth"); n != 1 {
		t.Errorf("ModifyInstanceBandwidth sent %d times, want once", n)
	}
}
