package zenlayer

import (
	"context"
	"errors"
	"time"
)

// DefaultBatchWindow is how long a lookup waits for others to share its
// call. Terraform starts its (up to ten) concurrent operations within a
// few milliseconds of each other, and waiters poll on a shared time grid
// (internal/wait), so a short window catches them all.
const DefaultBatchWindow = 15 * time.Millisecond

// initLookups builds the coalescers behind the finders.
func (c *Client) initLookups() {
	c.diskLookup = newLookup(c.cfg.BatchWindow, "ZEC disk", c.describeDisksByID)
}

// newLookup is a Coalescer for a Describe by ids: an id the answer leaves
// out is a *NotFoundError, and a not-found code for a single id is too.
func newLookup[V any](window time.Duration, kind string, call func(context.Context, []string) (map[string]Outcome[V], error)) *Coalescer[V] {
	return &Coalescer[V]{
		Window:   window,
		MaxBatch: MaxIDsPerCall,
		Call: func(ctx context.Context, ids []string) (map[string]Outcome[V], error) {
			out, err := call(ctx, ids)
			if err != nil && len(ids) == 1 && IsNotFoundCode(err) {
				return map[string]Outcome[V]{ids[0]: {Err: &NotFoundError{Kind: kind, ID: ids[0], Cause: err}}}, nil
			}
			return out, err
		},
		Missing: func(id string) Outcome[V] { return Outcome[V]{Err: &NotFoundError{Kind: kind, ID: id}} },
		Split:   splittable,
	}
}

// splittable says whether a failed batched call may be about one of its
// ids, so that retrying them one by one can help: not when the credentials
// were refused, the rate limit persisted, or the caller's time ran out.
func splittable(err error) bool {
	if IsAuthError(err) || HasCode(err, CodeRequestLimitExceeded) {
		return false
	}
	return !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}
