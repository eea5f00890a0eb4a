package faultsuite_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// Interruptions at random moments: each seed applies the mixed
// configuration, then changes it in place, then replaces two of its
// resources, interrupting each of these applies twice, then destroys it,
// interrupting the destroy twice. An interruption is Ctrl-C (SIGINT to
// terraform), a killed provider (SIGKILL: no answer, no state written for
// what it was doing) or a killed terraform (SIGKILL: no state written at
// all for what was in flight), at a point drawn from the seed. The next runs
// must converge: every object ordered exactly once, the state equal to the
// emulator, and after the destroy nothing left but what the configuration
// keeps in a recycle bin. Even seeds run on an account with a recycle bin,
// with resources whose destroy must leave them there.
//
// INTERRUPT_SEEDS sets how many seeds (default 2; make test-faults runs
// 10), INTERRUPT_FIRST_SEED the first (default 1), and INTERRUPT_FAULT_RATE
// a share of faulty requests on top, as the fault suite's FAULT_RATE
// (default 0: none; with faults a create may be sent again after an
// answer that says it was not carried out, so only the objects are
// counted, not the create calls).
func TestInterruptedAnywhere(t *testing.T) {
	skipIfReal(t)
	first, seeds := envInt("INTERRUPT_FIRST_SEED", 1), envInt("INTERRUPT_SEEDS", 2)
	rate := envFloat("INTERRUPT_FAULT_RATE", 0)
	runs := 3
	if rate > 0 {
		runs = 8
	}
	for seed := first; seed < first+seeds; seed++ {
		t.Run("seed-"+strconv.Itoa(seed), func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(uint64(seed), 0x1e7)) //nolint:gosec // a test's reproducible draws
			recycle := seed%2 == 0
			opts := options(1)
			opts.Durations = emulator.Durations{InstanceCreate: 3 * time.Second, BMCCreate: 2 * time.Second, BMCInstall: 2 * time.Second,
				CloudDCCreate: 3 * time.Second, CloudDCReinstall: 2 * time.Second, DiskRecycle: 2 * time.Second, InstanceRecycle: 2 * time.Second}
			if recycle {
				opts.ZECReleaseMode = emulator.ReleaseRecycle
			}
			if rate > 0 {
				opts.Seed, opts.Faults = uint64(seed), faultRules(rate)
			}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, mixedConfig(1, recycle))

			want := map[string]int{"zec.CreateZecInstances": 1, "zec.CreateDisks": 1, "bmc.CreateInstances": 1, "clouddc.CreateInstance": 1,
				"bmc.ReinstallInstance": 0, "clouddc.ReinstallOs": 0}
			if recycle {
				want["zec.CreateZecInstances"], want["zec.CreateDisks"], want["bmc.CreateInstances"] = 2, 2, 2
			}
			objects := 0 // each ordered once, and held by the state
			for action, n := range want {
				if strings.Contains(action, "Create") {
					objects += n
				}
			}
			var done []string
			// applied runs the apply that finishes a phase and checks it:
			// the state is the emulator's, each object ordered once, and
			// the plan empty.
			applied := func(phase string) {
				w.until(runs, "apply", "-auto-approve")
				emu.Settle(10 * time.Second)
				w.converged(emu)
				for action, n := range want {
					if got := emu.CallCount(action); got != n && rate == 0 {
						t.Errorf("%s: %s carried out %d times, want %d: an object was ordered twice (interruptions: %v)\n%s", phase, action, got, n, done,
							strings.Join(lifecycles(emu, strings.SplitN(action, ".", 2)[0]), "\n"))
					}
				}
				if got := len(inventory(emu)); got != objects {
					t.Fatalf("%s: %d objects after the apply, want %d (interruptions: %v)", phase, got, objects, done)
				}
				if code, out := w.run("plan", "-detailed-exitcode"); code != 0 && (code == 2 || w.until(runs, "plan", "-detailed-exitcode") != 1) {
					t.Fatalf("%s: plan after the apply is not empty (exit %d; interruptions: %v):\n%s", phase, code, done, tail(out, 3000))
				}
			}

			for range 2 {
				done = append(done, w.interruptAt(t, rng, emu, "apply"))
			}
			applied("create")

			// Updates in place, interrupted: renames, a resize, power-offs,
			// reinstalls (each sent once).
			must(t, os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(changedConfig(t, recycle)), 0o600))
			want["bmc.ReinstallInstance"], want["clouddc.ReinstallOs"] = 1, 1
			for range 2 {
				done = append(done, w.interruptAt(t, rng, emu, "apply"))
			}
			applied("update")

			// Replacements, interrupted: the BMC machine's new type (created
			// before the old one is destroyed), the CloudDC instance's new
			// name (destroyed, then created).
			must(t, os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(replacedConfig(t, recycle)), 0o600))
			want["bmc.CreateInstances"]++
			want["clouddc.CreateInstance"]++
			for range 2 {
				done = append(done, w.interruptAt(t, rng, emu, "apply"))
			}
			applied("replace")

			kept := w.keptIDs()
			for range 2 {
				done = append(done, w.interruptAt(t, rng, emu, "destroy"))
			}
			w.until(runs, "destroy", "-auto-approve")
			if left := drained(emu); len(left) != 0 {
				t.Fatalf("objects leaked (interruptions: %v): %v\nemulator log of them: %v", done, left, actionsOf(emu, left))
			}
			for _, id := range kept {
				if !keptInBin(emu, id) {
					t.Errorf("%s freed, though the configuration keeps it in the bin (interruptions: %v): %v", id, done, actionsOf(emu, []string{id}))
				}
			}
			t.Logf("seed %d: interruptions %v", seed, done)
		})
	}
}

// changedConfig is mixedConfig(1, keep) with an in-place change of each
// of its own resources (not the kept ones): the ZEC instance renamed and
// stopped, its disk renamed and grown, the BMC machine renamed, reinstalled
// (a new SSH key), moved into a subnet and powered off, the CloudDC
// instance reinstalled (a new image) and powered off.
func changedConfig(t *testing.T, keep bool) string {
	t.Helper()
	return edited(t, mixedConfig(1, keep), [][2]string{
		{`name          = "fault-app-${count.index}"`, `name          = "fault-app-${count.index}-v2"` + "\n  power_state   = \"stopped\""},
		{`name         = "fault-data-${count.index}"` + "\n  size         = 20", `name         = "fault-data-${count.index}-v2"` + "\n  size         = 40"},
		{`name             = "fault-metal-${count.index}"` + "\n  ssh_keys         = [\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyOnly faults@example\"]",
			`name             = "fault-metal-${count.index}-v2"` + "\n  power_state      = \"stopped\"" + "\n  subnet_id        = \"subnet-sel-a-1\"" +
				"\n  ssh_keys         = [\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyTwo faults@example\"]"},
		{`name               = "fault-dc-${count.index}"`, `name               = "fault-dc-${count.index}"` + "\n  power_state        = \"stopped\""},
		{fmt.Sprintf(`image_id           = %q`, emulator.HuaweiImageID), fmt.Sprintf(`image_id           = %q`, emulator.HuaweiImageID2)},
	}...)
}

// replacedConfig is changedConfig(keep) with a replacement of two of its
// resources: the BMC machine gets another instance type, created before
// the old machine is destroyed (create_before_destroy), and the CloudDC
// instance another name, which the API cannot change (the old instance is
// destroyed first).
func replacedConfig(t *testing.T, keep bool) string {
	t.Helper()
	return edited(t, changedConfig(t, keep), [][2]string{
		{`instance_type_id = "S9I"` + "\n  image_id         = \"img-ubuntu-2204\"\n  name             = \"fault-metal-",
			`instance_type_id = "M6C"` + "\n  lifecycle {\n    create_before_destroy = true\n  }\n  image_id         = \"img-ubuntu-2204\"\n  name             = \"fault-metal-"},
		{`name               = "fault-dc-${count.index}"`, `name               = "fault-dc-${count.index}-r"`},
	}...)
}

// interruptAt runs terraform command (apply or destroy) and interrupts it
// once the emulator has answered a number of requests drawn from rng (so
// that interruptions fall anywhere in the sequence of calls, whatever the
// machine's speed), then a few milliseconds more, in a way drawn from rng.
// It returns what it did ("destroy: kill-provider after 12 requests", with
// ", finished first" when the command ended before).
func (w *workspace) interruptAt(t *testing.T, rng *rand.Rand, emu *emulator.Server, command string) string {
	t.Helper()
	calls := 1 + rng.IntN(40)
	extra := time.Duration(rng.IntN(300)) * time.Millisecond
	how := interruptions[rng.IntN(len(interruptions))]
	what := fmt.Sprintf("%s: %s after %d requests", command, how, calls)
	base := len(emu.Log())
	b := w.start(t, command)
	for len(emu.Log()) < base+calls {
		select {
		case <-b.ended:
			return what + ", finished first"
		case <-time.After(10 * time.Millisecond):
		}
	}
	time.Sleep(extra)
	interrupt(b.cmd, w.dir, how) // the command may have ended meanwhile: no check
	<-b.ended
	b.skipIfStateCut(t, w, how)
	emu.Settle(10 * time.Second) // what the server was doing finishes, as it would
	return what
}

// lifecycles are the emulator's log entries of api's objects (every
// request that names one), in order, for a failure's message.
func lifecycles(emu *emulator.Server, api string) []string {
	var out []string
	for _, e := range emu.Log() {
		if e.API == api && len(e.IDs) > 0 && !strings.HasPrefix(e.Action, "Describe") && !strings.HasPrefix(e.Action, "GET") {
			out = append(out, fmt.Sprintf("%s %s %v %d %s", e.Time.Format("15:04:05.000"), e.Action, e.IDs, e.Status, e.Code))
		}
	}
	return out
}
