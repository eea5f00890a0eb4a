package faultsuite_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// A destroy whose provider process is killed (SIGKILL: no answer, so no
// mark in the state) between the two releases of a ZEC object on an
// account with a recycle bin: into the bin, then out of it. The next run's
// refresh finds the object in the bin, a status a refresh takes for gone;
// the journal's record of the release in flight makes it keep the object,
// so that the next destroy releases it from the bin instead of leaving it
// there, out of Terraform's hands.
func TestInterruptedDestroy(t *testing.T) {
	skipIfReal(t)
	for what, release := range map[string]string{"disk": "zec.ReleaseDisk", "instance": "zec.ReleaseInstances"} {
		t.Run(what, func(t *testing.T) {
			t.Parallel()
			opts := options(1)
			opts.ZECReleaseMode = emulator.ReleaseRecycle
			// Long enough for the kill to land while the object goes into the bin.
			opts.Durations = emulator.Durations{DiskRecycle: 5 * time.Second, InstanceRecycle: 5 * time.Second}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, mixedConfig(1))
			w.until(2, "apply", "-auto-approve")
			w.converged(emu)
			before := w.stateIDs()

			destroy := w.start(t, "destroy")
			waitFor(t, "the first "+release, func() bool { return emu.CallCount(release) >= 1 })
			time.Sleep(300 * time.Millisecond)
			out := destroy.stop(t, w, "kill-provider")
			inBin := 0
			for _, id := range inventory(emu) {
				if d, ok := emu.ZECDisk(id); ok && (d.Status == "RECYCLING" || d.Status == "RECYCLED") {
					inBin++
				}
				if v, ok := emu.ZECInstance(id); ok && (v.Status == "RECYCLING" || v.Status == "RECYCLE") {
					inBin++
				}
			}
			if inBin != 1 {
				t.Fatalf("%d ZEC objects in the recycle bin after the kill, want the %s: the test proves nothing\n%s", inBin, what, tail(out, 2000))
			}
			records := func() int {
				files, _ := filepath.Glob(filepath.Join(w.dir, ".terraform", "cloudcompute-creates", "release-*"))
				return len(files)
			}
			if n := records(); n != 1 {
				t.Fatalf("%d records of releases in flight after the kill, want the %s's", n, what)
			}
			time.Sleep(5 * time.Second) // into the bin for good (RECYCLED, RECYCLE)

			w.until(3, "destroy", "-auto-approve")
			if left := drained(emu); len(left) != 0 {
				t.Fatalf("objects leaked (state before the destroy: %v): %v; emulator log: %v", before, left, actionsOf(emu, left))
			}
			if n := records(); n != 0 {
				t.Errorf("%d records of releases in flight after the destroy, want none", n)
			}
		})
	}
}
