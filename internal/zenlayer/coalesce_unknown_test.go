package zenlayer

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"
)

// The coalescer rule of non-idempotent batches (releases): a batch whose
// outcome is unknown is never sent again; refusals are still split.

var (
	errLost = errors.New("read tcp: connection reset by peer") // no answer at all: ambiguous
	err500  = &APIError{Service: "zec", Action: "ReleaseDisk", HTTPStatus: 500, Code: CodeInternalServerError}
	err400  = &APIError{Service: "zec", Action: "ReleaseDisk", HTTPStatus: 400, Code: CodeUnsupportedDiskStatus}
	err404  = &APIError{Service: "zec", Action: "ReleaseDisk", HTTPStatus: 404, Code: CodeDiskNotFound}
)

// doBatch runs one Do per id at once and returns each id's error.
func doBatch(c *Coalescer[struct{}], ids ...string) map[string]error {
	var mu sync.Mutex
	out := map[string]error{}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			_, err := c.Do(context.Background(), id)
			mu.Lock()
			out[id] = err
			mu.Unlock()
		})
	}
	wg.Wait()
	return out
}

// A release batch whose outcome is unknown is never sent again, id by id
// or otherwise: every caller gets the error, to resolve by reading its object.
func TestCoalescerNeverResendsABatchWhoseOutcomeIsUnknown(t *testing.T) {
	for _, callErr := range []error{errLost, err500, &APIError{HTTPStatus: 502, Code: "HTTP_502"}, &APIError{HTTPStatus: 200, Code: CodeMalformedResponse}} {
		t.Run(callErr.Error(), func(t *testing.T) {
			rec := &recorder{}
			c := newBatchAction(30*time.Millisecond, func(_ context.Context, ids []string) (map[string]Outcome[struct{}], error) {
				rec.add(ids)
				return nil, callErr
			})
			errs := doBatch(c, "a", "b", "c")
			if calls := rec.snapshot(); len(calls) != 1 || len(calls[0]) != 3 {
				t.Fatalf("calls = %v, want the one batch of 3 ids and nothing re-sent", calls)
			}
			for id, err := range errs {
				if !errors.Is(err, callErr) {
					t.Errorf("%s: err = %v, want the batch's error", id, err)
				}
			}
		})
	}
}

// A refusal that may be about one id (a 4xx) is still split, so that one
// bad id does not fail the others: a refused call did nothing.
func TestCoalescerSplitsRefusedReleaseBatches(t *testing.T) {
	rec := &recorder{}
	refusal := &APIError{Service: "bmc", Action: "ReleaseInstances", HTTPStatus: 404, Code: CodeInstanceNotFound}
	c := newBatchAction(30*time.Millisecond, func(_ context.Context, ids []string) (map[string]Outcome[struct{}], error) {
		rec.add(ids)
		if slices.Contains(ids, "unknown") {
			return nil, refusal
		}
		return batchOutcomes[*BatchError](ids, nil)
	})
	errs := doBatch(c, "a", "unknown", "b")
	if errs["a"] != nil || errs["b"] != nil || !errors.Is(errs["unknown"], refusal) {
		t.Fatalf("errors %v, want only the unknown id to fail", errs)
	}
	if calls := rec.snapshot(); len(calls) != 4 {
		t.Fatalf("calls = %v, want the batch, then each id on its own", calls)
	}
}

// Lookups are idempotent: an ambiguous failure of a batch is split as before.
func TestLookupSplitsAmbiguousFailures(t *testing.T) {
	rec := &recorder{}
	c := newLookup(30*time.Millisecond, "ZEC disk", func(_ context.Context, ids []string) (map[string]Outcome[*Disk], error) {
		rec.add(ids)
		if len(ids) > 1 {
			return nil, err500
		}
		return map[string]Outcome[*Disk]{ids[0]: {Value: &Disk{DiskID: ids[0]}}}, nil
	})
	var wg sync.WaitGroup
	for _, id := range []string{"a", "b"} {
		wg.Go(func() {
			if d, err := c.Do(context.Background(), id); err != nil || d.DiskID != id {
				t.Errorf("%s: %v %v", id, d, err)
			}
		})
	}
	wg.Wait()
	if calls := rec.snapshot(); len(calls) != 3 {
		t.Fatalf("calls = %v, want the batch, then each id on its own", calls)
	}
}
