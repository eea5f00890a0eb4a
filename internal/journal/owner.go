package journal

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
)

// owner names the process that wrote a record: its pid, its start time
// (as the operating system counts it, so that a reused pid is told apart),
// and a nonce of this process's own (so that tests, which run many
// provider "processes" in one, can let go of their records).
type owner struct {
	pid   int
	start string
	nonce string
}

func (o owner) String() string { return strconv.Itoa(o.pid) + "-" + o.start + "-" + o.nonce }

func parseOwner(s string) (owner, error) {
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return owner{}, errors.New("not pid-start-nonce")
	}
	pid, err := strconv.Atoi(parts[0])
	if err != nil || pid <= 0 {
		return owner{}, fmt.Errorf("bad pid %q", parts[0])
	}
	return owner{pid: pid, start: parts[1], nonce: parts[2]}, nil
}

var (
	selfMu sync.Mutex
	self   = owner{pid: os.Getpid(), start: processStartTime(), nonce: newNonce()}
)

func newNonce() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// alive reports whether the process that owns a record may still be
// running, so that its record must be left alone.
func alive(o owner) bool {
	selfMu.Lock()
	me := self
	selfMu.Unlock()
	if o.pid == me.pid && o.start == me.start {
		return o.nonce == me.nonce
	}
	return processAlive(o.pid, o.start)
}

// terraformProcess names the process that started this one (terraform,
// for a provider it runs) as pid-start, its start time where the system
// tells it (processStartTimeOf).
var terraformProcess = strconv.Itoa(os.Getppid()) + "-" + processStartTimeOf(os.Getppid())

// terraformAlive reports whether the terraform named pid-start (an
// Entry's Terraform) may still be running. A name that cannot be read is
// taken as running: such a record is never claimed from a live process.
func terraformAlive(name string) bool {
	pid, start, ok := strings.Cut(name, "-")
	n, err := strconv.Atoi(pid)
	if !ok || err != nil || n <= 0 {
		return true
	}
	return processAlive(n, start)
}

// TerraformEnded reports whether the terraform that started this process
// has ended: what this provider answers now reaches no state.
func TerraformEnded() bool { return !terraformAlive(terraformProcess) }

// NewProcessForTest gives this process a new identity, as if the provider
// had been restarted: the records of the old identity become a dead
// process's, which the next Create may adopt. Acceptance tests run every
// terraform command against a provider inside the test process, so this is
// how they show what a new provider process does.
func NewProcessForTest() {
	selfMu.Lock()
	defer selfMu.Unlock()
	self.nonce = newNonce()
}

// currentOwner is this process's identity now.
func currentOwner() owner {
	selfMu.Lock()
	defer selfMu.Unlock()
	return self
}
