package zenlayer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

type recorder struct {
	mu    sync.Mutex
	calls [][]string
}

func (r *recorder) add(ids []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, slices.Clone(ids))
}

func (r *recorder) snapshot() [][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

var errNotThere = errors.New("not there")

// newEcho answers "v-<id>" for every id except those starting with "missing".
func newEcho(rec *recorder, window time.Duration) *Coalescer[string] {
	return &Coalescer[string]{
		Window: window,
		Call: func(_ context.Context, ids []string) (map[string]Outcome[string], error) {
			rec.add(ids)
			out := map[string]Outcome[string]{}
			for _, id := range ids {
				if len(id) >= 7 && id[:7] == "missing" {
					continue
				}
				if len(id) >= 3 && id[:3] == "bad" {
					out[id] = Outcome[string]{Err: fmt.Errorf("%s refused", id)}
					continue
				}
				out[id] = Outcome[string]{Value: "v-" + id}
			}
			return out, nil
		},
		Missing: func(id string) Outcome[string] { return Outcome[string]{Err: fmt.Errorf("%s: %w", id, errNotThere)} },
	}
}

func doAll(c *Coalescer[string], ids []string) ([]string, []error) {
	vals, errs := make([]string, len(ids)), make([]error, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			vals[i], errs[i] = c.Do(context.Background(), id)
		}()
	}
	wg.Wait()
	return vals, errs
}

func TestCoalescerBatchesConcurrentCallers(t *testing.T) {
	rec := &recorder{}
	c := newEcho(rec, 50*time.Millisecond)
	ids := []string{"a", "b", "c", "a", "missing-1", "bad-1"}
	vals, errs := doAll(c, ids)
	calls := rec.snapshot()
	if len(calls) != 1 || len(calls[0]) != 5 {
		t.Fatalf("calls = %v, want one call with the 5 distinct ids", calls)
	}
	for i, id := range ids {
		switch id {
		case "missing-1":
			if !errors.Is(errs[i], errNotThere) {
				t.Errorf("%s: err = %v, want its own not-found", id, errs[i])
			}
		case "bad-1":
			if errs[i] == nil || errs[i].Error() != "bad-1 refused" {
				t.Errorf("%s: err = %v, want its own error", id, errs[i])
			}
		default:
			if errs[i] != nil || vals[i] != "v-"+id {
				t.Errorf("%s: got %q, %v", id, vals[i], errs[i])
			}
		}
	}
}

func TestCoalescerSplitsAtMaxBatch(t *testing.T) {
	rec := &recorder{}
	c := newEcho(rec, 200*time.Millisecond) // full batches flush at once, not after the window
	ids := make([]string, 250)
	for i := range ids {
		ids[i] = fmt.Sprintf("id-%03d", i)
	}
	vals, errs := doAll(c, ids)
	for i := range ids {
		if errs[i] != nil || vals[i] != "v-"+ids[i] {
			t.Fatalf("%s: %q %v", ids[i], vals[i], errs[i])
		}
	}
	calls := rec.snapshot()
	if len(calls) != 3 {
		t.Fatalf("%d calls, want 3", len(calls))
	}
	seen := map[string]bool{}
	for _, call := range calls {
		if len(call) > 100 {
			t.Fatalf("a call carried %d ids", len(call))
		}
		for _, id := range call {
			if seen[id] {
				t.Fatalf("%s asked twice", id)
			}
			seen[id] = true
		}
	}
}

func TestCoalescerFailedBatchIsSplitAndDoesNotPoisonTheNext(t *testing.T) {
	var mu sync.Mutex
	var calls [][]string
	fail := true
	c := &Coalescer[string]{
		Window: 30 * time.Millisecond,
		Call: func(_ context.Context, ids []string) (map[string]Outcome[string], error) {
			mu.Lock()
			calls = append(calls, slices.Clone(ids))
			mu.Unlock()
			// Like BMC ReleaseInstances: one unknown id fails the whole call.
			if slices.Contains(ids, "unknown") {
				return nil, errors.New("INVALID_INSTANCE_NOT_FOUND")
			}
			if fail && len(ids) == 1 && ids[0] == "flaky" {
				return nil, errors.New("HTTP 500")
			}
			out := map[string]Outcome[string]{}
			for _, id := range ids {
				out[id] = Outcome[string]{Value: "ok-" + id}
			}
			return out, nil
		},
	}
	vals, errs := doAll(c, []string{"x", "unknown", "y"})
	if errs[0] != nil || errs[2] != nil || vals[0] != "ok-x" || vals[2] != "ok-y" {
		t.Fatalf("good ids failed with the bad one: %v %v", vals, errs)
	}
	if errs[1] == nil || errs[1].Error() != "INVALID_INSTANCE_NOT_FOUND" {
		t.Fatalf("bad id: %v", errs[1])
	}
	if _, err := c.Do(context.Background(), "flaky"); err == nil {
		t.Fatal("flaky should fail once")
	}
	fail = false
	if v, err := c.Do(context.Background(), "flaky"); err != nil || v != "ok-flaky" {
		t.Fatalf("a later batch was poisoned: %q %v", v, err)
	}
}

func TestCoalescerCallerCancel(t *testing.T) {
	release := make(chan struct{})
	c := &Coalescer[string]{
		Window: time.Millisecond,
		Call: func(_ context.Context, ids []string) (map[string]Outcome[string], error) {
			<-release
			out := map[string]Outcome[string]{}
			for _, id := range ids {
				out[id] = Outcome[string]{Value: "late"}
			}
			return out, nil
		},
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := c.Do(ctx, "a")
		done <- err
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	close(release) // the call completes with nobody listening: no leak, no panic
	if v, err := c.Do(context.Background(), "b"); err != nil || v != "late" {
		t.Fatalf("after a cancelled caller: %q %v", v, err)
	}
}

func TestCoalescerOffCallsOnePerRequest(t *testing.T) {
	rec := &recorder{}
	c := newEcho(rec, 0)
	_, errs := doAll(c, []string{"a", "b", "c"})
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := len(rec.snapshot()); n != 3 {
		t.Fatalf("%d calls, want 3", n)
	}
}
