package zenlayer

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
)

// A storm of reads is answered by one listing; a change drops it.
func TestReadSnapshotInAStorm(t *testing.T) {
	var lists, byID atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req struct {
			DiskIDs []string `json:"diskIds"`
		}
		_ = json.Unmarshal(body, &req)
		if r.Header.Get("X-ZC-Action") != "DescribeDisks" {
			writeEnvelope(w, `{"requestId":"r"}`)
			return
		}
		ids := req.DiskIDs
		if len(ids) == 0 {
			lists.Add(1)
			for i := range 50 {
				ids = append(ids, "disk-"+string(rune('A'+i)))
			}
		} else {
			byID.Add(1)
		}
		var set []map[string]any
		for _, id := range ids {
			set = append(set, map[string]any{"diskId": id, "diskStatus": "AVAILABLE"})
		}
		b, _ := json.Marshal(map[string]any{"totalCount": len(set), "dataSet": set})
		writeEnvelope(w, string(b))
	})
	c.diskSnap.off = false // the test client has no batch window; listings are what is tested
	read := func(n int) {
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := c.ReadDisk(context.Background(), "disk-"+string(rune('A'+i))); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	read(40)
	if lists.Load() != 1 || byID.Load() > snapshotStorm-1 {
		t.Fatalf("40 reads made %d listings and %d lookups by id, want 1 listing", lists.Load(), byID.Load())
	}
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
