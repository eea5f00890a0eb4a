package framework_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
)

// movedModel is a target resource of the move tests.
type movedModel struct {
	ID       types.String   `tfsdk:"id"`
	Name     types.String   `tfsdk:"name"`
	Size     types.Int64    `tfsdk:"size"`
	Level    types.Int64    `tfsdk:"level"`
	Ratio    types.Float64  `tfsdk:"ratio"`
	Keep     types.Bool     `tfsdk:"keep"`
	Addrs    types.List     `tfsdk:"addrs"`
	Keys     types.Set      `tfsdk:"keys"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func movedSchema(ctx context.Context) schema.Schema {
	return schema.Schema{Attributes: map[string]schema.Attribute{
		"id":       schema.StringAttribute{Computed: true},
		"name":     schema.StringAttribute{Optional: true},
		"size":     schema.Int64Attribute{Optional: true},
		"level":    schema.Int64Attribute{Optional: true},
		"ratio":    schema.Float64Attribute{Optional: true},
		"keep":     schema.BoolAttribute{Optional: true},
		"addrs":    schema.ListAttribute{Computed: true, ElementType: types.StringType},
		"keys":     schema.SetAttribute{Optional: true, ElementType: types.StringType},
		"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
	}}
}

var movedSource = framework.MoveSource{
	ProviderAddress: "registry.terraform.io/example/other",
	TypeName:        "other_thing",
	NoEquivalent:    map[string]string{"secret": "write-only here"},
}

func moveThing(ctx context.Context, from *framework.MovedState, diags *diag.Diagnostics) *movedModel {
	return &movedModel{
		ID: from.String("id"), Name: from.String("thing_name"), Size: from.Int64("size"), Level: from.Int64("level"),
		Ratio: from.Float64("ratio"), Keep: from.Bool("force", true), Addrs: from.StringList(ctx, "addrs", diags),
		Keys: from.StringSet(ctx, "keys", diags), Timeouts: from.Timeouts(ctx, diags),
	}
}

// runMove runs the mover on a source state (JSON, nil for the flatmap
// format) from provider/typeName, and returns the response and the logs.
func runMove(t *testing.T, provider, typeName string, src []byte) (resource.MoveStateResponse, string) {
	t.Helper()
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(t.Context(), &logs)
	s := movedSchema(ctx)
	resp := resource.MoveStateResponse{TargetState: tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}}
	mover := framework.MoveStateFrom(movedSource, moveThing)
	mover.StateMover(ctx, resource.MoveStateRequest{
		SourceProviderAddress: provider, SourceTypeName: typeName, SourceRawState: &tfprotov6.RawState{JSON: src},
	}, &resp)
	return resp, logs.String()
}

func TestMoveStateFromMapsTheSourceAttributes(t *testing.T) {
	resp, logs := runMove(t, "registry.terraform.io/example/other", "other_thing", []byte(`{
		"id": "thing-1", "thing_name": "", "size": 20, "level": "5", "ratio": "fast", "force": null,
		"addrs": ["10.0.0.2"], "keys": [], "secret": "hunter2", "future": {"nested": [1, 2]},
		"timeouts": {"create": "30m", "update": null}
	}`))
	if resp.Diagnostics.HasError() {
		t.Fatalf("diagnostics: %v", resp.Diagnostics)
	}
	var got movedModel
	if d := resp.TargetState.Get(t.Context(), &got); d.HasError() {
		t.Fatal(d)
	}
	if got.ID.ValueString() != "thing-1" || !got.Name.IsNull() || got.Size.ValueInt64() != 20 || got.Level.ValueInt64() != 5 {
		t.Errorf("id %v, name %v (want null for \"\"), size %v, level %v (want 5 from \"5\")", got.ID, got.Name, got.Size, got.Level)
	}
	if !got.Ratio.IsNull() || !got.Keep.ValueBool() || !got.Keys.IsNull() || len(got.Addrs.Elements()) != 1 {
		t.Errorf("ratio %v (want null: not a number), keep %v (want the default true for null), keys %v (want null for []), addrs %v",
			got.Ratio, got.Keep, got.Keys, got.Addrs)
	}
	create, _ := got.Timeouts.Create(t.Context(), 0)
	update, _ := got.Timeouts.Update(t.Context(), 0)
	if create.Minutes() != 30 || update != 0 {
		t.Errorf("timeouts %v, want create 30m and the rest unset", got.Timeouts)
	}
	for _, want := range []string{
		`"attribute":"future"`, "unknown source attribute ignored",
		`"attribute":"secret"`, `"reason":"write-only here"`,
		`"attribute":"ratio"`, "unexpected type", `"found":"a string"`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("the debug logs lack %q:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, "hunter2") {
		t.Errorf("the logs hold a value of an attribute without an equivalent:\n%s", logs)
	}
}

func TestMoveStateFromLeavesOtherSourcesAlone(t *testing.T) {
	for _, src := range [][2]string{
		{"registry.terraform.io/example/else", "other_thing"},
		{"registry.terraform.io/example/other", "other_widget"},
	} {
		resp, _ := runMove(t, src[0], src[1], []byte(`{"id": "thing-1"}`))
		if resp.Diagnostics.HasError() || !resp.TargetState.Raw.IsNull() {
			t.Errorf("%v: diagnostics %v, state %v; want neither (the framework tries the other movers)", src, resp.Diagnostics, resp.TargetState.Raw)
		}
	}
}

func TestMoveStateFromRefusesAStateWithoutObject(t *testing.T) {
	for name, src := range map[string][]byte{
		"no id":   []byte(`{"thing_name": "a"}`),
		"flatmap": nil,
		"garbage": []byte(`[1, 2]`),
	} {
		resp, _ := runMove(t, "registry.terraform.io/example/other", "other_thing", src)
		if !resp.Diagnostics.HasError() || !resp.TargetState.Raw.IsNull() {
			t.Errorf("%s: diagnostics %v, state %v; want an error and no state", name, resp.Diagnostics, resp.TargetState.Raw)
		}
	}
}
