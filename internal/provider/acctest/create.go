package acctest

import (
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// SlowClientTimeout is the provider's HTTP timeout (seconds) in the slow
// server tests; SlowLatency is longer, so every slow answer is lost.
const (
	SlowClientTimeout = 2
	SlowLatency       = 4 * time.Second
)

// SlowFirstCreate is a slow server on the first create of each action: it
// holds the request past the client's timeout, then carries it out.
func SlowFirstCreate(actions ...string) emulator.FaultRule {
	return emulator.FaultRule{Kind: emulator.FaultSlow, Rate: 1, Max: 1, Latency: SlowLatency, Actions: actions}
}

// ZenlayerProviderConfigTimeout is ZenlayerProviderConfig with an HTTP timeout.
func ZenlayerProviderConfigTimeout(emu *emulator.Server, seconds int) string {
	return zenlayerProvider(attr("domain", emu.Endpoint()), attr("scheme", "HTTP"), attr("access_key_id", emulator.DefaultAccessKeyID),
		attr("access_key_password", emulator.DefaultAccessKeyPassword), [2]string{"timeout", strconv.Itoa(seconds)})
}

// CheckCreatedOnce checks that the emulator holds exactly one object of
// kind, the one in the state as name, and that action was carried out once.
func CheckCreatedOnce(emu *emulator.Server, name, kind, action string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		// A slow server may still be carrying out a create whose client
		// gave up: what it finally made counts too.
		if !emu.Settle(2 * SlowLatency) {
			return fmt.Errorf("the emulator still has %d requests in flight", emu.InFlight())
		}
		rs, ok := s.RootModule().Resources[name]
		if !ok {
			return fmt.Errorf("%s is not in the state", name)
		}
		got := emu.Inventory()[kind]
		if len(got) != 1 || got[0] != rs.Primary.ID {
			return fmt.Errorf("the emulator holds %s %v, the state %s: want exactly that one", kind, got, rs.Primary.ID)
		}
		if n := emu.CallCount(action); n != 1 {
			return fmt.Errorf("%s carried out %d times, want once", action, n)
		}
		return nil
	}
}
