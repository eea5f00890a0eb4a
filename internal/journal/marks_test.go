package journal

import (
	"maps"
	"path/filepath"
	"testing"
)

// The marks an Update holds are lost only once its process has ended; the
// next Update that holds them forgets the dead process's record, Done
// removes its own, ForgetMarks the dead ones; a marks record is never
// taken for a create record; a journal that cannot be written keeps none.
func TestMarksRecord(t *testing.T) {
	j, dir := openIn(t)
	id, marks := "zec-../../etc/x", map[string][]byte{"imported": []byte(`true`)}
	files := func() int { f, _ := filepath.Glob(filepath.Join(dir, "*")); return len(f) }

	held := j.HoldMarks(id, marks)
	if held == nil || files() != 1 {
		t.Fatalf("HoldMarks answered %v, %d files in the journal: want one record", held, files())
	}
	if lost := LostMarks(id); lost != nil {
		t.Fatalf("marks of a live Update taken for lost: %v", lost)
	}
	noCreates(t, j)
	held.Done()
	if files() != 0 || LostMarks(id) != nil {
		t.Fatalf("%d files after Done, lost %v: want none", files(), LostMarks(id))
	}

	// The provider dies in the middle of its Update: its marks are lost, and
	// only those of its object.
	j.HoldMarks(id, marks)
	NewProcessForTest()
	if lost := LostMarks(id); !maps.EqualFunc(lost, marks, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Fatalf("lost marks %v, want %v", lost, marks)
	}
	if lost := LostMarks("zec-other"); lost != nil {
		t.Fatalf("another object's lost marks: %v", lost)
	}
	// The next Update holds them (its refresh put them back): the dead
	// process's record goes, its own stays until it returns.
	again := j.HoldMarks(id, marks)
	if files() != 1 || LostMarks(id) != nil {
		t.Fatalf("after the next Update held the marks: %d files, lost %v; want its record alone", files(), LostMarks(id))
	}
	NewProcessForTest()
	ForgetMarks(id)
	if files() != 0 {
		t.Fatalf("%d files after ForgetMarks of a dead process's record", files())
	}
	again.Done() // its record is gone already: nothing to do

	var none *Journal
	none.HoldMarks(id, marks).Done() // a nil journal keeps nothing, and Done of nothing is safe
	if j.HoldMarks(id, nil) != nil || files() != 0 {
		t.Fatal("a record of no marks")
	}
	if m := unwritable(t).HoldMarks(id, marks); m != nil {
		t.Fatal("HoldMarks answered a record it could not write")
	}
}

// A provider whose terraform was killed may live on, idle, for as long as
// the machine runs: the marks its Updates held are lost all the same,
// since nothing they answer reaches a state.
func TestMarksOfAnEndedTerraform(t *testing.T) {
	j, _ := openIn(t)
	t.Cleanup(func(old string) func() { return func() { terraformProcess = old } }(terraformProcess))
	terraformProcess = "2147483646-1" // no such process
	j.HoldMarks("bmc-1", map[string][]byte{"step_sent": []byte(`{"step":"reinstall"}`)})
	if lost := LostMarks("bmc-1"); string(lost["step_sent"]) != `{"step":"reinstall"}` {
		t.Fatalf("the marks of an Update whose terraform ended, its provider alive: lost %v", lost)
	}
}
