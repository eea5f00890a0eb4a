package emulator_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// zrm ModifyResourceTags and user AddResourceResourceGroup act on the
// resources of the ZEC and BMC backends, which report the change.
func TestResourceManager(t *testing.T) {
	r := newRig(t, emulator.Options{})
	ctx := context.Background()
	disk := r.emu.AddZECDisk("asia-east-1a", "tagged", 20)
	inst := r.emu.AddZECInstance("asia-east-1a", "tagged")
	bmc := r.emu.AddBMCInstance("SEL-A", "tagged")

	if err := r.client.ModifyResourceTags(ctx, disk, map[string]string{"a": "1", "b": "2"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := r.client.ModifyResourceTags(ctx, disk, map[string]string{"a": "9", "c": "3"}, []string{"b", "absent"}); err != nil {
		t.Fatal(err)
	}
	d, err := r.client.FindDisk(ctx, disk)
	if err != nil {
		t.Fatal(err)
	}
	if got := zenlayer.TagMap(d.Tags); len(got) != 2 || got["a"] != "9" || got["c"] != "3" {
		t.Fatalf("disk tags %v, want a=9 c=3", got)
	}
	if err := r.client.ModifyResourceTags(ctx, inst, map[string]string{"team": "x"}, nil); err != nil {
		t.Fatal(err)
	}
	if i, err := r.client.FindZECInstance(ctx, inst); err != nil || zenlayer.TagMap(i.Tags)["team"] != "x" {
		t.Fatalf("instance tags: %+v %v", i, err)
	}
	if err := r.client.ModifyResourceTags(ctx, bmc, map[string]string{"team": "y"}, nil); err != nil {
		t.Fatal(err)
	}
	if i, err := r.client.FindBMCInstance(ctx, bmc); err != nil || zenlayer.TagMap(i.Tags)["team"] != "y" {
		t.Fatalf("bmc tags: %+v %v", i, err)
	}

	if err := r.client.MoveToResourceGroup(ctx, "rg-other", disk, inst, bmc); err != nil {
		t.Fatal(err)
	}
	if d, _ := r.client.FindDisk(ctx, disk); d.ResourceGroupID != "rg-other" {
		t.Fatalf("disk group %q", d.ResourceGroupID)
	}
	if i, _ := r.client.FindZECInstance(ctx, inst); i.ResourceGroupID != "rg-other" {
		t.Fatalf("instance group %q", i.ResourceGroupID)
	}
	if i, _ := r.client.FindBMCInstance(ctx, bmc); i.ResourceGroupID != "rg-other" {
		t.Fatalf("bmc group %q", i.ResourceGroupID)
	}

	wantCode(t, r.client.ModifyResourceTags(ctx, "disk-nope", map[string]string{"a": "1"}, nil), http.StatusNotFound, "RESOURCE_NOT_FOUND")
	wantCode(t, r.client.MoveToResourceGroup(ctx, "rg-x", disk, "nope"), http.StatusNotFound, "RESOURCE_NOT_FOUND")
	wantCode(t, r.client.ModifyResourceTags(ctx, disk, map[string]string{"a": "1"}, []string{"a"}), http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	many := map[string]string{}
	for _, k := range []string{"k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10", "k11", "k12", "k13", "k14", "k15", "k16", "k17", "k18", "k19"} {
		many[k] = "v"
	}
	wantCode(t, r.client.ModifyResourceTags(ctx, disk, many, nil), http.StatusBadRequest, "INVALID_TAG_LIMIT_EXCEEDED")
	if !r.emu.SetResourceTag(disk, "a", "") || r.emu.SetResourceTag("nope", "a", "1") {
		t.Fatal("SetResourceTag")
	}
}
