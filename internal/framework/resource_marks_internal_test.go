package framework

import (
	"context"
	"errors"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
)

// privateMap is a private state for keepInBin.
type privateMap map[string][]byte

func (p privateMap) GetKey(_ context.Context, key string) ([]byte, diag.Diagnostics) {
	return p[key], nil
}
func (p privateMap) SetKey(_ context.Context, key string, value []byte) diag.Diagnostics {
	if value == nil {
		delete(p, key)
	} else {
		p[key] = value
	}
	return nil
}

// Read keeps an object in the bin only with the mark on, or the journal's
// record of a release in flight (a killed destroy), which becomes the
// mark; it clears both once they have served; an error other than not
// found changes nothing.
func TestKeepInBin(t *testing.T) {
	t.Setenv(journal.EnvDir, t.TempDir())
	type obj struct{ status string }
	errNotFound, errOther := errors.New("not found"), errors.New("503")
	f := Finder[struct{}, obj]{
		Label: "thing", Status: func(o *obj) string { return o.status }, NotFound: func(err error) bool { return errors.Is(err, errNotFound) },
		InBin: func(s string) bool { return s == "RECYCLED" },
	}
	for _, tc := range []struct {
		name                         string
		marked, record, noInBin      bool
		obj                          *obj
		err                          error
		kept, markAfter, recordAfter bool
	}{
		{name: "no mark, in the bin", obj: &obj{"RECYCLED"}},
		{name: "marked, in the bin", marked: true, obj: &obj{"RECYCLED"}, kept: true, markAfter: true},
		{name: "marked, finder without InBin", marked: true, noInBin: true, obj: &obj{"RECYCLED"}, markAfter: true},
		{name: "marked, restored", marked: true, obj: &obj{"AVAILABLE"}},
		{name: "marked, gone", marked: true, err: errNotFound},
		{name: "marked, read failed", marked: true, err: errOther, markAfter: true},
		{name: "record, in the bin", record: true, obj: &obj{"RECYCLED"}, kept: true, markAfter: true, recordAfter: true},
		{name: "marked and record, in the bin", marked: true, record: true, obj: &obj{"RECYCLED"}, kept: true, markAfter: true, recordAfter: true},
		{name: "record, restored", record: true, obj: &obj{"AVAILABLE"}},
		{name: "record, gone", record: true, err: errNotFound},
		{name: "record, read failed", record: true, err: errOther, recordAfter: true},
		{name: "record, finder without InBin", record: true, noInBin: true, obj: &obj{"RECYCLED"}},
	} {
		ctx, p := context.Background(), privateMap{}
		var diags diag.Diagnostics
		if tc.marked {
			MarkDestroyUnfinished(ctx, p, &diags)
		}
		journal.ForgetRelease("t-1")
		if tc.record {
			j, _ := journal.Open()
			if j.BeginRelease("t-1") == nil {
				t.Fatal("the release record was not written")
			}
		}
		g := f
		if tc.noInBin {
			g.InBin = nil
		}
		kept := g.keepInBin(ctx, p, p, &diags, "t-1", tc.obj, tc.err)
		mark, record := DestroyUnfinished(ctx, p, &diags), journal.ReleasePending("t-1")
		if kept != tc.kept || mark != tc.markAfter || record != tc.recordAfter || diags.HasError() {
			t.Errorf("%s: kept %v (want %v), mark after %v (want %v), record after %v (want %v), diags %v",
				tc.name, kept, tc.kept, mark, tc.markAfter, record, tc.recordAfter, diags)
		}
	}
}

// The provider dies in the middle of the Update of an imported object whose
// create was also cut short: Terraform keeps the object without private
// state, and the next Read puts both marks back, as they were; a Read of
// an object that lost nothing, or whose Update returned, changes nothing.
func TestMarksOutliveAKilledUpdate(t *testing.T) {
	t.Setenv(journal.EnvDir, t.TempDir())
	ctx := context.Background()
	var diags diag.Diagnostics
	before := privateMap{}
	MarkImported(ctx, before, &diags)
	MarkCreateUnfinished(ctx, before, &diags, "thing", "t-1", "being built")

	// An Update that returns leaves nothing behind.
	holdMarks(ctx, before, "t-1").Done()
	after := privateMap{}
	if restoreMarks(ctx, after, after, &diags, "t-1"); len(after) != 0 {
		t.Fatalf("marks put back after an Update that returned: %v", after)
	}

	// One that dies with its process (the deferred done never runs).
	_ = holdMarks(ctx, before, "t-1")
	journal.NewProcessForTest()
	lost := privateMap{}
	restoreMarks(ctx, lost, lost, &diags, "t-1")
	if !Imported(ctx, lost) || !CreateUnfinished(ctx, lost, &diags) || string(lost["create_unfinished"]) != string(before["create_unfinished"]) {
		t.Fatalf("marks put back %v, want those before the Update %v", lost, before)
	}
	// A mark the private state still has is left as it is.
	kept := privateMap{"create_unfinished": []byte(`{"since":"2026-01-01T00:00:00Z","waiting_for":"x"}`)}
	restoreMarks(ctx, kept, kept, &diags, "t-1")
	if !Imported(ctx, kept) || string(kept["create_unfinished"]) != `{"since":"2026-01-01T00:00:00Z","waiting_for":"x"}` {
		t.Fatalf("private state after the Read: %v", kept)
	}
	other := privateMap{}
	if restoreMarks(ctx, other, other, &diags, "t-2"); len(other) != 0 {
		t.Fatalf("another object got marks: %v", other)
	}
	// No marks: no record.
	holdMarks(ctx, privateMap{}, "t-3")
	journal.NewProcessForTest()
	if lost := journal.LostMarks("t-3"); lost != nil {
		t.Fatalf("an Update without marks recorded %v", lost)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
}

// A step an Update sent (a reinstall) is known again after its provider
// died, by its name and the digest of its arguments, and only so; an
// Update that returned leaves no mark of it.
func TestStepSentOutlivesAKilledUpdate(t *testing.T) {
	t.Setenv(journal.EnvDir, t.TempDir())
	ctx := context.Background()
	var diags diag.Diagnostics

	returned := holdMarks(ctx, privateMap{}, "t-1")
	returned.Sent("reinstall", "d1")
	returned.Done()
	journal.NewProcessForTest()
	none := privateMap{}
	if restoreMarks(ctx, none, none, &diags, "t-1"); len(none) != 0 {
		t.Fatalf("marks put back after an Update that returned: %v", none)
	}

	holdMarks(ctx, privateMap{}, "t-1").Sent("reinstall", "d1") // killed before it returned
	journal.NewProcessForTest()
	p := privateMap{}
	restoreMarks(ctx, p, p, &diags, "t-1")
	if !Resumed(ctx, p, "reinstall", "d1") || Resumed(ctx, p, "reinstall", "d2") || Resumed(ctx, p, "rename", "d1") {
		t.Fatalf("the step sent, as put back: %q", p["step_sent"])
	}
	// The next Update holds it while it waits (and clears it from its
	// private state).
	next := holdMarks(ctx, p, "t-1")
	if ClearSent(ctx, p, &diags); Resumed(ctx, p, "reinstall", "d1") {
		t.Fatal("ClearSent left the mark")
	}
	next.Done()
	if lost := journal.LostMarks("t-1"); lost != nil || diags.HasError() {
		t.Fatalf("after the next Update returned: lost %v, diags %v", lost, diags)
	}
}

// A step killed while it was going out (Sending) is known again as
// unanswered, with what the object showed before, not as accepted; Sent
// makes it accepted; an Update that cannot tell what it means keeps it
// (KeepStepMark) for the next one.
func TestStepSendingOutlivesAKilledUpdate(t *testing.T) {
	t.Setenv(journal.EnvDir, t.TempDir())
	ctx := context.Background()
	var diags diag.Diagnostics

	holdMarks(ctx, privateMap{}, "t-2").Sending("reinstall", "d1", "shown-before") // killed with the call in flight
	journal.NewProcessForTest()
	p := privateMap{}
	restoreMarks(ctx, p, p, &diags, "t-2")
	m := StepMarkOf(ctx, p, "reinstall", "d1")
	if m != (StepMark{Unanswered: true, Before: "shown-before"}) || Resumed(ctx, p, "reinstall", "d1") {
		t.Fatalf("the step in flight, as put back: %+v (%q)", m, p["step_sent"])
	}
	if m := StepMarkOf(ctx, p, "reinstall", "d2"); m != (StepMark{}) {
		t.Fatalf("another digest's mark: %+v", m)
	}
	next := holdMarks(ctx, p, "t-2")
	ClearSent(ctx, p, &diags)
	if KeepStepMark(ctx, p, "reinstall", "d1", m, &diags); StepMarkOf(ctx, p, "reinstall", "d1") != m {
		t.Fatalf("KeepStepMark: %q", p["step_sent"])
	}
	next.Sent("reinstall", "d1") // the answer came
	next.Done()

	h := holdMarks(ctx, privateMap{}, "t-2")
	h.Sending("reinstall", "d1", "x")
	h.Sent("reinstall", "d1") // accepted, then killed
	journal.NewProcessForTest()
	q := privateMap{}
	if restoreMarks(ctx, q, q, &diags, "t-2"); !Resumed(ctx, q, "reinstall", "d1") || diags.HasError() {
		t.Fatalf("a step accepted after Sending, as put back: %q, %v", q["step_sent"], diags)
	}
}
