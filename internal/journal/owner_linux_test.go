package journal

import (
	"context"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// A process that has exited but is not yet reaped (a zombie) runs no
// more: its records are claimable. Until it exits it is alive.
func TestZombieIsNotAlive(t *testing.T) {
	cmd := exec.CommandContext(context.Background(), "sleep", "0.2")
	if err := cmd.Start(); err != nil {
		t.Skipf("no sleep command: %v", err)
	}
	pid := cmd.Process.Pid
	start := processStartTimeOf(pid)
	if !processAlive(pid, start) {
		t.Fatal("a running process is not alive")
	}
	deadline := time.Now().Add(10 * time.Second)
	for state, _ := procStat(strconv.Itoa(pid)); state != "Z"; state, _ = procStat(strconv.Itoa(pid)) {
		if time.Now().After(deadline) {
			t.Fatalf("pid %d never became a zombie (state %q)", pid, state)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if processAlive(pid, start) {
		t.Fatal("a zombie is taken as alive")
	}
	_ = cmd.Wait()
	if processAlive(pid, start) {
		t.Fatal("a reaped process is taken as alive")
	}
}
