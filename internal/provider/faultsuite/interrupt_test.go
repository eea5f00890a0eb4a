package faultsuite_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// instanceCreates are the create actions of the machines in mixedConfig
// (the disk's create waits for its instance).
var instanceCreates = []string{"zec.CreateZecInstances", "bmc.CreateInstances", "clouddc.CreateInstance"}

// background is a terraform command running in a workspace, with its
// output gathered.
type background struct {
	cmd   *exec.Cmd
	out   bytes.Buffer
	ended chan struct{}
	// hadState is whether the workspace had a state when it started.
	hadState bool
}

// start starts terraform command (apply or destroy, auto-approved) in w.
func (w *workspace) start(t *testing.T, command string) *background {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	b := &background{cmd: w.command(ctx, command, "-auto-approve", "-no-color", "-input=false"), ended: make(chan struct{}), hadState: w.stateValid()}
	b.cmd.Stdout, b.cmd.Stderr = &b.out, &b.out
	if err := b.cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	go func() { _ = b.cmd.Wait(); cancel(); close(b.ended) }()
	t.Cleanup(func() { <-b.ended })
	return b
}

// stateValid reports whether the workspace's state file holds a state.
func (w *workspace) stateValid() bool {
	b, err := os.ReadFile(filepath.Join(w.dir, "terraform.tfstate"))
	return err == nil && len(b) > 0 && json.Valid(b)
}

// skipIfStateCut skips the test when a killed terraform (how) lost the
// state the workspace had before b ran: the local backend rewrites
// terraform.tfstate in place (truncate, then write), and a SIGKILL between
// the two leaves it empty or cut short, which no provider can recover (its
// objects are out of Terraform's hands; terraform.tfstate.backup holds the
// state from before the run).
func (b *background) skipIfStateCut(t *testing.T, w *workspace, how string) {
	t.Helper()
	if how == "kill-terraform" && b.hadState && !w.stateValid() {
		t.Skip("terraform was killed while it rewrote terraform.tfstate (truncated, not yet or not wholly written): its state is lost, a hazard of terraform's local backend, not the provider's")
	}
}

// stop interrupts the command in one of the interruptions (interrupt),
// waits for it to end and returns its output. It fails t when there was no
// provider to kill or the command succeeded all the same: the test then
// interrupted nothing.
func (b *background) stop(t *testing.T, w *workspace, how string) string {
	t.Helper()
	if !interrupt(b.cmd, w.dir, how) {
		t.Fatal("no provider process found to kill")
	}
	<-b.ended
	b.skipIfStateCut(t, w, how)
	if b.cmd.ProcessState.ExitCode() == 0 {
		t.Fatalf("the interrupted command succeeded; the test interrupted nothing:\n%s", tail(b.out.String(), 2000))
	}
	return b.out.String()
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Ctrl-C while creates are in flight at a slow server: the creates are
// carried out after the interrupt, so neither this run nor (at first) the
// next one finds them. The journal keeps their tokens until the outcome is
// known, so the next apply adopts each object when it appears instead of
// ordering another: with the journal in .terraform, and in a working
// directory without one (dev_overrides without terraform init), where the
// provider makes it.
func TestInterruptedCreatesInFlight(t *testing.T) {
	skipIfReal(t)
	for _, how := range []string{"with-dot-terraform", "without-dot-terraform"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			opts := options(1)
			opts.Faults = []emulator.FaultRule{{Kind: emulator.FaultSlow, Rate: 1, Max: 1, Latency: 3 * time.Second,
				Actions: []string{"zec.CreateZecInstances", "bmc.CreateInstances", "clouddc.POST /v1/" + emulator.HuaweiProjectID + "/instances"}}}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, mixedConfig(1))
			if how == "without-dot-terraform" {
				must(t, os.RemoveAll(filepath.Join(w.dir, ".terraform")))
			}
			apply := w.start(t, "apply")
			waitFor(t, "three creates to reach the slow server", func() bool { return emu.FaultCounts()[emulator.FaultSlow] >= 3 })
			time.Sleep(300 * time.Millisecond)
			out := apply.stop(t, w, "sigint-terraform")
			if n := len(inventory(emu)); n != 0 {
				t.Fatalf("the slow creates were carried out before the interrupt ended the run (%d objects): the test proves nothing\n%s", n, tail(out, 2000))
			}
			records, _ := filepath.Glob(filepath.Join(w.dir, ".terraform", "cloudcompute-creates", "*.json"))
			t.Logf("interrupted apply left %d create records", len(records))

			w.until(2, "apply", "-auto-approve")
			emu.Settle(10 * time.Second) // what the slow server finally did counts too
			w.converged(emu)
			if got := len(inventory(emu)); got != 4 {
				t.Fatalf("the emulator holds %d objects after the re-apply, want 4", got)
			}
			for _, action := range instanceCreates {
				if n := emu.CallCount(action); n != 1 {
					t.Errorf("%s carried out %d times, want once", action, n)
				}
			}
			if len(records) != 3 {
				t.Errorf("%d create records after the interrupt, want 3 (one per create in flight)", len(records))
			}
			w.until(3, "destroy", "-auto-approve")
			if left := drained(emu); len(left) != 0 {
				t.Fatalf("objects leaked: %v", left)
			}
		})
	}
}

// Ctrl-C while the new machines are being built: they are kept in the
// state untainted, and the next apply waits for their builds in place
// (an update) instead of destroying them and ordering new ones. Also with
// machines the configuration wants stopped: the state a cut create keeps
// must agree with the plan's power_state, or Terraform refuses it and
// taints the machine. And with the mark of the cut create lost, as
// Terraform loses the private state of an object whose provider dies in
// the middle of the update that finishes its create ("stopped, mark
// lost"): the next apply must still stop the machines once they are built.
func TestInterruptedBuild(t *testing.T) {
	skipIfReal(t)
	for name, config := range map[string]string{"running": mixedConfig(1), "stopped": stoppedConfig(t), "stopped, mark lost": stoppedConfig(t)} {
		t.Run(name, func(t *testing.T) { interruptedBuild(t, config, name == "stopped, mark lost") })
	}
}

func interruptedBuild(t *testing.T, config string, markLost bool) {
	opts := options(1)
	opts.Durations = emulator.Durations{InstanceCreate: 6 * time.Second, BMCCreate: 3 * time.Second, BMCInstall: 3 * time.Second, CloudDCCreate: 6 * time.Second}
	if markLost {
		// Builds that outlast the next apply's plan.
		opts.Durations = emulator.Durations{InstanceCreate: 15 * time.Second, BMCCreate: 5 * time.Second, BMCInstall: 10 * time.Second, CloudDCCreate: 15 * time.Second}
	}
	emu, err := emulator.Start(opts)
	must(t, err)
	defer func() { _ = emu.Close() }()
	w := newWorkspace(t, emu, config)
	apply := w.start(t, "apply")
	waitFor(t, "the three machines to be ordered", func() bool {
		for _, a := range instanceCreates {
			if emu.CallCount(a) < 1 {
				return false
			}
		}
		return true
	})
	ordered := time.Now()
	time.Sleep(500 * time.Millisecond)
	w.keptUntainted(apply.stop(t, w, "sigint-terraform"))
	if markLost {
		w.dropPrivate()
		w.until(2, "apply", "-auto-approve")
		time.Sleep(time.Until(ordered.Add(16 * time.Second))) // every build has ended
		if code, out := w.run("plan", "-detailed-exitcode"); code != 0 {
			t.Fatalf("the apply after the mark was lost left work undone: plan exit %d\n%s", code, tail(out, 3000))
		}
	}
	w.finishedOnce(emu)
}

// dropPrivate removes the private state of every object in the
// workspace's state, as Terraform does when the provider process dies
// during an apply: it keeps the object's prior value, without the
// provider's private state (a cut create's mark among it).
func (w *workspace) dropPrivate() {
	w.t.Helper()
	file := filepath.Join(w.dir, "terraform.tfstate")
	b, err := os.ReadFile(file)
	must(w.t, err)
	var doc map[string]any
	must(w.t, json.Unmarshal(b, &doc))
	dropped := 0
	for _, r := range doc["resources"].([]any) {
		for _, i := range r.(map[string]any)["instances"].([]any) {
			if _, ok := i.(map[string]any)["private"]; ok {
				delete(i.(map[string]any), "private")
				dropped++
			}
		}
	}
	if dropped == 0 {
		w.t.Fatal("no private state to drop: the test would prove nothing")
	}
	b, err = json.MarshalIndent(doc, "", "  ")
	must(w.t, err)
	must(w.t, os.WriteFile(file, b, 0o600))
}

// keptUntainted checks what a Ctrl-C (whose output is out) left of the
// creates of the three machines: all three in the state, a warning that
// their creates go on, and a plan that finishes them in place instead of
// destroying them and ordering new ones.
func (w *workspace) keptUntainted(out string) {
	t := w.t
	t.Helper()
	if n := len(w.stateIDs()); n != 3 {
		t.Fatalf("%d objects in the state after the interrupt, want the 3 machines", n)
	}
	code, plan := w.run("plan", "-detailed-exitcode")
	if code != 2 {
		t.Fatalf("plan exit %d, want 2 (changes):\n%s", code, tail(plan, 3000))
	}
	for _, bad := range []string{"must be replaced", "tainted", "will be destroyed"} {
		if strings.Contains(plan, bad) {
			t.Fatalf("the plan after the interrupt says %q: the machines would be ordered again\n%s", bad, tail(plan, 4000))
		}
	}
	if !strings.Contains(plan, "updated in-place") {
		t.Fatalf("the plan does not finish the creates in place:\n%s", tail(plan, 4000))
	}
	if !strings.Contains(out, "waiting for it was interrupted") {
		t.Errorf("no warning that the creates go on:\n%s", tail(out, 3000))
	}
}

// finishedOnce runs the apply that finishes what an interrupted one left,
// then checks that each machine was ordered once and nothing was
// released, that the plan is then empty, and that the destroy leaves
// nothing behind.
func (w *workspace) finishedOnce(emu *emulator.Server) {
	t := w.t
	t.Helper()
	w.until(2, "apply", "-auto-approve")
	w.converged(emu)
	for _, action := range instanceCreates {
		if n := emu.CallCount(action); n != 1 {
			t.Errorf("%s carried out %d times, want once: a machine was re-ordered", action, n)
		}
	}
	for _, action := range []string{"zec.ReleaseInstances", "bmc.TerminateInstance", "bmc.ReleaseInstances", "clouddc.DeleteInstance"} {
		if n := emu.CallCount(action); n != 0 {
			t.Errorf("%s called %d times before the destroy", action, n)
		}
	}
	w.doneThenDestroyed(emu)
}

// doneThenDestroyed checks that the plan after an apply is empty, then
// that the destroy leaves nothing behind.
func (w *workspace) doneThenDestroyed(emu *emulator.Server) {
	t := w.t
	t.Helper()
	if code, out := w.run("plan", "-detailed-exitcode"); code != 0 {
		t.Fatalf("plan after the apply is not empty (exit %d):\n%s", code, tail(out, 3000))
	}
	w.until(3, "destroy", "-auto-approve")
	if left := drained(emu); len(left) != 0 {
		t.Fatalf("objects leaked: %v", left)
	}
}

// The machines are built, and the create is stopping them, as the
// configuration asks, when the run is cut short. Ctrl-C: they are kept in
// the state untainted, and the next apply finishes the create in place
// (a tainted machine would be destroyed and ordered again). terraform
// killed: nothing reaches the state, the next apply adopts each machine
// by its create token, already stopped (the provider finished the stop):
// a stopped machine counts as built, so it is adopted, not waited for
// until the timeout and then tainted.
func TestInterruptedPowerOff(t *testing.T) {
	skipIfReal(t)
	for _, how := range []string{"sigint-terraform", "kill-terraform"} {
		t.Run(how, func(t *testing.T) {
			opts := options(1)
			opts.Durations = emulator.Durations{InstanceCreate: time.Second, BMCCreate: time.Second, BMCInstall: time.Second, CloudDCCreate: time.Second,
				// Stops long enough for the interrupt to land in them on a
				// loaded machine: a create that ends first is not this test.
				InstanceStop: 10 * time.Second, BMCStop: 10 * time.Second, CloudDCStop: 10 * time.Second}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, stoppedConfig(t))
			apply := w.start(t, "apply")
			waitFor(t, "the three machines to be stopping", func() bool {
				for _, a := range []string{"zec.StopInstances", "bmc.StopInstances", "clouddc.ChangeServerPowerState"} {
					if emu.CallCount(a) < 1 {
						return false
					}
				}
				return true
			})
			time.Sleep(300 * time.Millisecond)
			out := apply.stop(t, w, how)
			if how == "sigint-terraform" {
				w.keptUntainted(out)
			}
			w.finishedOnce(emu)
		})
	}
}

// stoppedConfig is mixedConfig(1) with the three machines stopped
// (power_state = "stopped"), which their creates do once they are built.
func stoppedConfig(t *testing.T) string {
	t.Helper()
	var changes [][2]string
	for _, name := range []string{`name          = "fault-app-${count.index}"`, `name             = "fault-metal-${count.index}"`,
		`name               = "fault-dc-${count.index}"`} {
		changes = append(changes, [2]string{name, name + "\n  power_state = \"stopped\""})
	}
	return edited(t, mixedConfig(1), changes...)
}

// edited is config with each change's first text replaced by its second,
// once; a first text config lacks fails t (the edit would test nothing).
func edited(t *testing.T, config string, changes ...[2]string) string {
	t.Helper()
	for _, change := range changes {
		if !strings.Contains(config, change[0]) {
			t.Fatalf("the configuration has no %q to change", change[0])
		}
		config = strings.Replace(config, change[0], change[1], 1)
	}
	return config
}
