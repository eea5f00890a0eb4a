package framework_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
)

// identityBase is a configured ResourceBase whose identity is id and, with
// region, a region the configuration says is "r-1".
func identityBase(region bool) *framework.ResourceBase {
	base := framework.NewResourceBase("test_object", framework.Timeouts{Create: time.Minute})
	if region {
		base = base.WithIdentity(framework.IdentityAttribute{Name: "region", Description: "Region.",
			Value: func(context.Context, *conns.Client) (string, error) { return "r-1", nil }})
	}
	base.Client = &conns.Client{}
	return &base
}

// emptyIdentity is a null identity of base's identity schema.
func emptyIdentity(t *testing.T, base *framework.ResourceBase) *tfsdk.ResourceIdentity {
	t.Helper()
	var resp resource.IdentitySchemaResponse
	base.IdentitySchema(context.Background(), resource.IdentitySchemaRequest{}, &resp)
	s := resp.IdentitySchema
	return &tfsdk.ResourceIdentity{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)}
}

// identityValues are the string values of an identity, "" for null.
func identityValues(t *testing.T, id *tfsdk.ResourceIdentity) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name := range id.Schema.GetAttributes() {
		var v types.String
		if d := id.GetAttribute(context.Background(), path.Root(name), &v); d.HasError() {
			t.Fatal(d)
		}
		out[name] = v.ValueString()
	}
	return out
}

func TestIdentitySchema(t *testing.T) {
	for _, region := range []bool{false, true} {
		var resp resource.IdentitySchemaResponse
		identityBase(region).IdentitySchema(context.Background(), resource.IdentitySchemaRequest{}, &resp)
		attrs := resp.IdentitySchema.Attributes
		id, ok := attrs["id"].(identityschema.StringAttribute)
		if !ok || !id.RequiredForImport {
			t.Fatalf("id: %#v", attrs["id"])
		}
		if !region && len(attrs) != 1 {
			t.Fatalf("attributes %v", attrs)
		}
		if r, ok := attrs["region"].(identityschema.StringAttribute); region && (!ok || !r.OptionalForImport || len(attrs) != 2) {
			t.Fatalf("region: %#v", attrs)
		}
	}
}

func TestIdentifySetsTheIDAndTheConfiguredValues(t *testing.T) {
	ctx := context.Background()
	base := identityBase(true)
	into := emptyIdentity(t, base)
	var diags diag.Diagnostics
	base.Identify(ctx, "i-1", into, &diags)
	if got := identityValues(t, into); diags.HasError() || got["id"] != "i-1" || got["region"] != "r-1" {
		t.Fatalf("identity %v, diags %v", got, diags)
	}
	// The same again (a refresh, an update): no change, no error.
	base.Identify(ctx, "i-1", into, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
}

func TestIdentifyRefusesAnIdentityOutOfTheConfigurationsReach(t *testing.T) {
	ctx := context.Background()
	base := identityBase(true)
	into := emptyIdentity(t, base)
	// An import block's identity: another region, then none.
	into.SetAttribute(ctx, path.Root("id"), "i-1")
	into.SetAttribute(ctx, path.Root("region"), "r-2")
	var diags diag.Diagnostics
	base.Identify(ctx, "i-1", into, &diags)
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), `region is "r-2", and the provider is configured for "r-1"`) {
		t.Fatalf("diags %v", diags)
	}
	into.SetAttribute(ctx, path.Root("region"), types.StringNull())
	diags = nil
	base.Identify(ctx, "i-1", into, &diags)
	if got := identityValues(t, into); diags.HasError() || got["region"] != "r-1" {
		t.Fatalf("identity %v, diags %v", got, diags)
	}
}

func TestIdentifyReportsAValueItCannotTell(t *testing.T) {
	base := framework.NewResourceBase("test_object", framework.Timeouts{}).WithIdentity(framework.IdentityAttribute{Name: "project_id",
		Value: func(context.Context, *conns.Client) (string, error) { return "", errors.New("no token") }})
	base.Client = &conns.Client{}
	var diags diag.Diagnostics
	base.Identify(context.Background(), "i-1", emptyIdentity(t, &base), &diags)
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "no token") {
		t.Fatal(diags)
	}
}

func TestImportByIdentity(t *testing.T) {
	ctx := context.Background()
	base := identityBase(false)
	identity := emptyIdentity(t, base)
	identity.SetAttribute(ctx, path.Root("id"), "i-7")
	resp := resource.ImportStateResponse{State: testState(t, nil)}
	framework.WithImportByID{}.ImportState(ctx, resource.ImportStateRequest{Identity: identity}, &resp)
	var got testModel
	resp.Diagnostics.Append(resp.State.Get(ctx, &got)...)
	if resp.Diagnostics.HasError() || got.ID.ValueString() != "i-7" {
		t.Fatalf("state %+v, diags %v", got, resp.Diagnostics)
	}
	// A blank identity id is refused as a blank import id is.
	identity.SetAttribute(ctx, path.Root("id"), " ")
	resp = resource.ImportStateResponse{State: testState(t, nil)}
	framework.WithImportByID{}.ImportState(ctx, resource.ImportStateRequest{Identity: identity}, &resp)
	if !resp.Diagnostics.HasError() || resp.Diagnostics[0].Summary() != "Missing import id" {
		t.Fatal(resp.Diagnostics)
	}
}

func TestReadResourceSetsTheIdentityOfAnObjectGone(t *testing.T) {
	ctx := context.Background()
	base := identityBase(true)
	type obj struct{ status string }
	finder := framework.Finder[struct{}, obj]{
		Label: "test object",
		Read: func(*struct{}, context.Context, string) (*obj, error) {
			return &obj{"RELEASED"}, nil
		},
		NotFound: func(error) bool { return false },
		Status:   func(o *obj) string { return o.status },
		Gone:     func(s string) bool { return s == "RELEASED" },
	}
	client := func(*diag.Diagnostics) *struct{} { return &struct{}{} }
	set := func(*testModel, context.Context, *obj, *diag.Diagnostics) { t.Fatal("a gone object is not converted") }
	// Terraform before 1.12 sends no identity: the framework starts from null.
	state := testState(t, &testModel{ID: types.StringValue("i-1")})
	resp := resource.ReadResponse{State: state, Identity: emptyIdentity(t, base)}
	framework.ReadResource(ctx, resource.ReadRequest{State: state}, &resp, base.Identify, client, finder, set)
	if got := identityValues(t, resp.Identity); resp.Diagnostics.HasError() || !resp.State.Raw.IsNull() || got["id"] != "i-1" || got["region"] != "r-1" {
		t.Fatalf("identity %v, state removed %v, diags %v", got, resp.State.Raw.IsNull(), resp.Diagnostics)
	}
}

func TestPartialSaveSetsTheIdentity(t *testing.T) {
	ctx := context.Background()
	base := identityBase(false)
	resp := resource.UpdateResponse{State: testState(t, nil), Identity: emptyIdentity(t, base)}
	p := framework.NewPartial(ctx, &resp, base.Identify, testModel{ID: types.StringValue("i-3"), Keep: types.StringValue("x")})
	p.Fail("changing test object (i-3)", errors.New("boom"))
	if got := identityValues(t, resp.Identity); got["id"] != "i-3" || resp.Diagnostics.ErrorsCount() != 1 {
		t.Fatalf("identity %v, diags %v", got, resp.Diagnostics)
	}
}
