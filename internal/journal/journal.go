package journal

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// EnvDir overrides where the journal lives.
const EnvDir = "CLOUDCOMPUTE_JOURNAL_DIR"

// subdir is the journal's directory inside the Terraform data directory.
const subdir = "cloudcompute-creates"

// Entry is one create whose object no state is yet known to hold.
type Entry struct {
	Kind    string    `json:"kind"`
	Hash    string    `json:"hash"`
	Token   string    `json:"token"`
	Started time.Time `json:"started"`
	// LookUntil is how long an object of this create may still appear:
	// the create's own deadline (its timeout). A later run that finds the
	// record looks for the object until then before it gives up on it.
	LookUntil time.Time `json:"look_until"`
	State     string    `json:"state"`
	// IDs are the objects an answered create made or adopted.
	IDs []string `json:"ids,omitempty"`
	// Terraform is the process the create answers to (pid-start): once it
	// has ended without closing this provider, an answer may have reached
	// no state, and a create this provider stopped looking for is its no
	// longer (the provider of a killed terraform may linger, idle, for as
	// long as the machine runs).
	Terraform string `json:"terraform,omitempty"`

	// path is the record's file; empty when it could not be written.
	path string
}

// Record states.
const (
	// StateSending: the create is being sent; if its writer died, the
	// outcome is unknown.
	StateSending = "sending"
	// StateUnresolved: the answer was lost and the object had not appeared
	// when its writer stopped looking.
	StateUnresolved = "unresolved"
	// StateAnswered: answered with its ids (IDs), not yet known to be in a state (see Answered).
	StateAnswered = "answered"
)

// Journal is a directory of records; a nil *Journal keeps nothing.
type Journal struct {
	dir string
}

var (
	warnMu     sync.Mutex
	warnedDirs = map[string]bool{}
)

// Dir is where the journal of the working directory lives.
func Dir() string {
	if d := os.Getenv(EnvDir); d != "" {
		return d
	}
	data := os.Getenv("TF_DATA_DIR")
	if data == "" {
		data = ".terraform"
	}
	return filepath.Join(data, subdir)
}

// Open returns the journal of the working directory, making its directory
// if needed. When that fails it returns nil and, the first time in this
// process for that directory, a warning to show the user.
func Open() (*Journal, string) {
	dir := Dir()
	err := os.MkdirAll(filepath.Clean(dir), 0o700)
	if err == nil {
		// Writable? A read-only directory is found out now, not mid-create.
		probe := filepath.Join(dir, ".probe-"+currentOwner().String())
		if err = os.WriteFile(probe, nil, 0o600); err == nil {
			_ = os.Remove(probe)
			return &Journal{dir: dir}, ""
		}
	}
	return nil, writeWarning(dir, err)
}

// writeWarning is the warning for a journal that cannot be written, once
// per directory and process.
func writeWarning(dir string, err error) string {
	warnMu.Lock()
	defer warnMu.Unlock()
	if warnedDirs[dir] {
		return ""
	}
	warnedDirs[dir] = true
	return fmt.Sprintf("The provider could not write its record of creates in flight to %s (%v). "+
		"Creates are still looked up by their create token within this run, but if this run is interrupted or killed "+
		"while a create is in flight, the next run cannot find that object by itself. "+
		"Make the directory writable, or set TF_DATA_DIR or %s to a writable one.", dir, err, EnvDir)
}

// Hash is a stable digest of a create's arguments.
func Hash(kind string, args any) string {
	b, _ := json.Marshal(args)
	sum := sha256.Sum256(append([]byte(kind+"\x00"), b...))
	return hex.EncodeToString(sum[:16])
}

// fileName is the record of token owned by o.
func fileName(token string, o owner) string { return token + "@" + o.String() + ".json" }

// parseFileName splits a record's file name into its token and owner.
func parseFileName(name string) (string, owner, bool) {
	base, ok := strings.CutSuffix(name, ".json")
	if !ok {
		return "", owner{}, false
	}
	token, o, ok := strings.Cut(base, "@")
	if !ok {
		return "", owner{}, false
	}
	own, err := parseOwner(o)
	return token, own, err == nil
}

// Begin records a create about to be sent. The returned entry is never
// nil; its record is empty (nothing is kept) when the journal is nil or the
// file could not be written, and then warning says so (once).
func (j *Journal) Begin(kind, hash, token string, lookUntil time.Time) (e *Entry, warning string) {
	e = &Entry{Kind: kind, Hash: hash, Token: token, Started: time.Now().UTC(), LookUntil: lookUntil.UTC(), State: StateSending,
		Terraform: terraformProcess}
	if j == nil {
		return e, ""
	}
	path := filepath.Join(j.dir, fileName(token, currentOwner()))
	if err := writeFile(path, e); err != nil {
		return e, writeWarning(j.dir, err)
	}
	e.path = path
	return e, ""
}

// writeFile writes record v to path through a temporary file, so that a
// reader never sees half a record.
func writeFile(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// Unresolved marks the record: the object had not appeared when this
// process stopped looking. The record stays for the next run.
func (e *Entry) Unresolved() {
	if e == nil || e.path == "" {
		return
	}
	e.State = StateUnresolved
	_ = writeFile(e.path, e)
}

// Answered marks the record: the create was answered with ids, to the
// terraform that runs this provider. The record stays until a state is
// known to hold the ids: the provider is closed by that terraform
// (Closed), or a plan, refresh or destroy names one of them (Held). Until
// then an answer that terraform never saved (it was killed before it
// wrote its state) is not lost: a later create of the same arguments,
// once that terraform has ended, adopts the object instead of ordering
// another (Claim).
func (e *Entry) Answered(ids []string) {
	if e == nil || e.path == "" {
		return
	}
	e.State, e.IDs, e.Terraform = StateAnswered, ids, terraformProcess
	if writeFile(e.path, e) != nil {
		e.Done()
	}
}

// Done forgets the record: the outcome is known (the id is in a state, or
// the create was refused).
func (e *Entry) Done() {
	if e != nil && e.path != "" {
		_ = os.Remove(e.path)
		e.path = ""
	}
}

// Kept reports whether the entry has a durable record.
func (e *Entry) Kept() bool { return e != nil && e.path != "" }

// records yields the records of kind and arguments hash.
func (j *Journal) records(kind, hash string) iter.Seq[record] {
	return func(yield func(record) bool) {
		for r := range j.all() {
			if r.Kind == kind && r.Hash == hash && !yield(r) {
				return
			}
		}
	}
}

// record is a create record as read: its file, owner and entry.
type record struct {
	Entry
	file  string
	owner owner
}

// readHook, when set (tests), runs after each record is read: it lets a
// test change a record between the moment it is read and what follows.
var readHook func(file string)

// all yields every create record in the journal.
func (j *Journal) all() iter.Seq[record] {
	return func(yield func(record) bool) {
		if j == nil {
			return
		}
		files, _ := filepath.Glob(filepath.Join(j.dir, "*@*.json"))
		for _, f := range files {
			token, own, ok := parseFileName(filepath.Base(f))
			if !ok {
				continue
			}
			e, ok := readEntry(f, token)
			if !ok {
				continue
			}
			if readHook != nil {
				readHook(f)
			}
			if !yield(record{Entry: e, file: f, owner: own}) {
				return
			}
		}
	}
}

// readEntry reads the record in file, which must be of token.
func readEntry(file, token string) (Entry, bool) {
	var e Entry
	b, err := os.ReadFile(file) //nolint:gosec // our own directory
	return e, err == nil && json.Unmarshal(b, &e) == nil && e.Token == token
}

// claimable reports whether a record (owned by o) is one this process may
// take over: its process has ended, or its create is no longer being sent
// (answered, or no longer looked for) and the terraform it answers to has
// ended without closing its provider (an answer may be in no state; the
// provider it left behind has no more to do with that create).
func claimable(o owner, e *Entry) bool {
	return !alive(o) || (e.State != StateSending && o != currentOwner() && !terraformAlive(e.Terraform))
}

// Claim takes a record of the same kind and arguments that is claimable,
// if there is one, and makes it this process's. Claiming is atomic (a
// rename): two processes never claim the same record. Otherwise holder,
// if not 0, is the pid (-1: unknown) of a process other than this one,
// still running, that holds
// such a record whose outcome it has not answered: a create of them in
// flight there, or one a provider whose terraform was killed left behind
// before it exits itself. (An answered record of a live process is a
// finished create: another terraform's, or claimable.)
//
// Each record is judged by one reading of it: a record that changes the
// moment after (its create answered, its process ended) is judged again at
// the next Claim, never taken for one that is neither claimable nor held.
func (j *Journal) Claim(kind, hash string) (claimed *Entry, holder int) {
	me := currentOwner()
	for r := range j.records(kind, hash) {
		f, e, o := r.file, r.Entry, r.owner
		switch {
		case claimable(o, &e):
			mine := filepath.Join(j.dir, fileName(e.Token, me))
			if err := os.Rename(f, mine); err != nil {
				holder = -1 // another process took it first: it holds it now (which one, the name read does not say)
				continue
			}
			// The record as it is now: it may have been rewritten (answered)
			// since it was read.
			if now, ok := readEntry(mine, e.Token); ok {
				e = now
			}
			e.path = mine
			return &e, 0
		case o != me && alive(o) && e.State != StateAnswered:
			holder = o.pid
		}
	}
	return nil, holder
}

// Held forgets the answered records of object id: a plan, refresh or
// destroy has named it, so a state holds it, and no later create must
// adopt it. It only reads and removes: a refresh makes no directory.
func Held(id string) {
	j := &Journal{dir: Dir()}
	for r := range j.all() {
		if r.State == StateAnswered && slices.Contains(r.IDs, id) {
			_ = os.Remove(r.file)
		}
	}
}

// Closed forgets this process's answered records: the terraform that ran
// this provider has closed it, at the end of its run, and has saved, or
// is saving the moment it is done with its other providers, what it was
// answered. Called when the provider server stops (main).
func Closed() {
	j, me := &Journal{dir: Dir()}, currentOwner()
	for r := range j.all() {
		if r.owner == me && r.State == StateAnswered {
			_ = os.Remove(r.file)
		}
	}
}

// Entries lists the records in the journal (tests and diagnostics).
func (j *Journal) Entries() ([]Entry, error) {
	if j == nil {
		return nil, errors.New("no journal")
	}
	files, err := filepath.Glob(filepath.Join(j.dir, "*@*.json"))
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, f := range files {
		b, err := os.ReadFile(f) //nolint:gosec // our own directory
		if err != nil {
			continue
		}
		var e Entry
		if json.Unmarshal(b, &e) == nil {
			e.path = f
			out = append(out, e)
		}
	}
	return out, nil
}
