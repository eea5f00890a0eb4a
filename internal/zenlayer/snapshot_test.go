package zenlayer

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeDisks is an account of 50 disks, disk-A onwards, behind a fake
// DescribeDisks: a lookup by ids answers those it knows, a listing (no ids)
// is answered by list (nil: all of them). Other actions succeed. The
// client's listings are on (the test client has no batch window, which
// would turn them off).
func fakeDisks(t *testing.T, list func(w http.ResponseWriter, r *http.Request)) (c *Client, lists, lookups *atomic.Int32) {
	t.Helper()
	lists, lookups = new(atomic.Int32), new(atomic.Int32)
	c, _ = newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req struct {
			DiskIDs []string `json:"diskIds"`
		}
		_ = json.Unmarshal(body, &req)
		if r.Header.Get("X-ZC-Action") != "DescribeDisks" {
			writeEnvelope(w, `{"requestId":"r"}`)
			return
		}
		if len(req.DiskIDs) == 0 {
			lists.Add(1)
			if list != nil {
				list(w, r)
				return
			}
		} else {
			lookups.Add(1)
		}
		writeDisks(w, req.DiskIDs)
	})
	c.diskSnap.off = false
	return c, lists, lookups
}

// writeDisks answers the fake account's disks among ids (all if ids is empty).
func writeDisks(w http.ResponseWriter, ids []string) {
	set := []map[string]any{}
	for i := range 50 {
		if id := fakeDisk(i); len(ids) == 0 || slices.Contains(ids, id) {
			set = append(set, map[string]any{"diskId": id, "diskStatus": "AVAILABLE"})
		}
	}
	b, _ := json.Marshal(map[string]any{"totalCount": len(set), "dataSet": set})
	writeEnvelope(w, string(b))
}

func fakeDisk(i int) string { return "disk-" + string(rune('A'+i)) }

// readDisks reads n of the fake disks at once and fails t on any error.
func readDisks(t *testing.T, c *Client, n int) {
	t.Helper()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := c.ReadDisk(context.Background(), fakeDisk(i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

// A storm of reads is answered by one listing; a change drops it.
func TestReadSnapshotInAStorm(t *testing.T) {
	c, lists, byID := fakeDisks(t, nil)
	readDisks(t, c, 40)
	if lists.Load() != 1 || byID.Load() > snapshotStorm-1 {
		t.Fatalf("40 reads made %d listings and %d lookups by id, want 1 listing", lists.Load(), byID.Load())
	}
	// A miss in the listing is looked up by id, whose "not found" is believed.
	if _, err := c.ReadDisk(context.Background(), "disk-nosuch"); !IsNotFound(err) {
		t.Fatalf("a disk missing from the listing: %v", err)
	}
	if err := c.RenameDisks(context.Background(), "x", "disk-A"); err != nil {
		t.Fatal(err)
	}
	before := byID.Load()
	if _, err := c.ReadDisk(context.Background(), "disk-A"); err != nil {
		t.Fatal(err)
	}
	if byID.Load() != before+1 && lists.Load() != 2 {
		t.Fatal("a read after a change was answered from the old listing")
	}
}

// A listing that fails is made once in its window, not once per read of
// the storm, and the reads are answered by lookups by id meanwhile. After
// the window, the next storm lists again.
func TestReadSnapshotRemembersAFailedListing(t *testing.T) {
	c, lists, _ := fakeDisks(t, func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "the listing broke")
	})
	attempts := int32(fastPolicy().MaxAttempts) // requests of one listing: the transport retries a 500
	readDisks(t, c, 40)
	readDisks(t, c, 40)
	if n := lists.Load(); n != attempts {
		t.Fatalf("80 reads with a failing listing made %d listing requests, want one listing (%d attempts)", n, attempts)
	}
	c.diskSnap.mu.Lock()
	c.diskSnap.failedAt = c.diskSnap.failedAt.Add(-snapshotTTL) // the window has passed
	c.diskSnap.mu.Unlock()
	readDisks(t, c, 40)
	if n := lists.Load(); n != 2*attempts {
		t.Fatalf("a storm after the failure's window made %d listing requests in all, want two listings (%d)", n, 2*attempts)
	}
}

// No lock is held while the listing is called: a read whose ctx ends
// while a slow listing runs returns at once, and a change (which drops the
// listings) is not held up; the listing, begun before the change, answers
// the read that waited for it but is not kept.
func TestReadSnapshotListsWithoutHoldingItsLock(t *testing.T) {
	listing := make(chan struct{}, 1)
	release := make(chan struct{})
	var once sync.Once
	unblock := func() { once.Do(func() { close(release) }) }
	c, _, _ := fakeDisks(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case listing <- struct{}{}:
		default:
		}
		select {
		case <-release:
			writeDisks(w, nil)
		case <-r.Context().Done():
		}
	})
	t.Cleanup(unblock)
	ctx := context.Background()
	for i := range snapshotStorm - 1 {
		if _, err := c.ReadDisk(ctx, fakeDisk(i)); err != nil {
			t.Fatal(err)
		}
	}
	lister := make(chan error, 1)
	go func() {
		_, err := c.ReadDisk(ctx, fakeDisk(10)) // the storm's 8th read: it lists
		lister <- err
	}()
	select {
	case <-listing:
	case <-time.After(5 * time.Second):
		t.Fatal("the 8th read within a second did not list")
	}
	// Were a lock held during the listing, what follows would wait for this.
	timer := time.AfterFunc(3*time.Second, unblock)
	defer timer.Stop()

	var wg sync.WaitGroup
	wg.Go(func() {
		short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.ReadDisk(short, fakeDisk(11))
		if took := time.Since(start); !errors.Is(err, context.DeadlineExceeded) || took > time.Second {
			t.Errorf("a read whose ctx ended while the listing ran: %v after %s, want its deadline at once", err, took)
		}
	})
	wg.Go(func() {
		start := time.Now()
		if err := c.RenameDisks(ctx, "x", fakeDisk(12)); err != nil {
			t.Error(err)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("a change waited %s for a listing", took)
		}
	})
	wg.Wait()
	unblock()
	if err := <-lister; err != nil {
		t.Fatalf("the read that listed: %v", err)
	}
	c.diskSnap.mu.Lock()
	kept := c.diskSnap.byID != nil
	c.diskSnap.mu.Unlock()
	if kept {
		t.Error("a listing begun before a change was kept after it")
	}
}
