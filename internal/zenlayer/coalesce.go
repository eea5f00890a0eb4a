package zenlayer

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Outcome is one id's answer from a batched call.
type Outcome[V any] struct {
	Value V
	Err   error
}

// Coalescer turns concurrent single-id requests made within a short window
// into one call with all their ids (at most MaxBatch per call). Terraform
// runs up to ten resource operations at once, each polling on its own; the
// Zenlayer API takes many ids per Describe and up to 100 per
// ReleaseInstances, so one call can answer them all.
//
// Each caller gets its own outcome: its value, its own error (from the
// per-id answer, or Missing when the call did not mention the id), or the
// call's error. When a whole call fails and it carried several ids, each id
// is retried on its own, so that one bad id cannot fail the others, unless
// the call's outcome is unknown (see OutcomeUnknown): the ids of such a
// call are never sent again. A batch that fails does not affect later ones,
// and a caller whose ctx ends stops waiting at once (the call it joined
// still completes for the others).
type Coalescer[V any] struct {
	// Window is how long a batch stays open for more ids after its first
	// (0 or less: no coalescing, every request is its own call).
	Window time.Duration
	// MaxBatch is the most ids one call takes (default 100).
	MaxBatch int
	// Call performs the batched request for ids (distinct, at most MaxBatch)
	// and returns the outcome per id it has one for.
	Call func(ctx context.Context, ids []string) (map[string]Outcome[V], error)
	// Missing is the outcome of an id the call answered nothing for.
	Missing func(id string) Outcome[V]
	// Split, if set, decides whether a failed multi-id call is retried id by
	// id (default: always). A failure that cannot be about one id (an
	// authentication error, a timeout of the caller's ctx) need not be.
	Split func(err error) bool
	// OutcomeUnknown, if set, says that a failed call may nevertheless have
	// been acted on (its answer was lost, or the server failed after it may
	// have acted). It is for calls that must not be sent twice (releases):
	// the ids of such a call are never re-sent, split or not; every caller
	// gets the call's error and resolves it by reading its own object.
	// Refusals that are not ambiguous are still split.
	OutcomeUnknown func(err error) bool

	mu   sync.Mutex
	open *pendingBatch[V]
}

type pendingBatch[V any] struct {
	ids     []string
	waiters map[string][]chan Outcome[V]
	ctx     context.Context
	timer   *time.Timer
	flushed bool
}

// Do requests id and waits for its outcome or for ctx.
func (c *Coalescer[V]) Do(ctx context.Context, id string) (V, error) {
	if c.Window <= 0 {
		return c.single(ctx, id)
	}
	ch := make(chan Outcome[V], 1)
	c.mu.Lock()
	b := c.open
	if b == nil {
		// The batch's call must outlive any one caller's ctx (others wait on
		// it) but keep its values (log fields); every caller bounds its own wait.
		b = &pendingBatch[V]{waiters: map[string][]chan Outcome[V]{}, ctx: context.WithoutCancel(ctx)}
		c.open = b
		b.timer = time.AfterFunc(c.Window, func() { c.flush(b) })
	}
	if _, ok := b.waiters[id]; !ok {
		b.ids = append(b.ids, id)
	}
	b.waiters[id] = append(b.waiters[id], ch)
	full := len(b.ids) >= c.maxBatch()
	if full {
		c.open = nil // closed to new ids at once; the next caller opens a new batch
	}
	c.mu.Unlock()
	if full {
		b.timer.Stop()
		c.flush(b)
	}
	select {
	case o := <-ch:
		return o.Value, o.Err
	case <-ctx.Done():
		var zero V
		return zero, context.Cause(ctx)
	}
}

func (c *Coalescer[V]) maxBatch() int {
	if c.MaxBatch <= 0 {
		return 100
	}
	return c.MaxBatch
}

// flush closes b to new ids (once) and runs its call in the background.
func (c *Coalescer[V]) flush(b *pendingBatch[V]) {
	c.mu.Lock()
	if b.flushed {
		c.mu.Unlock()
		return
	}
	b.flushed = true
	if c.open == b {
		c.open = nil
	}
	c.mu.Unlock()
	go c.run(b)
}

func (c *Coalescer[V]) run(b *pendingBatch[V]) {
	results := c.call(b.ctx, b.ids)
	for id, chans := range b.waiters {
		for _, ch := range chans {
			ch <- results[id] // buffered: never blocks, even if the caller left
		}
	}
}

// call makes one call for ids and maps every id to an outcome, splitting a
// failed multi-id call into single-id calls unless its outcome is unknown.
func (c *Coalescer[V]) call(ctx context.Context, ids []string) map[string]Outcome[V] {
	out := make(map[string]Outcome[V], len(ids))
	got, err := c.Call(ctx, slices.Clone(ids))
	if err != nil {
		if len(ids) > 1 && !c.outcomeUnknown(err) && (c.Split == nil || c.Split(err)) {
			for _, id := range ids {
				v, err := c.single(ctx, id)
				out[id] = Outcome[V]{Value: v, Err: err}
			}
			return out
		}
		for _, id := range ids {
			out[id] = Outcome[V]{Err: err}
		}
		return out
	}
	for _, id := range ids {
		if o, ok := got[id]; ok {
			out[id] = o
		} else {
			out[id] = c.missing(id)
		}
	}
	return out
}

// outcomeUnknown reports whether a failed call's ids must not be sent again.
func (c *Coalescer[V]) outcomeUnknown(err error) bool {
	return c.OutcomeUnknown != nil && c.OutcomeUnknown(err)
}

func (c *Coalescer[V]) single(ctx context.Context, id string) (V, error) {
	got, err := c.Call(ctx, []string{id})
	if err != nil {
		var zero V
		return zero, err
	}
	o, ok := got[id]
	if !ok {
		o = c.missing(id)
	}
	return o.Value, o.Err
}

func (c *Coalescer[V]) missing(id string) Outcome[V] {
	if c.Missing != nil {
		return c.Missing(id)
	}
	return Outcome[V]{}
}
