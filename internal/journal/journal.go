// Package journal remembers the creates that are in flight, so that a
// create cut short by a killed provider process is found by the next run
// instead of being made twice.
//
// Terraform records a resource's id only when the provider's Create returns.
// If the provider process dies while a create is in flight (killed, OOM,
// machine lost), the object exists in the cloud but in no state. Before it
// sends a create, the provider writes an entry (kind, a hash of the create's
// arguments, the create token the object is tagged with) into the working
// directory's .terraform directory, and removes it when Create returns. A
// later Create with the same arguments that finds an entry left behind
// looks the object up by its token and adopts it. Objects created from the
// same arguments are interchangeable, so any such Create may adopt it.
//
// The journal is used only when the working directory has a .terraform
// directory (terraform init makes it), or CLOUDCOMPUTE_JOURNAL_DIR names one.
package journal

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// EnvDir overrides where the journal lives.
const EnvDir = "CLOUDCOMPUTE_JOURNAL_DIR"

// Entry is one create in flight.
type Entry struct {
	Kind    string    `json:"kind"`
	Hash    string    `json:"hash"`
	Token   string    `json:"token"`
	Started time.Time `json:"started"`

	path string
}

// Journal is a directory of entries; a nil *Journal does nothing.
type Journal struct {
	dir string
}

// Open returns the journal of the working directory, or nil if there is none.
func Open() *Journal {
	dir := os.Getenv(EnvDir)
	if dir == "" {
		if fi, err := os.Stat(".terraform"); err != nil || !fi.IsDir() {
			return nil
		}
		dir = filepath.Join(".terraform", "cloudcompute-creates")
	}
	if err := os.MkdirAll(filepath.Clean(dir), 0o700); err != nil { //nolint:gosec // the operator's or the working directory's own path
		return nil
	}
	return &Journal{dir: dir}
}

// Hash is a stable digest of a create's arguments.
func Hash(kind string, args any) string {
	b, _ := json.Marshal(args)
	sum := sha256.Sum256(append([]byte(kind+"\x00"), b...))
	return hex.EncodeToString(sum[:16])
}

// Begin records a create about to be sent.
func (j *Journal) Begin(kind, hash, token string) *Entry {
	e := &Entry{Kind: kind, Hash: hash, Token: token, Started: time.Now().UTC()}
	if j == nil {
		return e
	}
	b, _ := json.Marshal(e)
	e.path = filepath.Join(j.dir, token+".json")
	if err := os.WriteFile(e.path, b, 0o600); err != nil {
		e.path = ""
	}
	return e
}

// Done forgets the entry: Create has returned, so Terraform knows the outcome.
func (e *Entry) Done() {
	if e != nil && e.path != "" {
		_ = os.Remove(e.path)
		claimMu.Lock()
		delete(claimedHere, e.path)
		claimMu.Unlock()
	}
}

// Claim takes an entry left behind by an earlier process for the same kind
// and arguments, if there is one. Claiming is atomic: two creates never
// claim the same entry. The caller looks the object up and calls Done.
func (j *Journal) Claim(kind, hash string) *Entry {
	if j == nil {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(j.dir, "*.json"))
	// A claimed entry whose claimer died (its adoption cut short too) is
	// an orphan again; one claimed by this process is not.
	claimedFiles, _ := filepath.Glob(filepath.Join(j.dir, "*.claimed"))
	files = append(files, claimedFiles...)
	claimMu.Lock()
	defer claimMu.Unlock()
	for _, f := range files {
		if claimedHere[f] {
			continue
		}
		b, err := os.ReadFile(f) //nolint:gosec // our own directory
		if err != nil {
			continue
		}
		var e Entry
		if json.Unmarshal(b, &e) != nil || e.Kind != kind || e.Hash != hash {
			continue
		}
		// Entries of this process's own creates in flight are not orphans:
		// only those older than this process can be.
		if !e.Started.Before(processStart) {
			continue
		}
		claimed := strings.TrimSuffix(strings.TrimSuffix(f, ".json"), ".claimed") + ".claimed"
		if f != claimed {
			if err := os.Rename(f, claimed); err != nil {
				continue // another create took it
			}
		}
		claimedHere[claimed] = true
		e.path = claimed
		return &e
	}
	return nil
}

var (
	processStart = time.Now().UTC()
	claimMu      sync.Mutex
	claimedHere  = map[string]bool{}
)

// ErrAmbiguous is returned by an adoption that found more than one object.
var ErrAmbiguous = errors.New("more than one object carries the create token")

// Create runs a create that survives a killed provider: it first adopts
// the object of an earlier create of the same arguments that a dead process
// left unfinished (looked up by that create's token), and otherwise sends a
// new create under a journal entry. newToken makes a token; create sends
// the create tagged with it; lookup finds the objects tagged with a token
// that are still usable. The caller calls done when the resource's Create
// returns (Terraform then has the id), and not before: a process killed
// while it waits for the object must leave the entry behind.
func Create(kind string, args any, newToken func() string,
	create func(token string) ([]string, error), lookup func(token string, started time.Time) ([]string, error)) (ids []string, adopted bool, done func(), err error) {
	j := Open()
	hash := Hash(kind, args)
	if orphan := j.Claim(kind, hash); orphan != nil {
		found, lerr := lookup(orphan.Token, orphan.Started)
		if lerr == nil && len(found) == 1 {
			return found, true, orphan.Done, nil
		}
		orphan.Done()
	}
	token := newToken()
	entry := j.Begin(kind, hash, token)
	ids, err = create(token)
	return ids, false, entry.Done, err
}
