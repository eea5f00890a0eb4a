package emulator

import "time"

// timeline holds an object's future status changes. The emulator applies
// the ones that are due before it handles each request, so the status
// machines need no goroutines and follow the configured durations exactly.
type timeline struct {
	steps []step
}

type step struct {
	at    time.Time
	apply func()
}

// after schedules f to run d after now.
func (t *timeline) after(now time.Time, d time.Duration, f func()) {
	t.steps = append(t.steps, step{at: now.Add(d), apply: f})
}

// advance runs the due steps in order.
func (t *timeline) advance(now time.Time) {
	for len(t.steps) > 0 && !t.steps[0].at.After(now) {
		st := t.steps[0]
		t.steps = t.steps[1:]
		st.apply()
	}
}

// busy reports whether a change is still to come.
func (t *timeline) busy() bool { return len(t.steps) > 0 }

// clear drops every change still to come.
func (t *timeline) clear() { t.steps = nil }

// timed is embedded in every object with a status machine: its timeline
// (the field tl), and the method the generic helpers reach it through.
type timed struct{ tl timeline }

func (t *timed) timeline() *timeline { return &t.tl }

// advanceEach applies the due steps of every object of m, in the order of
// their ids. Called with s.mu held.
func advanceEach[V interface{ timeline() *timeline }](m map[string]V, now time.Time) {
	for _, v := range sortedValues(m) {
		v.timeline().advance(now)
	}
}
