package faultsuite_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// Terraform writes its state after the provider has answered a create: a
// terraform killed in between leaves the object in the cloud and in no
// state. The provider keeps the record of an answered create until a
// state is known to hold its object (terraform closes the provider at the
// end of its run, or a later plan names the id), so the next apply adopts
// the object by its create token instead of ordering another.
//
// The gap is milliseconds to seconds wide and cannot be hit on purpose, so
// the test makes it certain: terraform and its provider are killed while
// the CloudDC create is held at a slow server, after the other creates were
// answered, and the state terraform wrote of those is then taken away, as
// a terraform killed before it wrote them would have left it ("state
// lost"). When the state did keep them ("state kept"), no create may adopt
// them, even one of the very same arguments that a plan without a refresh
// (-refresh=false) adds: the plan names their ids, which forgets the
// records.
func TestAnswerNotSaved(t *testing.T) {
	skipIfReal(t)
	for _, stateLost := range []bool{true, false} {
		t.Run(map[bool]string{true: "state lost", false: "state kept"}[stateLost], func(t *testing.T) {
			t.Parallel()
			opts := options(1)
			opts.Faults = []emulator.FaultRule{{Kind: emulator.FaultSlow, Rate: 1, Max: 1, Latency: 12 * time.Second,
				Actions: []string{"clouddc.POST /v1/" + emulator.HuaweiProjectID + "/instances"}}}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, mixedConfig(1))

			apply := w.start(t, "apply")
			waitFor(t, "the ZEC and BMC instances and the disk to be answered and saved", func() bool { return len(w.savedIDs()) >= 3 })
			_ = apply.cmd.Process.Kill()
			killProviders(w.dir)
			<-apply.ended
			answered := w.savedIDs()
			records, _ := filepath.Glob(filepath.Join(w.dir, ".terraform", "cloudcompute-creates", "*.json"))
			t.Logf("killed with %v answered and saved; %d create records kept", answered, len(records))

			creates := map[string]int{"zec.CreateZecInstances": 1, "bmc.CreateInstances": 1, "clouddc.CreateInstance": 1, "zec.CreateDisks": 1}
			apply2 := []string{"apply", "-auto-approve"}
			if stateLost {
				must(t, os.Remove(filepath.Join(w.dir, "terraform.tfstate")))
			} else {
				// A twin of the ZEC instance: the same create arguments.
				twin := "\nresource \"cloudcompute_zenlayer_zec_instance\" \"twin\" {\n  zone_id       = \"asia-east-1a\"\n  instance_type = \"z2a.cpu.1\"\n" +
					"  image_id      = \"ubuntu-22.04\"\n  subnet_id     = \"subnet-faults\"\n  name          = \"fault-app-0\"\n  key_id        = \"key-faults\"\n" +
					"  timeouts      = { create = \"20s\" }\n}\n"
				must(t, os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(mixedConfig(1)+twin), 0o600))
				creates["zec.CreateZecInstances"] = 2
				apply2 = append(apply2, "-refresh=false")
			}
			w.until(2, apply2...)
			emu.Settle(10 * time.Second)
			w.converged(emu)
			for action, want := range creates {
				if n := emu.CallCount(action); n != want {
					t.Errorf("%s carried out %d times, want %d", action, n, want)
				}
			}
			state := w.stateIDs()
			for _, id := range answered {
				if !slices.Contains(state, id) {
					t.Errorf("%s, answered before terraform was killed, is not in the state %v", id, state)
				}
			}
			if twins := w.stateIDsWhere(func(name string) bool { return name == "twin" }); !stateLost && (len(twins) != 1 || slices.Contains(answered, twins[0])) {
				t.Errorf("the twin holds %v: it adopted an object the state already held (%v)", twins, answered)
			}
			// A state now holds them all: the records are gone, and a plan is empty.
			if left, _ := filepath.Glob(filepath.Join(w.dir, ".terraform", "cloudcompute-creates", "*.json")); len(left) != 0 {
				t.Errorf("%d create records left after the apply that adopted their objects", len(left))
			}
			if code, out := w.run("plan", "-detailed-exitcode"); code != 0 {
				t.Fatalf("plan after the adopting apply is not empty (exit %d):\n%s", code, tail(out, 3000))
			}
			w.until(3, "destroy", "-auto-approve")
			if left := drained(emu); len(left) != 0 {
				t.Fatalf("objects leaked: %v", left)
			}
		})
	}
}

// savedIDs are the ids in the workspace's state file as terraform last
// wrote it (read directly, without terraform, which may be running).
func (w *workspace) savedIDs() []string {
	b, err := os.ReadFile(filepath.Join(w.dir, "terraform.tfstate"))
	var doc struct {
		Resources []struct {
			Mode      string `json:"mode"`
			Instances []struct {
				Attributes struct {
					ID string `json:"id"`
				} `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err != nil || json.Unmarshal(b, &doc) != nil {
		return nil
	}
	var ids []string
	for _, r := range doc.Resources {
		for _, i := range r.Instances {
			if r.Mode == "managed" && i.Attributes.ID != "" {
				ids = append(ids, i.Attributes.ID)
			}
		}
	}
	slices.Sort(ids)
	return ids
}
