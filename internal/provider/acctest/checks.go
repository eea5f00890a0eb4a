package acctest

import (
	"fmt"
	"slices"

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
