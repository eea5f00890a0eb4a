package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
)

// ResourceBase brings every resource its type name, its API clients, the
// clear error when the provider data is of the wrong type, its identity
// (identity.go) and its import by id (WithImportByID). Embed it (by value)
// and set it with NewResourceBase in the constructor; a resource file then
// holds only what is its own.
type ResourceBase struct {
	WithImportByID
	typeSuffix string
	timeouts   Timeouts
	// identity are the identity attributes beside "id" (identity.go).
	identity []IdentityAttribute
	// Client holds the configured API clients (nil before Configure).
	Client *conns.Client
}

// NewResourceBase names a resource "<provider>_<typeSuffix>" and sets its
// default timeouts.
func NewResourceBase(typeSuffix string, defaults Timeouts) ResourceBase {
	return ResourceBase{typeSuffix: typeSuffix, timeouts: defaults}
}

// A Resource is what every resource of the provider is: ResourceBase
// brings its Metadata, Configure, IdentitySchema and ImportState; the
// resource its Schema, Create, Read, Update, Delete and ModifyPlan.
type Resource interface {
	resource.ResourceWithConfigure
	resource.ResourceWithImportState
	resource.ResourceWithIdentity
	resource.ResourceWithModifyPlan
}

// NewResource is what a resource's constructor returns: r, whose type the
// compiler checks to be a whole Resource (the framework would silently
// never call a method whose signature is wrong).
func NewResource[R Resource](r R) resource.Resource { return r }

// CreateTimeout is the deadline of a Create: attr's create value or the
// default (attr is the model's timeouts, read by Begin's sources).
func (r *ResourceBase) CreateTimeout(attr *timeouts.Value) Deadline {
	return Deadline{attr: attr, get: timeouts.Value.Create, def: r.timeouts.Create}
}

// UpdateTimeout is the deadline of an Update.
func (r *ResourceBase) UpdateTimeout(attr *timeouts.Value) Deadline {
	return Deadline{attr: attr, get: timeouts.Value.Update, def: r.timeouts.Update}
}

// DeleteTimeout is the deadline of a Delete.
func (r *ResourceBase) DeleteTimeout(attr *timeouts.Value) Deadline {
	return Deadline{attr: attr, get: timeouts.Value.Delete, def: r.timeouts.Delete}
}

// Metadata sets the resource's type name.
func (r *ResourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.typeSuffix
}

// Configure takes the provider's clients.
func (r *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.Client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

// DataSourceBase is ResourceBase for data sources.
type DataSourceBase struct {
	typeSuffix string
	// Client holds the configured API clients (nil before Configure).
	Client *conns.Client
}

// NewDataSourceBase names a data source "<provider>_<typeSuffix>".
func NewDataSourceBase(typeSuffix string) DataSourceBase {
	return DataSourceBase{typeSuffix: typeSuffix}
}

// Metadata sets the data source's type name.
func (d *DataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.typeSuffix
}

// Configure takes the provider's clients.
func (d *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.Client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

// WithImportByID brings ImportState by the object's id ("terraform import
// ADDRESS ID", or an import block's id) or by its identity (an import
// block's identity, Terraform 1.12 and later), refusing an empty or blank
// id with a clear error instead of a provider-internal one. It marks the
// resource as imported (see AdoptImported).
type WithImportByID struct{}

// ImportState sets "id" from the import id or the identity's id (see
// ImportID). The identity's other values are checked by the Read that
// follows (ResourceBase.Identify).
func (WithImportByID) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := ImportID(ctx, req, &resp.Diagnostics)
	if id == "" {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	if resp.Private != nil {
		MarkImported(ctx, resp.Private, &resp.Diagnostics)
	}
}
