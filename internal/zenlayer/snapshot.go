package zenlayer

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// A refresh reads every resource of a configuration at once, ten at a
// time. Past a few reads a second, listing the whole account once (1000 a
// page) answers all of them with a handful of calls, where even perfectly
// coalesced lookups by id need one call per ten resources. The snapshot is
// used only by Read (never by waits, which need the live status), lives a
// few seconds, and is dropped by any change the client makes in that service.
//
// A listing is never the last word on absence: page-number paging skips an
// object when another, on an earlier page, is deleted between two pages,
// and a Read that believed it would remove a live resource from the state
// (and the next apply would create a duplicate). So an id the listing
// lacks is looked up by id (FindX, through the coalescer) and only that
// lookup's NotFound is reported. Misses are rare (an object deleted behind
// Terraform's back, or such a skip), so the confirmations cost little.
//
// No network call is made holding mu: the read that needs a listing starts
// one in the background (one at a time), and the reads that need it wait
// on its channel, each bounded by its own ctx.
//
// A listing that fails is remembered for snapshotTTL, and meanwhile reads
// are lookups by id, as if there were no storm. Returning the listing's
// error instead would fail every Read of the refresh for a call that says
// nothing about their ids (a page that timed out, or that held a malformed
// object of no concern to them), where the lookups by id, coalesced to one
// call per batch window and up to 100 ids, answer them at the cost the
// storm would have had without listings; and when the cause is one the
// lookups share (refused credentials), each read gets the lookup's own
// error. Not retrying the listing before the window ends keeps a storm from
// making it once per read.

const (
	// snapshotTTL is how long a listing answers reads, and how long a failed
	// listing is not tried again.
	snapshotTTL = 5 * time.Second
	// snapshotStorm is how many reads within a second make a listing worth it.
	snapshotStorm = 8
	listPageSize  = 1000
)

type snapshot[V any] struct {
	// off: every read is a lookup (CLOUDCOMPUTE_BATCH_WINDOW=0 turns
	// listings off with the coalescing, for a baseline).
	off  bool
	list func(ctx context.Context) (map[string]V, error)

	mu sync.Mutex
	// byID is the last listing, begun at at; nil when there is none or a
	// change dropped it.
	byID map[string]V
	at   time.Time
	// failedAt is when the last listing failed (zero: none did).
	failedAt time.Time
	// flight is the listing being made, nil when none is; drop detaches it,
	// so that what it returns answers its waiters but is not kept.
	flight *listing[V]
	// reads are the times of the recent reads not answered by a listing.
	reads []time.Time
}

// listing is one call of list, shared by the reads that wait for it.
type listing[V any] struct {
	done chan struct{} // closed when byID is set
	byID map[string]V  // nil if the listing failed
}

// get answers a Read of id: from a fresh listing when reads come in a storm
// and the listing has id, and otherwise from find, a lookup by id whose
// answer (a *NotFoundError included) is the read's.
func (s *snapshot[V]) get(ctx context.Context, id string, find func(context.Context, string) (V, error)) (V, error) {
	if s.off {
		return find(ctx, id)
	}
	byID, f := s.current(ctx)
	if f != nil {
		select {
		case <-f.done:
			byID = f.byID
		case <-ctx.Done():
			var zero V
			return zero, context.Cause(ctx)
		}
	}
	if v, ok := byID[id]; ok {
		return v, nil
	}
	// Not in the listing (or none, or it failed): only a lookup by id says
	// the object is gone.
	return find(ctx, id)
}

// current returns the fresh listing, or else the listing a read in a storm
// is to wait for (started here if none is being made and none failed
// within snapshotTTL), or neither: then the read is a lookup by id.
func (s *snapshot[V]) current(ctx context.Context) (map[string]V, *listing[V]) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if s.byID != nil && now.Sub(s.at) < snapshotTTL {
		return s.byID, nil
	}
	s.reads = append(s.reads, now)
	for len(s.reads) > 0 && now.Sub(s.reads[0]) > time.Second {
		s.reads = s.reads[1:]
	}
	switch {
	case s.flight != nil:
		return nil, s.flight
	case len(s.reads) < snapshotStorm, !s.failedAt.IsZero() && now.Sub(s.failedAt) < snapshotTTL:
		return nil, nil
	}
	f := &listing[V]{done: make(chan struct{})}
	s.flight = f
	// The listing outlives the read that started it (others wait for it)
	// but keeps its ctx's values (log fields); each read bounds its own
	// wait, and the transport bounds the listing.
	go s.fill(context.WithoutCancel(ctx), f, now)
	return nil, f
}

// fill makes the listing f, begun at start, keeps it unless a change
// detached it, and wakes its waiters.
func (s *snapshot[V]) fill(ctx context.Context, f *listing[V], start time.Time) {
	all, err := s.list(ctx)
	s.mu.Lock()
	if err != nil {
		s.failedAt = time.Now()
	}
	if s.flight == f {
		s.flight = nil
		if err == nil {
			s.byID, s.at = all, start
		}
	}
	s.mu.Unlock()
	if err == nil {
		f.byID = all
	} else {
		tflog.Warn(ctx, "refresh listing failed: reads are looked up by id until it is tried again", map[string]any{
			"retry_in_ms": snapshotTTL.Milliseconds(), "error": err.Error(),
		})
	}
	close(f.done)
}

// drop forgets the listing after a change, and detaches the one being made.
func (s *snapshot[V]) drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID = nil
	s.flight = nil
}

// dropSnapshots forgets the listings of a service after a change to it.
func (c *Client) dropSnapshots(svc Service) {
	switch svc.Name {
	case ZEC.Name:
		c.diskSnap.drop()
		c.zecInstanceSnap.drop()
	case BMC.Name:
		c.bmcInstanceSnap.drop()
	}
}

func (c *Client) initSnapshots() {
	c.diskSnap = diskKind.snapshot(c)
	c.zecInstanceSnap = zecInstanceKind.snapshot(c)
	c.bmcInstanceSnap = bmcInstanceKind.snapshot(c)
}

// snapshot is the listing behind the kind's ReadX: every object of the
// account, listPageSize a page.
func (k *objectKind[T]) snapshot(c *Client) *snapshot[*T] {
	return &snapshot[*T]{off: c.cfg.BatchWindow <= 0, list: func(ctx context.Context) (map[string]*T, error) {
		all, err := k.describe(ctx, c, describeQuery{pageSize: listPageSize})
		return byID(all, k.id), err
	}}
}

// ReadDisk is FindDisk for a resource's Read: in a refresh storm it is
// answered from a listing of the account, and an id the listing lacks is
// looked up by id before it is reported not found (see snapshot.go).
func (c *Client) ReadDisk(ctx context.Context, id string) (*Disk, error) {
	return c.diskSnap.get(ctx, id, c.FindDisk)
}

// ReadZECInstance is FindZECInstance for a resource's Read.
func (c *Client) ReadZECInstance(ctx context.Context, id string) (*Instance, error) {
	return c.zecInstanceSnap.get(ctx, id, c.FindZECInstance)
}

// ReadBMCInstance is FindBMCInstance for a resource's Read.
func (c *Client) ReadBMCInstance(ctx context.Context, id string) (*BMCInstance, error) {
	return c.bmcInstanceSnap.get(ctx, id, c.FindBMCInstance)
}
