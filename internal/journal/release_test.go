package journal

import (
	"os"
	"path/filepath"
	"testing"
)

// A release record is there from BeginRelease until Done or ForgetRelease,
// names the object by a digest (an id is the API's text), and is never
// taken for a create record; a journal that cannot be written keeps none.
func TestReleaseRecord(t *testing.T) {
	j, dir := openIn(t)
	id := "disk-../../etc/x"
	if ReleasePending(id) {
		t.Fatal("a record before BeginRelease")
	}
	r := j.BeginRelease(id)
	if r == nil || !ReleasePending(id) || ReleasePending("disk-other") {
		t.Fatalf("after BeginRelease: record %v, pending %v, other pending %v", r, ReleasePending(id), ReleasePending("disk-other"))
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 1 || filepath.Dir(files[0]) != dir {
		t.Fatalf("records %v, want one file in %s", files, dir)
	}
	noCreates(t, j)
	r.Done()
	if ReleasePending(id) {
		t.Fatal("a record after Done")
	}
	j.BeginRelease(id)
	ForgetRelease(id)
	if ReleasePending(id) {
		t.Fatal("a record after ForgetRelease")
	}
	var none *Journal
	none.BeginRelease(id).Done() // a nil journal keeps nothing, and Done of nothing is safe
	if ReleasePending(id) {
		t.Fatal("a nil journal wrote a record")
	}
	if r := unwritable(t).BeginRelease(id); r != nil {
		t.Fatal("BeginRelease answered a record it could not write")
	}
}

// openIn opens a journal in a directory of the test's own.
func openIn(t *testing.T) (*Journal, string) {
	t.Helper()
	dir := useDir(t)
	j, warning := Open()
	if j == nil {
		t.Fatal(warning)
	}
	return j, dir
}

// noCreates fails t when a record of j (a release's, an Update's marks) is
// taken for a create's.
func noCreates(t *testing.T, j *Journal) {
	t.Helper()
	if entries, err := j.Entries(); err != nil || len(entries) != 0 {
		t.Fatalf("create entries %v (err %v): another record was taken for a create's", entries, err)
	}
	if e, _ := j.Claim("disk", "h"); e != nil {
		t.Fatalf("Claim took another record: %+v", e)
	}
}

// unwritable is a journal whose directory is a file.
func unwritable(t *testing.T) *Journal {
	t.Helper()
	file := filepath.Join(t.TempDir(), "not-a-directory")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	return &Journal{dir: file}
}
