package faultsuite_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// rateLimitDisks is how many ZEC disks the rate-limit test creates and destroys.
const rateLimitDisks = 20

// An account rate-limited to 3 requests a second, and terraform at
// -parallelism=20: every call is refused with 429 and Retry-After many
// times over, and the apply and the destroy still succeed at their first
// run, because retries are bounded by the operation's time, not by a count.
// (terraform-plugin-testing always passes -parallelism=10 to terraform, which
// TF_CLI_ARGS_apply cannot override: so this test runs the CLI itself.)
func TestRateLimitedParallelApply(t *testing.T) {
	skipIfReal(t)
	t.Parallel()
	opts := options(0)
	opts.RateLimit, opts.RateBurst = 3, 3
	emu, err := emulator.Start(opts)
	must(t, err)
	defer func() { _ = emu.Close() }()
	w := newWorkspace(t, emu, rateLimitConfig(rateLimitDisks))

	start := time.Now()
	if code, out := w.run("apply", "-auto-approve", "-parallelism=20"); code != 0 {
		t.Fatalf("apply at 3 requests/s and -parallelism=20 failed (exit %d) after %s:\n%s", code, time.Since(start).Round(time.Millisecond), tail(out, 4000))
	}
	applied := time.Since(start)
	if ids := w.stateIDs(); len(ids) != rateLimitDisks {
		t.Fatalf("the state holds %d disks, want %d", len(ids), rateLimitDisks)
	}
	w.converged(emu)

	destroyStart := time.Now()
	if code, out := w.run("destroy", "-auto-approve", "-parallelism=20"); code != 0 {
		t.Fatalf("destroy at 3 requests/s and -parallelism=20 failed (exit %d) after %s:\n%s", code, time.Since(destroyStart).Round(time.Millisecond), tail(out, 4000))
	}
	destroyed := time.Since(destroyStart)
	if left := drained(emu); len(left) != 0 {
		t.Fatalf("objects leaked after destroy: %v", left)
	}

	refused := map[string]int{}
	for _, e := range emu.Log() {
		if e.Status == http.StatusTooManyRequests {
			refused[e.API+"."+e.Action]++
		}
	}
	if refused["zec.CreateDisks"] == 0 {
		t.Fatalf("no CreateDisks call was rate-limited (%v): the test proves nothing", refused)
	}
	t.Logf("%d disks at 3 requests/s, -parallelism=20: apply %s, destroy %s; %d calls, 429 answers %v",
		rateLimitDisks, applied.Round(time.Millisecond), destroyed.Round(time.Millisecond), len(emu.Log()), refused)
}

func rateLimitConfig(n int) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    cloudcompute = { source = "cloudcompute/cloudcompute" }
  }
}

provider "cloudcompute" {
  zenlayer {}
}

resource "cloudcompute_zenlayer_zec_disk" "data" {
  count   = %d
  zone_id = "asia-east-1a"
  name    = "rate-limited-${count.index}"
  size    = 20
}
`, n)
}
