package framework

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
)

// Resource identity (Terraform 1.12 and later): beside its state, every
// resource's object carries an identity, "id" and what else a user needs
// to find it (an IdentityAttribute, such as the CloudDC project and region).
// It is set in one place per operation: GuardedCreate / SaveCreated (the
// moment the id is known), ReadResource (before the object is read, so that
// a Read that drops a gone object still answers one) and Partial.Save (every
// Update); WithImportByID imports by it as well as by id. The values come
// from the object's id and the provider's configuration, never from the
// API's answer, so they cannot change while the object lives.

// An IdentityAttribute is an attribute of a resource's identity beside
// "id": where the object lives, as the provider's configuration says.
type IdentityAttribute struct {
	// Name is the attribute's name ("project_id").
	Name string
	// Description says what it is, for the identity schema.
	Description string
	// Value is its value for the provider's clients; "" is null (unknown
	// to the configuration).
	Value func(ctx context.Context, c *conns.Client) (string, error)
}

// An Identifier sets into (a response's identity) to the identity of the
// object id. Values that into already holds (the prior identity, or an
// import block's) are checked first: one that differs from the provider's
// configuration is an error, since that configuration cannot reach the
// object. ResourceBase.Identify is the Identifier of every resource.
type Identifier func(ctx context.Context, id string, into *tfsdk.ResourceIdentity, diags *diag.Diagnostics)

// WithIdentity adds identity attributes beside "id" (a resource whose
// objects are not global to the provider's credentials):
//
//	framework.NewResourceBase("huaweicloud_clouddc_instance", defaults).WithIdentity(projectID, region)
func (r ResourceBase) WithIdentity(attrs ...IdentityAttribute) ResourceBase {
	r.identity = append(append([]IdentityAttribute(nil), r.identity...), attrs...)
	return r
}

// IdentitySchema is "id" (required to import by identity) and the resource's
// identity attributes (optional to import: the provider's configuration is
// assumed when they are left out).
func (r *ResourceBase) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	attrs := map[string]identityschema.Attribute{
		"id": identityschema.StringAttribute{RequiredForImport: true, Description: "The object's id, as in the resource's id attribute."},
	}
	for _, a := range r.identity {
		attrs[a.Name] = identityschema.StringAttribute{OptionalForImport: true, Description: a.Description}
	}
	resp.IdentitySchema = identityschema.Schema{Attributes: attrs}
}

// Identify is the resource's Identifier (see Identifier).
func (r *ResourceBase) Identify(ctx context.Context, id string, into *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if into == nil {
		return
	}
	want := map[string]types.String{"id": types.StringValue(id)}
	for _, a := range r.identity {
		v := ""
		if a.Value != nil && r.Client != nil {
			var err error
			if v, err = a.Value(ctx, r.Client); err != nil {
				diags.AddError(fmt.Sprintf("reading the identity of object %s", id),
					fmt.Sprintf("The provider could not tell the %s of the object: %s", a.Name, err))
				return
			}
		}
		want[a.Name] = OptionalString(v)
	}
	if !into.Raw.IsNull() {
		if mismatch := identityMismatch(ctx, into, want, diags); mismatch != "" {
			diags.AddError(fmt.Sprintf("Object %s is out of this provider configuration's reach", id),
				"The object's identity says "+mismatch+". Configure the provider (or an aliased provider for this resource) "+
					"for the object's values; a refresh through this configuration would not find the object.")
			return
		}
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		diags.Append(into.SetAttribute(ctx, path.Root(name), want[name])...)
	}
}

// identityMismatch says which known values of into differ from want
// ("project_id is \"a\", the provider is configured for \"b\""), or "".
// A null value on either side is not compared: left out of an import
// block, or not known to the configuration.
func identityMismatch(ctx context.Context, into *tfsdk.ResourceIdentity, want map[string]types.String, diags *diag.Diagnostics) string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(want)) {
		var have types.String
		if diags.Append(into.GetAttribute(ctx, path.Root(name), &have)...); diags.HasError() {
			return ""
		}
		w := want[name]
		if have.IsNull() || have.IsUnknown() || w.IsNull() || have.Equal(w) {
			continue
		}
		out = append(out, fmt.Sprintf("%s is %q, and the provider is configured for %q", name, have.ValueString(), w.ValueString()))
	}
	return strings.Join(out, "; ")
}

// ImportID is the id an import names: the import id ("terraform import
// ADDRESS ID", an import block's id) or, when importing by identity, the
// identity's id. It adds an error and answers "" when there is none or it
// is blank.
func ImportID(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) string {
	id := req.ID
	if id == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		var v types.String
		if diags.Append(req.Identity.GetAttribute(ctx, path.Root("id"), &v)...); diags.HasError() {
			return ""
		}
		id = v.ValueString()
	}
	if strings.TrimSpace(id) == "" {
		diags.AddError("Missing import id",
			fmt.Sprintf("Import needs the object's id, for example: terraform import ADDRESS <id>, or an import block "+
				"with id = \"<id>\" or identity = { id = \"<id>\" }. Got %q.", id))
		return ""
	}
	return id
}
