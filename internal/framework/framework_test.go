package framework_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
)

func TestStringCheckNeverEchoesASensitiveValue(t *testing.T) {
	check := func(s string) string {
		if len(s) < 8 {
			return "is too short"
		}
		return ""
	}
	for _, sensitive := range []bool{false, true} {
		v := framework.StringCheck("at least 8 characters", check, sensitive)
		var resp validator.StringResponse
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("password"), ConfigValue: types.StringValue("s3cret")}, &resp)
		if !resp.Diagnostics.HasError() {
			t.Fatal("no error for a bad value")
		}
		detail := resp.Diagnostics[0].Detail()
		if strings.Contains(detail, "s3cret") == sensitive || !strings.Contains(detail, "is too short") || !strings.Contains(detail, "at least 8 characters") {
			t.Fatalf("sensitive=%v: %q", sensitive, detail)
		}
		resp = validator.StringResponse{}
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("password"), ConfigValue: types.StringValue("long enough")}, &resp)
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("password"), ConfigValue: types.StringUnknown()}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatal(resp.Diagnostics)
		}
	}
}

func TestImportByIDRefusesAnEmptyID(t *testing.T) {
	for _, id := range []string{"", "  "} {
		var resp resource.ImportStateResponse
		framework.WithImportByID{}.ImportState(context.Background(), resource.ImportStateRequest{ID: id}, &resp)
		if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Summary(), "Missing import id") {
			t.Fatalf("id %q: %v", id, resp.Diagnostics)
		}
	}
}

func TestSortedBy(t *testing.T) {
	type item struct{ id, v string }
	got := framework.SortedBy([]item{{"c", "3"}, {"a", "1"}, {"b", "2"}}, func(i *item) string { return i.id }, func(i *item) string { return i.v })
	if strings.Join(got, "") != "123" {
		t.Fatal(got)
	}
}

func TestOptionalAndKnownString(t *testing.T) {
	if !framework.OptionalString("").IsNull() || framework.OptionalString("x").ValueString() != "x" {
		t.Fatal("OptionalString")
	}
	if framework.KnownString(types.StringUnknown()) != "" || framework.KnownString(types.StringValue("y")) != "y" {
		t.Fatal("KnownString")
	}
}
