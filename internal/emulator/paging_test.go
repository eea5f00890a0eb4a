package emulator_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// OnceBeforePage changes the world between two pages of one listing: an
// instance deleted after page 1 makes page-number paging skip the one that
// slides back onto page 1, as the API does.
func TestOnceBeforePageSkipsAnObject(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	var ids []string
	for i := range 3 {
		ids = append(ids, emu.AddZECInstance("asia-east-1a", fmt.Sprintf("fixture-%d", i)))
	}
	slices.Sort(ids) // the emulator lists by id
	emu.OnceBeforePage("zec.DescribeInstances", 2, func() { emu.DeleteZECInstance(ids[0]) })
	c := newClient(t, emu, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeyPassword, time.Now)
	got, err := c.DescribeInstances(context.Background(), zenlayer.DescribeInstancesRequest{Paging: zenlayer.Paging{PageSize: 1}})
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, i := range got {
		listed = append(listed, i.InstanceID)
	}
	if want := []string{ids[0], ids[2]}; !slices.Equal(listed, want) {
		t.Fatalf("listed %v, want %v: %s deleted before page 2, which then skips %s", listed, want, ids[0], ids[1])
	}
	if n := emu.CallCount("zec.DescribeInstances"); n != 2 {
		t.Errorf("%d pages, want 2", n)
	}
}
