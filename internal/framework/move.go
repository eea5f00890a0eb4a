package framework

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Moving from another provider. A moved block
//
//	moved {
//	  from = zenlayercloud_zec_disk.data
//	  to   = cloudcompute_zenlayer_zec_disk.data
//	}
//
// hands the source resource's state, as the other provider wrote it, to the
// target resource's MoveState (Terraform 1.8 or later). MoveStateFrom
// builds that StateMover once for every resource: it reads the source
// state's attributes from their JSON (no source schema: an attribute the
// other provider adds in a later version, or whose type it changes, must
// not make the move fail), lets the resource map them into its model, and
// logs at debug level every source attribute that was not carried over,
// with the reason. It never calls the API: Terraform refreshes the moved
// object right after the move, and that Read sets what the cloud reports.
//
// A moved object is treated as an imported one: what the API does not
// report and the source had no equivalent for (password_wo_version, for
// example) stays null in the state, and the move writes the import mark
// (resource_marks.go) into the private state, so that the first apply adopts the
// configured values without a replacement or a call. Nothing else goes
// into the private state (in particular not the mark of an unfinished
// create, see resource_marks.go): the source provider's private data is dropped.

// MoveSource names the other provider's resource type that a resource
// takes over, and what of its attributes has no equivalent.
type MoveSource struct {
	// ProviderAddress is the source provider's address as Terraform sends
	// it, such as "registry.terraform.io/zenlayer/zenlayercloud".
	ProviderAddress string
	// TypeName is the source resource type, such as "zenlayercloud_zec_disk".
	TypeName string
	// NoEquivalent lists the source attributes that are deliberately not
	// carried over, each with the reason (logged at debug level).
	NoEquivalent map[string]string
}

// matches reports whether the move request is from s.
func (s MoveSource) matches(req resource.MoveStateRequest) bool {
	return req.SourceTypeName == s.TypeName && strings.EqualFold(req.SourceProviderAddress, s.ProviderAddress)
}

// MovedState is the source resource's state as the other provider wrote
// it: its attributes by name, as JSON. Each accessor marks its attribute as
// carried over; a value of an unexpected JSON type reads as null (the
// refresh after the move sets it from the API) and is logged.
type MovedState struct {
	attrs  map[string]json.RawMessage
	used   map[string]bool
	target tfsdk.State
	// odd are the attributes whose JSON type was not the expected one,
	// with the type they have (never their value: it may be a secret).
	odd map[string]string
}

// readMovedState reads the source state's JSON attributes.
func readMovedState(src []byte) (*MovedState, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, fmt.Errorf("the source state is empty or in the flatmap format of Terraform 0.11 and earlier")
	}
	var attrs map[string]json.RawMessage
	if err := json.Unmarshal(src, &attrs); err != nil {
		return nil, fmt.Errorf("the source state is not a JSON object of attributes: %w", err)
	}
	if attrs == nil {
		return nil, fmt.Errorf("the source state holds no attributes")
	}
	return &MovedState{attrs: attrs, used: map[string]bool{}, odd: map[string]string{}}, nil
}

// raw is the JSON of attribute name, nil when absent or null.
func (s *MovedState) raw(name string) json.RawMessage {
	s.used[name] = true
	v := s.attrs[name]
	if len(v) == 0 || string(v) == "null" {
		return nil
	}
	return v
}

// decode reads attribute name into out; false when absent, null or of an
// unexpected type (which is recorded).
func (s *MovedState) decode(name string, out any) bool {
	v := s.raw(name)
	if v == nil {
		return false
	}
	if err := json.Unmarshal(v, out); err != nil {
		s.odd[name] = jsonKind(v)
		return false
	}
	return true
}

// Decode reads attribute name into out (a nested block's JSON, say); false
// when absent, null or of an unexpected type (which is recorded).
func (s *MovedState) Decode(name string, out any) bool { return s.decode(name, out) }

// String is a string attribute; absent, null and "" (what the other
// provider writes for an unset optional string) are null.
func (s *MovedState) String(name string) types.String {
	var v string
	if !s.decode(name, &v) || v == "" {
		return types.StringNull()
	}
	return types.StringValue(v)
}

// Int64 is a number attribute, or a string holding an integer (some
// providers keep enumerations such as RAID levels as strings).
func (s *MovedState) Int64(name string) types.Int64 {
	var n json.Number // takes a JSON number or a string of one
	if !s.decode(name, &n) {
		return types.Int64Null()
	}
	i, err := n.Int64()
	if err != nil {
		s.odd[name] = "a number that is not an integer"
		return types.Int64Null()
	}
	return types.Int64Value(i)
}

// Float64 is a number attribute.
func (s *MovedState) Float64(name string) types.Float64 {
	var f float64
	if !s.decode(name, &f) {
		return types.Float64Null()
	}
	return types.Float64Value(f)
}

// Bool is a bool attribute, or def when it is absent or null.
func (s *MovedState) Bool(name string, def bool) types.Bool {
	v := def
	s.decode(name, &v)
	return types.BoolValue(v)
}

// Strings are the elements of a list or set of strings (nil when absent,
// null or empty).
func (s *MovedState) Strings(name string) []string {
	var v []string
	if !s.decode(name, &v) || len(v) == 0 {
		return nil
	}
	return v
}

// StringMap is a map of strings (null when absent, null or empty).
func (s *MovedState) StringMap(name string) types.Map {
	var v map[string]string
	if !s.decode(name, &v) || len(v) == 0 {
		return types.MapNull(types.StringType)
	}
	return StringMap(v)
}

// StringList is a list or set of strings as a list (empty when absent).
func (s *MovedState) StringList(ctx context.Context, name string, diags *diag.Diagnostics) types.List {
	return StringList(ctx, s.Strings(name), diags)
}

// StringSet is a list or set of strings as a set, null when absent or empty.
func (s *MovedState) StringSet(ctx context.Context, name string, diags *diag.Diagnostics) types.Set {
	v := s.Strings(name)
	if v == nil {
		return types.SetNull(types.StringType)
	}
	set, d := types.SetValueFrom(ctx, types.StringType, v)
	diags.Append(d...)
	return set
}

// Timeouts is the source's timeouts block (the SDK writes {"create":
// "30m", "update": null}) as the target's timeouts attribute: the
// operations both have are carried over, null when the source set none.
func (s *MovedState) Timeouts(ctx context.Context, diags *diag.Diagnostics) timeouts.Value {
	t, d := s.target.Schema.TypeAtPath(ctx, path.Root("timeouts"))
	diags.Append(d...)
	ot, ok := t.(attr.TypeWithAttributeTypes)
	if d.HasError() || !ok {
		diags.AddError("moving the timeouts", fmt.Sprintf("the target's timeouts attribute is a %T, not an object", t))
		return timeouts.Value{}
	}
	attrTypes := ot.AttributeTypes()
	var src map[string]*string
	if !s.decode("timeouts", &src) {
		return timeouts.Value{Object: types.ObjectNull(attrTypes)}
	}
	vals := make(map[string]attr.Value, len(attrTypes))
	set := false
	for _, op := range slices.Sorted(maps.Keys(attrTypes)) {
		vals[op] = types.StringNull()
		if v := src[op]; v != nil && *v != "" {
			vals[op] = types.StringValue(*v)
			set = true
		}
	}
	if !set {
		return timeouts.Value{Object: types.ObjectNull(attrTypes)}
	}
	obj, d := types.ObjectValue(attrTypes, vals)
	diags.Append(d...)
	return timeouts.Value{Object: obj}
}

// jsonKind names the JSON type of v.
func jsonKind(v json.RawMessage) string {
	switch b := bytes.TrimSpace(v); {
	case len(b) == 0:
		return "nothing"
	case b[0] == '"':
		return "a string"
	case b[0] == '{':
		return "an object"
	case b[0] == '[':
		return "an array"
	case b[0] == 't' || b[0] == 'f':
		return "a bool"
	default:
		return "a number"
	}
}

// logLeftOut logs, at debug level, each source attribute that was not
// carried over: with its reason when src lists it, else as unknown (an
// attribute of a version of the other provider this one does not know).
func (s *MovedState) logLeftOut(ctx context.Context, src MoveSource) {
	for _, name := range slices.Sorted(maps.Keys(s.attrs)) {
		fields := map[string]any{"source_type": src.TypeName, "attribute": name}
		switch reason, known := src.NoEquivalent[name]; {
		case known:
			fields["reason"] = reason
			tflog.Debug(ctx, "moved state: source attribute has no equivalent, not carried over", fields)
		case !s.used[name]:
			tflog.Debug(ctx, "moved state: unknown source attribute ignored", fields)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.odd)) {
		tflog.Debug(ctx, "moved state: source attribute of an unexpected type read as null; the refresh sets it",
			map[string]any{"source_type": src.TypeName, "attribute": name, "found": s.odd[name]})
	}
}

// Mover brings a resource that takes over another provider's objects its
// MoveState: the resource embeds it and its constructor sets it with
// MovesFrom, so that the resource's move file holds only the source (its
// MoveSource and mapping table) and the mapping.
type Mover struct{ movers []resource.StateMover }

// MoveState is the resource's state movers.
func (m Mover) MoveState(context.Context) []resource.StateMover { return m.movers }

// MovesFrom is the Mover of a resource that takes over the objects of src,
// mapped by move (see MoveStateFrom).
func MovesFrom[M any](src MoveSource, move func(ctx context.Context, from *MovedState, diags *diag.Diagnostics) *M) Mover {
	return Mover{movers: []resource.StateMover{MoveStateFrom(src, move)}}
}

// MoveStateFrom is the StateMover of a resource that takes over the
// objects of src: move maps the source's attributes (from) into the
// resource's model M, which becomes the moved state, marked as imported
// (AdoptImported). A request from
// another provider or resource type is left to the other movers. The
// source state must hold its object's id; nothing else is required.
func MoveStateFrom[M any](src MoveSource, move func(ctx context.Context, from *MovedState, diags *diag.Diagnostics) *M) resource.StateMover {
	return resource.StateMover{StateMover: func(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
		if !src.matches(req) {
			return
		}
		summary := "moving " + req.SourceTypeName
		if req.SourceRawState == nil {
			resp.Diagnostics.AddError(summary, "Terraform sent no source state.")
			return
		}
		from, err := readMovedState(req.SourceRawState.JSON)
		if err != nil {
			resp.Diagnostics.AddError(summary, err.Error()+". Refresh the source with its own provider and a current Terraform first.")
			return
		}
		from.target = resp.TargetState
		id := from.String("id")
		if id.IsNull() {
			resp.Diagnostics.AddError(summary, "The source state has no id: there is no object to take over.")
			return
		}
		summary += " (" + id.ValueString() + ")"
		ctx = tflog.SetField(ctx, "id", id.ValueString())
		var diags diag.Diagnostics
		m := move(ctx, from, &diags)
		if !diags.HasError() && m != nil {
			diags.Append(resp.TargetState.Set(ctx, m)...)
		}
		if diags.HasError() {
			resp.Diagnostics.AddError(summary, "The source state could not be mapped: "+diagSummaries(diags))
			return
		}
		resp.Diagnostics.Append(diags...)
		// A moved object is adopted as an imported one is: the arguments
		// the official provider kept and ours never reads back (a password
		// version, SSH keys) are taken from the configuration without a
		// replacement or a call (see AdoptImported).
		if resp.TargetPrivate != nil {
			MarkImported(ctx, resp.TargetPrivate, &resp.Diagnostics)
		}
		from.logLeftOut(ctx, src)
		tflog.Info(ctx, "moved state from another provider", map[string]any{
			"source_provider": req.SourceProviderAddress, "source_type": req.SourceTypeName, "source_schema_version": req.SourceSchemaVersion,
		})
	}}
}

// diagSummaries joins the summaries and details of the errors in diags.
func diagSummaries(diags diag.Diagnostics) string {
	var parts []string
	for _, d := range diags.Errors() {
		parts = append(parts, d.Summary()+": "+d.Detail())
	}
	return strings.Join(parts, "; ")
}
