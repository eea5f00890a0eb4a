package zenlayer

import (
	"context"
	"sync"
	"time"
)

// A refresh reads every resource of a configuration at once, ten at a
// time. Past a few reads a second, listing the whole account once (1000 a
// page) answers all of them with a handful of calls, where even perfectly
// coalesced lookups by id need one call per ten resources. The snapshot is
// used only by Read (never by waits, which need the live status), lives a
// few seconds, and is dropped by any change the client makes in that service.

const (
	// snapshotTTL is how long a listing answers reads.
	snapshotTTL = 5 * time.Second
	// snapshotStorm is how many reads within a second make a listing worth it.
	snapshotStorm = 8
	listPageSize  = 1000
)

type snapshot[V any] struct {
	// off: every read is a lookup (CLOUDCOMPUTE_BATCH_WINDOW=0 turns
	// listings off with the coalescing, for a baseline).
	off   bool
	mu    sync.Mutex
	at    time.Time
	byID  map[string]V
	reads []time.Time
	list  func(ctx context.Context) (map[string]V, error)
}

// get answers a Read of id from a fresh listing when reads come in a storm,
// and from find otherwise. found is false when the listing lacks id.
func (s *snapshot[V]) get(ctx context.Context, id string, find func(context.Context, string) (V, error)) (V, error, bool) {
	if s.off {
		v, err := find(ctx, id)
		return v, err, true
	}
	s.mu.Lock()
	now := time.Now()
	if s.byID != nil && now.Sub(s.at) < snapshotTTL {
		v, ok := s.byID[id]
		s.mu.Unlock()
		return v, nil, ok
	}
	s.reads = append(s.reads, now)
	for len(s.reads) > 0 && now.Sub(s.reads[0]) > time.Second {
		s.reads = s.reads[1:]
	}
	storm := len(s.reads) >= snapshotStorm
	s.mu.Unlock()
	if !storm {
		v, err := find(ctx, id)
		return v, err, true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byID == nil || time.Since(s.at) >= snapshotTTL {
		all, err := s.list(ctx)
		if err != nil {
			var zero V
			return zero, err, true
		}
		s.byID, s.at = all, time.Now()
	}
	v, ok := s.byID[id]
	return v, nil, ok
}

func (s *snapshot[V]) drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID = nil
}

// readThrough answers a Read through snap, mapping "not in the listing" to
// a *NotFoundError of kind.
func readThrough[V any](ctx context.Context, snap *snapshot[V], kind, id string, find func(context.Context, string) (V, error)) (V, error) {
	v, err, ok := snap.get(ctx, id, find)
	if err == nil && !ok {
		return v, &NotFoundError{Kind: kind, ID: id}
	}
	return v, err
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
	off := c.cfg.BatchWindow <= 0
	c.diskSnap = &snapshot[*Disk]{off: off, list: func(ctx context.Context) (map[string]*Disk, error) {
		all, err := c.DescribeDisks(ctx, DescribeDisksRequest{PageSize: listPageSize})
		return byID(all, diskID), err
	}}
	c.zecInstanceSnap = &snapshot[*Instance]{off: off, list: func(ctx context.Context) (map[string]*Instance, error) {
		all, err := c.DescribeInstances(ctx, DescribeInstancesRequest{PageSize: listPageSize})
		return byID(all, zecInstanceID), err
	}}
	c.bmcInstanceSnap = &snapshot[*BMCInstance]{off: off, list: func(ctx context.Context) (map[string]*BMCInstance, error) {
		all, err := c.DescribeBMCInstances(ctx, DescribeBMCInstancesRequest{PageSize: listPageSize})
		return byID(all, bmcInstanceID), err
	}}
}

// ReadDisk is FindDisk for a resource's Read: in a refresh storm it is
// answered from a listing of the account (see snapshot.go).
func (c *Client) ReadDisk(ctx context.Context, id string) (*Disk, error) {
	return readThrough(ctx, c.diskSnap, "ZEC disk", id, c.FindDisk)
}

// ReadZECInstance is FindZECInstance for a resource's Read.
func (c *Client) ReadZECInstance(ctx context.Context, id string) (*Instance, error) {
	return readThrough(ctx, c.zecInstanceSnap, "ZEC instance", id, c.FindZECInstance)
}

// ReadBMCInstance is FindBMCInstance for a resource's Read.
func (c *Client) ReadBMCInstance(ctx context.Context, id string) (*BMCInstance, error) {
	return readThrough(ctx, c.bmcInstanceSnap, "BMC instance", id, c.FindBMCInstance)
}
