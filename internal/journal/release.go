package journal

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"time"
)

// Releases in flight. On an account with a recycle bin a destroy is two
// releases, into the bin and out of it. A destroy that fails or is
// interrupted between them leaves a mark in the resource's private state,
// but a provider process that is killed (SIGKILL, out of memory, a
// runner's hard stop) answers nothing and leaves no mark. So a destroy
// that is to release its object from the bin writes a record of it here
// first, and removes it when the destroy has returned: a record that
// remains is a destroy whose process died, and the next refresh keeps the
// object it finds in the bin (Pending) instead of dropping it as gone.

// Record is a record this process keeps while an operation runs (a
// release in flight, an Update's marks); a nil *Record keeps nothing.
type Record struct{ path string }

// Done removes the record: the operation has returned, done or with its
// error (which leaves its own mark).
func (r *Record) Done() {
	if r != nil {
		_ = os.Remove(r.path)
	}
}

// releaseRecord is what a record holds (for whoever reads the directory).
type releaseRecord struct {
	ID      string    `json:"id"`
	Started time.Time `json:"started"`
}

// releaseFile is the record of object id in dir.
func releaseFile(dir, id string) string {
	return filepath.Join(dir, "release-"+idDigest(id)+".pending")
}

// idDigest names an object's records: a digest, since an id is the API's
// text.
func idDigest(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:12])
}

// BeginRelease records that the destroy of object id is to release it from
// the recycle bin. A journal that cannot be written keeps nothing (nil).
func (j *Journal) BeginRelease(id string) *Record {
	if j == nil {
		return nil
	}
	path := releaseFile(j.dir, id)
	if writeFile(path, releaseRecord{ID: id, Started: time.Now().UTC()}) != nil {
		return nil
	}
	return &Record{path: path}
}

// ReleasePending reports whether the journal of the working directory
// holds the record of a release of object id, left by a destroy whose
// process died. It only reads: a refresh makes no directory.
func ReleasePending(id string) bool {
	_, err := os.Stat(releaseFile(Dir(), id))
	return err == nil
}

// ForgetRelease removes that record: the object is out of the bin, or gone.
func ForgetRelease(id string) {
	_ = os.Remove(releaseFile(Dir(), id))
}
