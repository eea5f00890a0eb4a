package framework

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestFirstClause(t *testing.T) {
	for in, want := range map[string]string{
		"Disk name: 1 to 64 letters. Changed in place.":          "Disk name.",
		"Zone of the disk, for example `asia-east-1a`.":          "Zone of the disk, for example `asia-east-1a`.",
		"Size in GiB, 20 to 32768. Growing it resizes the disk.": "Size in GiB, 20 to 32768.",
		"`a.b; c: d` as the API says; the default if unset":      "`a.b; c: d` as the API says.",
		"Version 1.2 of the image":                               "Version 1.2 of the image.",
		"Resource group; the account's default group if unset.":  "Resource group.",
		"": "",
	} {
		if got := firstClause(in); got != want {
			t.Errorf("firstClause(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestComputedAttributesKeepTypesAndNesting(t *testing.T) {
	got := ComputedAttributes(map[string]rschema.Attribute{
		"name":     rschema.StringAttribute{Required: true, MarkdownDescription: "Name: letters. Changed in place."},
		"password": rschema.StringAttribute{Optional: true, Sensitive: true, MarkdownDescription: "Password."},
		"disk": rschema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Disk.", Attributes: map[string]rschema.Attribute{
			"size": rschema.Int64Attribute{Optional: true, MarkdownDescription: "Size; grows in place."},
		}},
		"ips": rschema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IPs."},
	}, map[string]string{"ips": "Addresses."})
	name, ok := got["name"].(dschema.StringAttribute)
	if !ok || !name.Computed || name.Optional || name.Required || name.MarkdownDescription != "Name." {
		t.Errorf("name: %#v", got["name"])
	}
	if pw := got["password"].(dschema.StringAttribute); !pw.Sensitive {
		t.Error("password lost Sensitive")
	}
	disk := got["disk"].(dschema.SingleNestedAttribute)
	if size := disk.Attributes["size"].(dschema.Int64Attribute); !size.Computed || size.MarkdownDescription != "Size." {
		t.Errorf("disk.size: %#v", size)
	}
	if ips := got["ips"].(dschema.ListAttribute); ips.ElementType != types.StringType || ips.MarkdownDescription != "Addresses." {
		t.Errorf("ips: %#v", ips)
	}
}

// An item is made from a resource model whose conversion leaves some
// fields unset, timeouts among them (a zero value the state would refuse).
func TestItemObjectFromAResourceModel(t *testing.T) {
	ctx := context.Background()
	rs := rschema.Schema{Attributes: map[string]rschema.Attribute{
		"id":       rschema.StringAttribute{Computed: true},
		"size":     rschema.Int64Attribute{Optional: true},
		"tags":     rschema.MapAttribute{Optional: true, ElementType: types.StringType},
		"password": rschema.StringAttribute{Optional: true, Sensitive: true},
		"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true}),
	}}
	type model struct {
		ID       types.String   `tfsdk:"id"`
		Size     types.Int64    `tfsdk:"size"`
		Tags     types.Map      `tfsdk:"tags"`
		Password types.String   `tfsdk:"password"`
		Timeouts timeouts.Value `tfsdk:"timeouts"`
	}
	m := model{ID: types.StringValue("d-1"), Size: types.Int64Value(20)}
	itemTypes := map[string]attr.Type{"id": types.StringType, "size": types.Int64Type, "tags": types.MapType{ElemType: types.StringType}}
	var diags diag.Diagnostics
	obj := itemObject(ctx, rs, &m, itemTypes, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := types.ObjectValueMust(itemTypes, map[string]attr.Value{
		"id": types.StringValue("d-1"), "size": types.Int64Value(20), "tags": types.MapNull(types.StringType),
	})
	if !obj.Equal(want) {
		t.Errorf("item %v, want %v", obj, want)
	}
}

// The fields of an embedded model part (as zentags.Shared is embedded in
// the Zenlayer models) that a conversion leaves unset become typed nulls
// too, like the model's own.
func TestNullUntypedLooksIntoEmbeddedParts(t *testing.T) {
	type shared struct {
		Tags types.Map    `tfsdk:"tags"`
		Name types.String `tfsdk:"name"`
	}
	type model struct {
		ID types.String `tfsdk:"id"`
		shared
		Labels types.Map `tfsdk:"labels"`
	}
	rs := rschema.Schema{Attributes: map[string]rschema.Attribute{
		"id":     rschema.StringAttribute{Computed: true},
		"name":   rschema.StringAttribute{Computed: true},
		"tags":   rschema.MapAttribute{ElementType: types.StringType, Computed: true},
		"labels": rschema.MapAttribute{ElementType: types.StringType, Computed: true},
	}}
	m := model{ID: types.StringValue("x")}
	nullUntyped(context.Background(), rs, reflect.ValueOf(&m).Elem())
	for name, v := range map[string]types.Map{"tags": m.Tags, "labels": m.Labels} {
		if !v.IsNull() || !v.ElementType(context.Background()).Equal(types.StringType) {
			t.Errorf("%s: %#v, want a null map of strings", name, v)
		}
	}
	if m.ID.ValueString() != "x" {
		t.Errorf("id changed: %v", m.ID)
	}
}
