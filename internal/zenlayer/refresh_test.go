package zenlayer_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// refreshPage is the page size of the refresh listing (snapshot.go's
// listPageSize): one object more than this makes a listing of two pages.
const refreshPage = 1000

// A listing that skips an object must not make a Read of it "not found".
// Page-number paging skips one when another, on an earlier page, is
// deleted between two pages: the first object of page 2 moves to the end
// of page 1, which was already read. Each case places refreshPage+1
// objects, deletes the first between the listing's pages 1 and 2, and
// reads in a refresh storm (7 reads, then 9 more within the second, which
// the listing answers) the object that slid back: it must be found, by a
// lookup by id that confirms the listing's miss.
func TestReadSurvivesAListingThatSkipsAnObject(t *testing.T) {
	type kind struct {
		name   string
		action string // the listing's action, as the emulator logs it
		nosuch string // an id of the kind's form that no object has
		place  func(emu *emulator.Server) []string
		remove func(emu *emulator.Server, id string) bool
		read   func(ctx context.Context, c *zenlayer.Client, id string) (string, error)
	}
	instances := func(emu *emulator.Server) []string {
		ids := make([]string, refreshPage+1)
		for i := range ids {
			ids[i] = emu.AddZECInstance("asia-east-1a", fmt.Sprintf("fixture-%d", i))
		}
		return ids
	}
	for _, k := range []kind{
		{
			name: "ZEC instance", action: "zec.DescribeInstances", nosuch: "zec-ffffffff9999", place: instances,
			remove: (*emulator.Server).DeleteZECInstance,
			read: func(ctx context.Context, c *zenlayer.Client, id string) (string, error) {
				i, err := c.ReadZECInstance(ctx, id)
				if err != nil {
					return "", err
				}
				return i.InstanceID, nil
			},
		},
		{
			// Every fixture instance brings its system disk.
			name: "ZEC disk", action: "zec.DescribeDisks", nosuch: "disk-ffffffff9999",
			place: func(emu *emulator.Server) []string {
				var ids []string
				for _, id := range instances(emu) {
					ids = append(ids, emu.ZECSystemDiskID(id))
				}
				return ids
			},
			remove: (*emulator.Server).DeleteZECDisk,
			read: func(ctx context.Context, c *zenlayer.Client, id string) (string, error) {
				d, err := c.ReadDisk(ctx, id)
				if err != nil {
					return "", err
				}
				return d.DiskID, nil
			},
		},
		{
			name: "BMC instance", action: "bmc.DescribeInstances", nosuch: "1799999999999",
			place: func(emu *emulator.Server) []string {
				ids := make([]string, refreshPage+1)
				for i := range ids {
					ids[i] = emu.AddBMCInstance("SEL-A", fmt.Sprintf("fixture-%d", i))
				}
				return ids
			},
			remove: (*emulator.Server).DeleteBMCInstance,
			read: func(ctx context.Context, c *zenlayer.Client, id string) (string, error) {
				i, err := c.ReadBMCInstance(ctx, id)
				if err != nil {
					return "", err
				}
				return i.InstanceID, nil
			},
		},
	} {
		t.Run(k.name, func(t *testing.T) {
			emu, c := refreshClient(t)
			ids := k.place(emu)
			slices.Sort(ids) // the emulator lists by id
			gone, skipped := ids[0], ids[refreshPage]
			var deleted atomic.Bool
			emu.OnceBeforePage(k.action, 2, func() { deleted.Store(k.remove(emu, gone)) })

			ctx := context.Background()
			storm := func(ids []string) map[string]error {
				var mu sync.Mutex
				errs := map[string]error{}
				var wg sync.WaitGroup
				for _, id := range ids {
					wg.Go(func() {
						got, err := k.read(ctx, c, id)
						if err == nil && got != id {
							err = fmt.Errorf("read %s, got %s", id, got)
						}
						mu.Lock()
						defer mu.Unlock()
						errs[id] = err
					})
				}
				wg.Wait()
				return errs
			}
			// Seven lookups by id, then nine reads that the storm's listing answers.
			second := append([]string{skipped}, ids[8:16]...)
			for id, err := range storm(ids[1:8]) {
				if err != nil {
					t.Errorf("read %s: %v", id, err)
				}
			}
			for id, err := range storm(second) {
				if err != nil {
					t.Errorf("read %s in the storm: %v", id, err)
				}
			}
			if !deleted.Load() {
				t.Fatalf("no listing reached page 2 (calls: %v): the test proves nothing", emu.Calls())
			}
			if !lookedUp(emu, k.action, skipped) {
				t.Errorf("%s, missing from the listing, was not looked up by id: %v", skipped, emu.Actions(""))
			}
			if n := emu.CallCount(k.action); n > 6 {
				t.Errorf("16 reads made %d calls of %s, want a handful", n, k.action)
			}
			// An id neither the listing nor the lookup knows is not found.
			if _, err := k.read(ctx, c, k.nosuch); !zenlayer.IsNotFound(err) {
				t.Errorf("read of %s, which never was: %v, want not found", k.nosuch, err)
			}
		})
	}
}

// refreshClient starts an emulator and a client of it with the batch
// window on, which turns on the refresh listings.
func refreshClient(t *testing.T) (*emulator.Server, *zenlayer.Client) {
	t.Helper()
	emu, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http", BatchWindow: zenlayer.DefaultBatchWindow,
	})
	if err != nil {
		t.Fatal(err)
	}
	return emu, c
}

// lookedUp says whether a call of action asked for id by its id.
func lookedUp(emu *emulator.Server, action, id string) bool {
	for _, e := range emu.Log() {
		if e.API+"."+e.Action == action && slices.Contains(e.IDs, id) {
			return true
		}
	}
	return false
}
