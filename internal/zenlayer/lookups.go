package zenlayer

import (
	"context"
	"errors"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// DefaultBatchWindow is how long a lookup waits for others to share its
// call. Terraform starts its (up to ten) concurrent operations within a
// few milliseconds of each other, and waiters poll on a shared time grid
// (internal/wait), so a short window catches them all.
const DefaultBatchWindow = 15 * time.Millisecond

// initLookups builds the coalescers behind the finders.
func (c *Client) initLookups() {
	c.diskLookup = diskKind.lookup(c)
	c.zecInstanceLookup = zecInstanceKind.lookup(c)
	c.zecRelease = newBatchAction(releaseWindow(c.cfg.BatchWindow), c.releaseZECInstancesByID)
	c.bmcInstanceLookup = bmcInstanceKind.lookup(c)
	c.bmcRelease = newBatchAction(releaseWindow(c.cfg.BatchWindow), c.releaseBMCInstancesByID)
}

// releaseWindow is the window of the release coalescers: releases follow
// the destruction of dependent resources, which end over a few poll ticks,
// and a release takes seconds, so waiting ten windows (150ms by default) for
// more ids costs little and saves many calls.
func releaseWindow(w time.Duration) time.Duration { return 10 * w }

// newBatchAction is a Coalescer for a batch action on ids that must not be
// sent twice (ReleaseInstances): every id gets its own error or success. A
// call refused by an answer that may be about one id is retried id by id;
// a call whose outcome is unknown (transport.Ambiguous) is not: each caller
// gets its error and reads its object (see releaseOnce).
func newBatchAction(window time.Duration, call func(context.Context, []string) (map[string]Outcome[struct{}], error)) *Coalescer[struct{}] {
	return &Coalescer[struct{}]{Window: window, MaxBatch: MaxIDsPerCall, Call: call, Split: splittable, OutcomeUnknown: transport.Ambiguous}
}

// perIDError is the error of a batch action that failed for some of its
// ids only (*BatchError, *BMCReleaseError): For(id) is that id's error,
// nil if the action succeeded for it.
type perIDError interface {
	error
	For(id string) error
}

// batchOutcomes maps the result of a batch action to per-id outcomes: when
// it failed with an E, each id gets its own error (or none); any other
// error is the whole call's.
func batchOutcomes[E perIDError](ids []string, err error) (map[string]Outcome[struct{}], error) {
	var pe E
	if err != nil && !errors.As(err, &pe) {
		return nil, err
	}
	out := make(map[string]Outcome[struct{}], len(ids))
	for _, id := range ids {
		var o Outcome[struct{}]
		if err != nil {
			o.Err = pe.For(id)
		}
		out[id] = o
	}
	return out, nil
}

// byID indexes the objects a Describe answered by their ids.
func byID[T any](list []T, id func(*T) string) map[string]*T {
	out := make(map[string]*T, len(list))
	for i := range list {
		out[id(&list[i])] = &list[i]
	}
	return out
}

// outcomes is a Describe's answer as per-id outcomes for a Coalescer.
func outcomes[T any](list []T, err error, id func(*T) string) (map[string]Outcome[*T], error) {
	if err != nil {
		return nil, err
	}
	out := make(map[string]Outcome[*T], len(list))
	for k, v := range byID(list, id) {
		out[k] = Outcome[*T]{Value: v}
	}
	return out, nil
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

// lookup is the Coalescer behind the kind's FindX: concurrent finds by id
// are sent as one Describe, and each gets the object it lists, or a
// *NotFoundError.
func (k *objectKind[T]) lookup(c *Client) *Coalescer[*T] {
	return newLookup(c.cfg.BatchWindow, k.name, func(ctx context.Context, ids []string) (map[string]Outcome[*T], error) {
		list, err := k.describe(ctx, c, describeQuery{ids: ids})
		return outcomes(list, err, k.id)
	})
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
