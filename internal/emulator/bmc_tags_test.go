package emulator

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// BMC 2022-11-20 takes tags on CreateInstances ({"tags": {"tags": [...]}},
// as the official provider sends them), returns them in InstanceInfo, and
// filters DescribeInstances by tagKeys and tags (SDK bmc20221120 models:
// CreateInstancesRequest.Tags, DescribeInstancesRequest.TagKeys/Tags,
// InstanceInfo.Tags).
func TestBMCTags(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	in := bmcBasicReq()
	in.Tags = &zenlayer.TagAssociation{Tags: []zenlayer.Tag{{Key: "team", Value: "a"}, {Key: "tok", Value: "1"}}}
	tagged := h.create(in)[0]
	in.Tags = &zenlayer.TagAssociation{Tags: []zenlayer.Tag{{Key: "team", Value: "b"}}}
	other := h.create(in)[0]
	in.Tags = nil
	untagged := h.create(in)[0]

	inst, err := h.c.FindBMCInstance(ctx, tagged)
	if err != nil || inst.Tags == nil || !slices.Equal(inst.Tags.Tags, []zenlayer.Tag{{Key: "team", Value: "a"}, {Key: "tok", Value: "1"}}) {
		t.Fatalf("tags not returned: %+v, %v", inst, err)
	}
	if inst, _ := h.c.FindBMCInstance(ctx, untagged); inst.Tags != nil {
		t.Fatalf("untagged instance has tags %+v", inst.Tags)
	}
	ids := func(req zenlayer.DescribeBMCInstancesRequest) []string {
		t.Helper()
		list, err := h.c.DescribeBMCInstances(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, i := range list {
			out = append(out, i.InstanceID)
		}
		slices.Sort(out)
		return out
	}
	if got := ids(zenlayer.DescribeBMCInstancesRequest{TagFilters: zenlayer.TagFilters{Tags: []zenlayer.Tag{{Key: "tok", Value: "1"}}}}); !slices.Equal(got, []string{tagged}) {
		t.Fatalf("tags filter: %v", got)
	}
	want := []string{tagged, other}
	slices.Sort(want)
	if got := ids(zenlayer.DescribeBMCInstancesRequest{TagFilters: zenlayer.TagFilters{TagKeys: []string{"team"}}}); !slices.Equal(got, want) {
		t.Fatalf("tagKeys filter: %v, want %v", got, want)
	}
	if got := ids(zenlayer.DescribeBMCInstancesRequest{TagFilters: zenlayer.TagFilters{Tags: []zenlayer.Tag{{Key: "team", Value: "c"}}}}); len(got) != 0 {
		t.Fatalf("no match wanted: %v", got)
	}
	if got, err := h.c.FindBMCInstancesByCreateToken(ctx, "nope"); err != nil || len(got) != 0 {
		t.Fatal(got, err)
	}

	many := make([]string, 21)
	for i := range many {
		many[i] = "k"
	}
	bmcWantCode(t, h.call("DescribeInstances", map[string]any{"tagKeys": many}), http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	bmcWantCode(t, h.call("CreateInstances", map[string]any{"zoneId": "SEL-A", "instanceChargeType": "POSTPAID", "instanceTypeId": "S9I",
		"internetChargeType": "ByBandwidth", "tags": map[string]any{"tags": []map[string]string{{"key": "", "value": "x"}}}}), http.StatusBadRequest, "INVALID_TAG_KEY")
}
