package wait

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// fakeClock advances its time by exactly the requested duration on every
// After, so a wait runs instantly while its sleeps are recorded.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
	block  bool // After never fires (for ctx tests)
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	c.sleeps = append(c.sleeps, d)
	if c.block {
		return ch
	}
	c.now = c.now.Add(d)
	ch <- c.now
	return ch
}

type obj struct{ status string }

// script returns a StatusFunc that answers the given statuses in turn and
// repeats the last one forever.
func script(statuses ...string) (StatusFunc[*obj], *int) {
	calls := 0
	return func(context.Context) (*obj, string, error) {
		s := statuses[min(calls, len(statuses)-1)]
		calls++
		if s == Gone {
			return nil, Gone, nil
		}
		return &obj{status: s}, s, nil
	}, &calls
}

func TestUntilSuccess(t *testing.T) {
	clock := newFakeClock()
	refresh, calls := script("CREATING", "CREATING", "CREATING", "AVAILABLE")
	got, err := Until(context.Background(), Config[*obj]{
		Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"}, Refresh: refresh,
		Clock: clock, MinInterval: time.Second, MaxInterval: 3 * time.Second, Multiplier: 2, Jitter: 0.0001,
	})
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if got.status != "AVAILABLE" || *calls != 4 {
		t.Fatalf("got %+v after %d calls", got, *calls)
	}
	// First poll immediate; then 1s, 2s, 3s (capped): backoff grows and is capped.
	want := []time.Duration{time.Second, 2 * time.Second, 3 * time.Second}
	if len(clock.sleeps) != len(want) {
		t.Fatalf("sleeps %v, want %v", clock.sleeps, want)
	}
	for i, w := range want {
		if d := clock.sleeps[i] - w; d > time.Millisecond || d < -time.Millisecond {
			t.Errorf("sleep %d = %v, want ~%v", i, clock.sleeps[i], w)
		}
	}
}

func TestUntilFailureStatus(t *testing.T) {
	refresh, calls := script("CREATING", "CREATE_FAILED", "AVAILABLE")
	_, err := Until(context.Background(), Config[*obj]{
		Operation: "disk d-1 to be created", Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"},
		Failure: []string{"CREATE_FAILED"}, Refresh: refresh, Clock: newFakeClock(),
		FailureDetail: func(o *obj) string { return "quota" },
	})
	var fe *FailureError
	if !errors.As(err, &fe) {
		t.Fatalf("want FailureError, got %v", err)
	}
	if fe.Status != "CREATE_FAILED" || *calls != 2 {
		t.Fatalf("status %q after %d calls", fe.Status, *calls)
	}
	if want := "disk d-1 to be created: reached failure status CREATE_FAILED: quota"; err.Error() != want {
		t.Fatalf("message %q, want %q", err.Error(), want)
	}
}

func TestUntilTimeout(t *testing.T) {
	clock := newFakeClock()
	refresh, calls := script("CHANGING")
	_, err := Until(context.Background(), Config[*obj]{
		Operation: "resize", Pending: []string{"CHANGING"}, Target: []string{"IN_USE"}, Refresh: refresh,
		Clock: clock, Timeout: time.Minute, MinInterval: time.Second, MaxInterval: 10 * time.Second, Jitter: 0.0001,
	})
	var te *TimeoutError
	if !errors.As(err, &te) {
		t.Fatalf("want TimeoutError, got %v", err)
	}
	if te.LastStatus != "CHANGING" {
		t.Fatalf("last status %q", te.LastStatus)
	}
	// It must not overshoot the deadline by sleeping past it.
	if elapsed := clock.Now().Sub(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); elapsed > time.Minute+time.Millisecond {
		t.Fatalf("waited %v past a 1m timeout", elapsed)
	}
	if *calls < 5 || *calls > 15 {
		t.Fatalf("%d polls in a minute with 1s..10s backoff", *calls)
	}
}

func TestUntilContextCancel(t *testing.T) {
	clock := newFakeClock()
	clock.block = true
	inner, calls := script("CREATING")
	ctx, cancel := context.WithCancel(context.Background())
	// Ctrl-C arrives while the waiter sleeps after its first poll.
	refresh := func(ctx context.Context) (*obj, string, error) {
		defer cancel()
		return inner(ctx)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Until(ctx, Config[*obj]{Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"}, Refresh: refresh, Clock: clock})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("want context.Canceled, got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Until did not return after cancel")
	}
	if *calls != 1 {
		t.Fatalf("%d polls, want 1 (the immediate one)", *calls)
	}
}

func TestUntilFlappingNotFound(t *testing.T) {
	// Right after a create, a read may not see the object yet: a lone
	// not-found in between must not end the wait.
	refresh, calls := script(Gone, "CREATING", Gone, Gone, "AVAILABLE")
	got, err := Until(context.Background(), Config[*obj]{
		Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"}, Refresh: refresh, Clock: newFakeClock(),
	})
	if err != nil || got.status != "AVAILABLE" || *calls != 5 {
		t.Fatalf("got %+v, %v after %d calls", got, err, *calls)
	}
}

func TestUntilNotFoundBelievedAfterChecks(t *testing.T) {
	refresh, calls := script(Gone)
	_, err := Until(context.Background(), Config[*obj]{
		Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"}, Refresh: refresh, Clock: newFakeClock(), NotFoundChecks: 3,
	})
	if !errors.Is(err, ErrGone) || *calls != 3 {
		t.Fatalf("want ErrGone after 3 polls, got %v after %d", err, *calls)
	}
}

func TestUntilGoneTarget(t *testing.T) {
	refresh, calls := script("DELETING", "DELETING", Gone)
	got, err := Until(context.Background(), Config[*obj]{
		Pending: []string{"DELETING"}, Target: []string{Gone}, Refresh: refresh, Clock: newFakeClock(),
	})
	if err != nil || got != nil || *calls != 3 {
		t.Fatalf("got %+v, %v after %d calls", got, err, *calls)
	}
}

func TestUntilUnknownStatus(t *testing.T) {
	refresh, _ := script("CREATING", "SOMETHING_NEW", "AVAILABLE")
	cfg := Config[*obj]{Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"}, Refresh: refresh, Clock: newFakeClock()}
	var ue *UnexpectedStatusError
	if _, err := Until(context.Background(), cfg); !errors.As(err, &ue) || ue.Status != "SOMETHING_NEW" {
		t.Fatalf("want UnexpectedStatusError, got %v", err)
	}
	refresh, _ = script("CREATING", "SOMETHING_NEW", "AVAILABLE")
	cfg.Refresh, cfg.UnknownIsPending = refresh, true
	if _, err := Until(context.Background(), cfg); err != nil {
		t.Fatalf("unknown status with UnknownIsPending: %v", err)
	}
}

func TestUntilRefreshError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Until(context.Background(), Config[*obj]{
		Target: []string{"AVAILABLE"}, Clock: newFakeClock(),
		Refresh: func(context.Context) (*obj, string, error) { return nil, "", boom },
	})
	if !errors.Is(err, boom) {
		t.Fatalf("want wrapped boom, got %v", err)
	}
}

func TestBackoff(t *testing.T) {
	half := func() float64 { return 0.5 }
	cases := []struct {
		n    int
		want time.Duration
	}{{0, 100 * time.Millisecond}, {1, 200 * time.Millisecond}, {3, 800 * time.Millisecond}, {10, 2 * time.Second}, {60, 2 * time.Second}}
	for _, c := range cases {
		if got := Backoff(c.n, 100*time.Millisecond, 2*time.Second, 0.5, half); got != c.want {
			t.Errorf("Backoff(%d) = %v, want %v", c.n, got, c.want)
		}
	}
	// Jitter stays inside its band.
	for range 100 {
		d := Backoff(2, time.Second, time.Minute, 0.5, nil)
		if d < 3*time.Second || d >= 5*time.Second {
			t.Fatalf("jittered backoff %v outside [3s,5s)", d)
		}
	}
}

func TestSleepHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	clock := newFakeClock()
	clock.block = true
	if err := Sleep(ctx, clock, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("want Canceled, got %v", err)
	}
}

func TestUntilAlignedProportionalSchedule(t *testing.T) {
	clock := newFakeClock()
	clock.now = clock.now.Add(123 * time.Millisecond) // start off the grid
	statuses := make([]string, 40)
	for i := range statuses {
		statuses[i] = "CREATING"
	}
	statuses = append(statuses, "RUNNING")
	refresh, _ := script(statuses...)
	var polls []time.Time
	_, err := Until(context.Background(), Config[*obj]{
		Target: []string{"RUNNING"}, UnknownIsPending: true, Refresh: refresh, Clock: clock,
		MinInterval: 250 * time.Millisecond, MaxInterval: 8 * time.Second, Proportional: 0.1, Align: true,
		OnPoll: func(int, string) { polls = append(polls, clock.Now()) },
	})
	if err != nil {
		t.Fatal(err)
	}
	start := polls[0]
	for i, p := range polls[1:] {
		if p.UnixNano()%int64(250*time.Millisecond) != 0 {
			t.Fatalf("poll %d at %s is not on the 250ms grid", i+1, p.Format("15:04:05.000"))
		}
		gap := p.Sub(polls[i])
		waited := polls[i].Sub(start)
		// The gap never exceeds max(10% of the time waited, the minimum), plus one grid step of alignment.
		limit := max(waited/10, 250*time.Millisecond)*2 + 250*time.Millisecond
		if gap > limit || gap > 8*time.Second+250*time.Millisecond {
			t.Fatalf("poll %d: gap %s after waiting %s exceeds %s", i+1, gap, waited, limit)
		}
	}
	if last := polls[len(polls)-1].Sub(polls[len(polls)-2]); last < time.Second {
		t.Fatalf("the interval did not grow: last gap %s", last)
	}
}

func TestStatusOf(t *testing.T) {
	type obj struct{ state string }
	errNotFound := errors.New("not found")
	errOther := errors.New("boom")
	answers := map[string]struct {
		o   *obj
		err error
	}{"a": {&obj{"RUNNING"}, nil}, "gone": {nil, errNotFound}, "bad": {nil, errOther}}
	find := func(_ context.Context, id string) (*obj, error) { return answers[id].o, answers[id].err }
	isNotFound := func(err error) bool { return errors.Is(err, errNotFound) }
	status := func(o *obj) string { return o.state }
	for id, want := range map[string]struct {
		status string
		err    error
	}{"a": {"RUNNING", nil}, "gone": {Gone, nil}, "bad": {"", errOther}} {
		o, s, err := StatusOf(find, id, isNotFound, status)(context.Background())
		if s != want.status || !errors.Is(err, want.err) || (err == nil) != (want.err == nil) || (o != nil) != (id == "a") {
			t.Errorf("%s: %v %q %v, want %q %v", id, o, s, err, want.status, want.err)
		}
	}
}

func TestObject(t *testing.T) {
	polls := 0
	refresh := func(context.Context) (*int, string, error) {
		polls++
		if polls < 3 {
			return nil, "SOMETHING_NEW", nil // unknown statuses are in progress
		}
		n := polls
		return &n, "RUNNING", nil
	}
	c := Object(context.Background(), "ZEC disk", "d-1", "to be RUNNING", refresh, time.Minute, []string{"RUNNING"}, []string{"FAILED"})
	if c.Operation != "ZEC disk d-1 to be RUNNING" || !c.UnknownIsPending || c.OnPoll == nil {
		t.Fatalf("%+v", c)
	}
	c.Clock, c.Rand = newFakeClock(), func() float64 { return 0 }
	got, err := Until(context.Background(), c)
	if err != nil || got == nil || *got != 3 {
		t.Fatalf("%v %v", got, err)
	}
}
