package framework

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// An import must never change the object it adopts. The API never reports
// some arguments (write-only passwords and their versions, SSH keys, what
// a destroy does): after an import the state has none of them, and the
// configuration's values would otherwise read as changes, some of which
// reset a password or replace a machine. So ImportState marks the resource
// in its private state; while the mark is there, those arguments' values
// are adopted from the configuration (they never ask for a replacement),
// and an Update whose only changes are such adoptions saves them without
// calling the API. The first Update after the import clears the mark.

// privateImportedKey is the private-state key of the mark.
const privateImportedKey = "imported"

// MarkImported marks the resource as imported (ImportState).
func MarkImported(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics) {
	diags.Append(p.SetKey(ctx, privateImportedKey, []byte(`true`))...)
}

// Imported reports whether the resource carries the import mark.
func Imported(ctx context.Context, p PrivateGetter) bool {
	if p == nil {
		return false
	}
	b, d := p.GetKey(ctx, privateImportedKey)
	return !d.HasError() && len(b) > 0
}

// clearImported removes the mark.
func clearImported(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics) {
	diags.Append(p.SetKey(ctx, privateImportedKey, nil)...)
}

// AdoptImported starts every Update. It reports whether the resource was
// imported (and clears the mark: the request's private state is the
// response's, so the Update must use this answer, not Imported, to know
// it), and whether the Update is done: when the plan of an imported
// resource differs from the state only in adopted (the arguments the API
// never reports), it saves the plan (and the identity, with identify)
// without calling the API. Otherwise the
// Update goes on, and must not act on a change of an adopted argument of
// an imported resource (a password version, say) other than saving it.
func AdoptImported(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse, identify Identifier, adopted ...path.Path) (done, imported bool) {
	if !Imported(ctx, req.Private) {
		return false, false
	}
	clearImported(ctx, resp.Private, &resp.Diagnostics)
	changed, diags := changedAttributes(ctx, req)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return true, true
	}
	for name := range changed {
		if !slices.ContainsFunc(adopted, path.Root(name).Equal) {
			return false, true
		}
	}
	tflog.Info(ctx, "adopting the configuration's values after an import, without calling the API", map[string]any{"attributes": fmt.Sprint(slices.Collect(maps.Keys(changed)))})
	resp.State.Raw = req.State.Raw.Copy()
	for name, v := range changed {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	identify(ctx, id.ValueString(), resp.Identity, &resp.Diagnostics)
	return true, true
}

// changedAttributes are the top-level attributes whose planned value is
// known and not the state's, with that value. A computed attribute the
// plan leaves unknown (known after apply) keeps the state's value.
func changedAttributes(ctx context.Context, req resource.UpdateRequest) (map[string]attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	changed := map[string]attr.Value{}
	for name := range req.Plan.Schema.GetAttributes() {
		p := path.Root(name)
		var planned, prior attr.Value
		diags.Append(req.Plan.GetAttribute(ctx, p, &planned)...)
		diags.Append(req.State.GetAttribute(ctx, p, &prior)...)
		if diags.HasError() {
			return nil, diags
		}
		if !planned.IsUnknown() && !planned.Equal(prior) {
			changed[name] = planned
		}
	}
	return changed, diags
}
