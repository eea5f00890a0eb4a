package faultsuite_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// A reinstall wipes a machine's disks: it is sent once. The run is
// interrupted while the apply waits for a reinstall: of the BMC machine,
// for a new SSH key (an argument the API never reports), and of the CloudDC
// instance, for a new image (which the API reports once the reinstall has
// ended). Ctrl-C saves what the reinstall did in the state. A killed
// provider or terraform saves nothing: the state still holds the old key
// or image, and the next apply would reinstall the machine a second time.
// It must wait for the first reinstall instead: the BMC one by the mark of
// the reinstall sent (held beside the create journal, put back by the next
// refresh), the CloudDC one by reading the image once the instance has
// settled.
func TestInterruptedReinstall(t *testing.T) {
	skipIfReal(t)
	for _, how := range interruptions {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			opts := options(1)
			opts.Durations = emulator.Durations{BMCCreate: time.Second, BMCInstall: 15 * time.Second, CloudDCCreate: time.Second, CloudDCReinstall: 15 * time.Second}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, reinstallConfig("AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyOnly", emulator.HuaweiImageID))
			w.until(2, "apply", "-auto-approve")

			must(t, os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(reinstallConfig("AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyTwo", emulator.HuaweiImageID2)), 0o600))
			apply := w.start(t, "apply")
			waitFor(t, "the reinstalls to be sent", func() bool {
				return emu.CallCount("bmc.ReinstallInstance") == 1 && emu.CallCount("clouddc.ReinstallOs") == 1
			})
			time.Sleep(time.Second) // accepted, and the apply waits for them
			apply.stop(t, w, how)
			// (A provider whose terraform was killed may live on; the next
			// run does not wait for it.)

			code, plan := w.run("plan", "-detailed-exitcode")
			if strings.Contains(plan, "will be reinstalled: its disks are wiped") {
				t.Fatalf("after the interrupted reinstall the plan reinstalls the BMC machine again (exit %d):\n%s", code, tail(plan, 4000))
			}
			if how != "sigint-terraform" && !strings.Contains(plan, "is not sent again") {
				t.Errorf("the plan does not say the BMC reinstall sent is waited for (exit %d):\n%s", code, tail(plan, 4000))
			}
			w.until(2, "apply", "-auto-approve")
			for _, action := range []string{"bmc.ReinstallInstance", "clouddc.ReinstallOs"} {
				if n := emu.CallCount(action); n != 1 {
					t.Errorf("%s sent %d times, want once", action, n)
				}
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

// reinstallConfig is one BMC machine with the SSH key key and one CloudDC
// instance of image.
func reinstallConfig(key, image string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    cloudcompute = { source = "cloudcompute/cloudcompute" }
  }
}

provider "cloudcompute" {
  zenlayer {}
  huaweicloud {}
}

variable "clouddc_password" {
  type      = string
  sensitive = true
}

resource "cloudcompute_zenlayer_bmc_instance" "metal" {
  zone_id          = "SEL-A"
  instance_type_id = "S9I"
  image_id         = "img-ubuntu-2204"
  name             = "fault-reinstall"
  ssh_keys         = ["ssh-ed25519 %[1]s faults@example"]
  timeouts         = { create = "20s", update = "2m" }
}

resource "cloudcompute_huaweicloud_clouddc_instance" "dc" {
  name               = "fault-reinstall"
  image_id           = %[2]q
  vpc_id             = %[3]q
  network_interfaces = [{ subnet_id = %[4]q }]
  password_wo        = var.clouddc_password
  timeouts           = { create = "20s", update = "2m" }
}
`, key, image, emulator.HuaweiVPCID, emulator.HuaweiSubnetID)
}
