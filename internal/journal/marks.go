package journal

import (
	"encoding/json"
	"iter"
	"os"
	"path/filepath"
	"strings"
)

// Marks held by an Update in flight. A resource's private state (the
// provider's marks: an import's, a cut create's) is what the provider
// answers; when the provider process dies in the middle of an Update,
// Terraform keeps the object's prior value with no private state at all.
// An import mark lost that way makes the next plan act on what the import
// adopted (a user_data that replaces the machine, SSH keys that reinstall
// it). So an Update whose request carries marks writes them here first,
// named by the object's id and this process, and removes the record when
// it returns: a record whose process has ended is an Update that died, and
// the next refresh of the object puts its marks back (Lost). The next
// Update that holds them forgets the dead process's record.

// marksRecord is what a record holds.
type marksRecord struct {
	ID    string            `json:"id"`
	Marks map[string][]byte `json:"marks"`
	// Terraform is the process the Update answers to (pid-start): once it
	// has ended, nothing the Update answers reaches a state, even while
	// its provider lives on (a provider whose terraform was killed may
	// linger, idle, for as long as the machine runs).
	Terraform string `json:"terraform"`
}

// marksPrefix starts the name of every marks record of object id. The
// owner and ".held" follow, so that no create record is ever taken for
// one, nor one for a create.
func marksPrefix(dir, id string) string {
	return filepath.Join(dir, "marks-"+idDigest(id)+"@")
}

// HoldMarks records the marks (private-state key to value) that an Update
// of object id starts with, until Done, and forgets the records of
// processes that have ended (this Update holds their marks now: the
// refresh before it put them back). A journal that cannot be written, or
// no marks, keeps nothing (nil).
func (j *Journal) HoldMarks(id string, marks map[string][]byte) *Record {
	if j == nil || len(marks) == 0 {
		return nil
	}
	forgetEnded(j.dir, id)
	path := marksPrefix(j.dir, id) + currentOwner().String() + ".held"
	if writeFile(path, marksRecord{ID: id, Marks: marks, Terraform: terraformProcess}) != nil {
		return nil
	}
	return &Record{path: path}
}

// LostMarks returns the marks that Updates of object id held when their
// processes, or the terraforms they answered to, died (none: nil), from
// the journal of the working directory. It only reads: a refresh makes no
// directory.
func LostMarks(id string) map[string][]byte {
	var lost map[string][]byte
	for _, rec := range endedHolds(Dir(), id) {
		for k, v := range rec.Marks {
			if lost == nil {
				lost = map[string][]byte{}
			}
			lost[k] = v
		}
	}
	return lost
}

// ForgetMarks removes the records of object id whose processes have
// ended: the object is gone.
func ForgetMarks(id string) { forgetEnded(Dir(), id) }

func forgetEnded(dir, id string) {
	for file := range endedHolds(dir, id) {
		_ = os.Remove(file)
	}
}

// endedHolds yields the marks records of object id in dir (file and
// record) whose processes, or the terraforms they answer to, have ended.
func endedHolds(dir, id string) iter.Seq2[string, marksRecord] {
	return func(yield func(string, marksRecord) bool) {
		prefix := marksPrefix(dir, id)
		files, _ := filepath.Glob(prefix + "*.held")
		for _, f := range files {
			o, err := parseOwner(strings.TrimSuffix(strings.TrimPrefix(f, prefix), ".held"))
			var rec marksRecord
			b, rerr := os.ReadFile(f) //nolint:gosec // our own directory
			if err != nil || rerr != nil || json.Unmarshal(b, &rec) != nil || rec.ID != id || (alive(o) && terraformAlive(rec.Terraform)) {
				continue
			}
			if !yield(f, rec) {
				return
			}
		}
	}
}
