package framework

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
)

// ResourceBase brings every resource its type name, its API clients and
// the clear error when the provider data is of the wrong type. Embed it
// (by value) and set it with NewResourceBase in the constructor; a
// resource file then holds only what is its own.
type ResourceBase struct {
	typeSuffix string
	// Client holds the configured API clients (nil before Configure).
	Client *conns.Client
}

// NewResourceBase names a resource "<provider>_<typeSuffix>".
func NewResourceBase(typeSuffix string) ResourceBase { return ResourceBase{typeSuffix: typeSuffix} }

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
// ADDRESS ID", or an import block's id), refusing an empty or blank id
// with a clear error instead of a provider-internal one.
type WithImportByID struct{}

// ImportState sets "id" from the import id.
func (WithImportByID) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if strings.TrimSpace(req.ID) == "" {
		resp.Diagnostics.AddError("Missing import id",
			fmt.Sprintf("Import needs the object's id, for example: terraform import ADDRESS <id>. Got %q.", req.ID))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
