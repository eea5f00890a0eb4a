package acctest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// CaptureID stores the id of resource name in id (for later checks and hooks).
func CaptureID(name string, id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[name]
		if !ok {
			return fmt.Errorf("%s not in state", name)
		}
		*id = rs.Primary.ID
		return nil
	}
}

// LoggedCode reports whether the emulator answered action with code.
func LoggedCode(emu *emulator.Server, action, code string) bool {
	return slices.ContainsFunc(emu.Log(), func(e emulator.LogEntry) bool { return e.Action == action && e.Code == code })
}

// ContainsInOrder reports whether want appear in got in this order (not necessarily adjacent).
func ContainsInOrder(got []string, want ...string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

// LoseAnswersOf makes the emulator cut the connection after doing action,
// from now on (used as a step's Check, the faults start after the apply,
// so only the destroy meets them); with once, only the next call's answer
// is lost. The emulator has no "500 after the action" fault, so cut-after
// is the lost answer.
func LoseAnswersOf(emu *emulator.Server, action string, once bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		emu.SetFaults([]emulator.FaultRule{{Kind: emulator.FaultCutAfter, Rate: 1, Actions: []string{action}}})
		if once {
			// The hook runs inside the call that already drew its fault.
			emu.OnceBefore(action, func() { emu.SetFaults(nil) })
		}
		return nil
	}
}

// CheckAnswerLostOnce checks that a non-idempotent action was sent exactly
// once and that its answer was indeed lost.
func CheckAnswerLostOnce(emu *emulator.Server, action string) error {
	if emu.FaultCounts()[emulator.FaultCutAfter] == 0 {
		return fmt.Errorf("no answer of %s was lost: the test proves nothing", action)
	}
	if n := emu.CallCount(action); n != 1 {
		return fmt.Errorf("%s was sent %d times, want 1 (a call whose answer was lost is read, not re-sent)", action, n)
	}
	return nil
}

// CheckOnlyReads fails if the emulator saw any call since its log was last
// reset (emu.ResetLog, for example in the step's PreConfig) other than a
// read (Describe*, List*, Show*) or an IAM token: the step changed nothing
// in the cloud.
func CheckOnlyReads(emu *emulator.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, e := range emu.Log() {
			read := strings.HasPrefix(e.Action, "Describe") || strings.HasPrefix(e.Action, "List") || strings.HasPrefix(e.Action, "Show") ||
				(e.API == "iam" && e.Action == "CreateToken")
			if !read {
				return fmt.Errorf("the emulator saw %s.%s (ids %v): want only reads", e.API, e.Action, e.IDs)
			}
		}
		return nil
	}
}
