package faultsuite_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// A BMC reinstall wipes the machine's disks: it is sent once. The run is
// interrupted while the apply waits for the reinstall that a new SSH key
// asks for (an argument the API never reports). Ctrl-C saves what the
// reinstall did in the state. A killed provider or terraform saves nothing:
// the state still holds the old key, and without the mark of the reinstall
// sent (held beside the create journal, put back by the next refresh) the
// next apply would reinstall the machine a second time. It must wait for
// the first reinstall instead.
func TestInterruptedReinstall(t *testing.T) {
	skipIfReal(t)
	for _, how := range interruptions {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			opts := options(1)
			opts.Durations = emulator.Durations{BMCCreate: time.Second, BMCInstall: 15 * time.Second}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			config := reinstallConfig("AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyOnly")
			w := newWorkspace(t, emu, config)
			w.until(2, "apply", "-auto-approve")

			must(t, os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(reinstallConfig("AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyTwo")), 0o600))
			apply := w.start(t, "apply")
			waitFor(t, "the reinstall to be sent", func() bool { return emu.CallCount("bmc.ReinstallInstance") == 1 })
			time.Sleep(time.Second) // accepted, and the apply waits for it
			apply.stop(t, w, how)
			if how == "kill-terraform" {
				// The provider it left behind ends as its next log line finds
				// no terraform to write to.
				waitFor(t, "the orphaned provider to end", func() bool { return len(providers(w.dir)) == 0 })
			}

			code, plan := w.run("plan", "-detailed-exitcode")
			if strings.Contains(plan, "will be reinstalled") {
				t.Fatalf("after the interrupted reinstall the plan reinstalls again (exit %d):\n%s", code, tail(plan, 4000))
			}
			if how != "sigint-terraform" && !strings.Contains(plan, "is not sent again") {
				t.Errorf("the plan does not say the reinstall sent is waited for (exit %d):\n%s", code, tail(plan, 4000))
			}
			w.until(2, "apply", "-auto-approve")
			if n := emu.CallCount("bmc.ReinstallInstance"); n != 1 {
				t.Errorf("ReinstallInstance sent %d times, want once", n)
			}
			if code, out := w.run("plan", "-detailed-exitcode"); code != 0 {
				t.Fatalf("plan after the apply is not empty (exit %d):\n%s", code, tail(out, 3000))
			}
			w.until(3, "destroy", "-auto-approve")
			if left := drained(emu); len(left) != 0 {
				t.Fatalf("objects leaked: %v", left)
			}
		})
	}
}

// reinstallConfig is one BMC machine with the SSH key key.
func reinstallConfig(key string) string {
	return `
terraform {
  required_providers {
    cloudcompute = { source = "cloudcompute/cloudcompute" }
  }
}

provider "cloudcompute" {
  zenlayer {}
}

resource "cloudcompute_zenlayer_bmc_instance" "metal" {
  zone_id          = "SEL-A"
  instance_type_id = "S9I"
  image_id         = "img-ubuntu-2204"
  name             = "fault-reinstall"
  ssh_keys         = ["ssh-ed25519 ` + key + ` faults@example"]
  timeouts         = { create = "20s", update = "2m" }
}
`
}
