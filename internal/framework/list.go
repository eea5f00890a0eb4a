package framework

import (
	"context"
	"fmt"
	"reflect"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
)

// ListResource describes the list resource of a resource type (a "list"
// block of a .tfquery.hcl file, run by terraform query, Terraform 1.14 and
// later). It is Listing's idea for queries: its filters and one API call
// (the client follows the pages, so every matching object of an account of
// any size is listed); each result is the object's identity, made by the
// resource's own Identify, and, with include_resource, the full resource
// object, made by the resource's own Read conversion. So a result is what
// an import of the object would put in the state, and the configuration
// terraform query -generate-config-out writes from it plans no change.
//
// F is the list block's config model (its filters), C the cloud's client,
// T the API's object and M the resource's model.
type ListResource[F, C, T, M any] struct {
	// Of is the resource whose objects are listed: its type name, schema
	// and identity, its client, its Finder and its model conversion.
	Of Listable[C, T, M]
	// Description is the list resource's MarkdownDescription.
	Description string
	// Filters are the config block's arguments, all optional.
	Filters Filters
	// List asks the API for every object matching the filters.
	List func(ctx context.Context, conn *C, filters *F) ([]T, error)
}

// NewListResource makes the list resource l describes.
func NewListResource[F, C, T, M any](l ListResource[F, C, T, M]) list.ListResource {
	return &listResource[F, C, T, M]{spec: l, res: l.Of.Resource()}
}

type listResource[F, C, T, M any] struct {
	spec   ListResource[F, C, T, M]
	res    resource.Resource
	client *conns.Client
}

var _ list.ListResourceWithConfigure = &listResource[struct{}, struct{}, struct{}, struct{}]{}

// identifiedResource is a resource that embeds ResourceBase.
type identifiedResource interface {
	Identify(ctx context.Context, id string, into *tfsdk.ResourceIdentity, diags *diag.Diagnostics)
}

// Metadata is the resource's type name.
func (l *listResource[F, C, T, M]) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	l.res.Metadata(ctx, req, resp)
}

// ListResourceConfigSchema is the filters.
func (l *listResource[F, C, T, M]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{MarkdownDescription: l.spec.Description, Attributes: l.spec.Filters.List()}
}

// Configure takes the provider's clients, and configures the resource
// (whose Identify needs them).
func (l *listResource[F, C, T, M]) Configure(ctx context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
	if r, ok := l.res.(resource.ResourceWithConfigure); ok {
		r.Configure(ctx, req, resp)
	}
}

// List reads the filters, lists, and streams a result per object (at
// most the list block's limit): its display name, its identity and, with
// include_resource, the resource object.
func (l *listResource[F, C, T, M]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters F
	var diags diag.Diagnostics
	conn := Load(ctx, &diags, func(diags *diag.Diagnostics) *C { return l.spec.Of.Client(l.client, diags) }, Get(req.Config, &filters))
	identify, ok := l.res.(identifiedResource)
	if !ok {
		diags.AddError(l.spec.Of.what(), "The resource has no identity: this is a bug in the provider; please report it.")
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		objs, err := l.spec.List(ctx, conn, &filters)
		if err != nil {
			var diags diag.Diagnostics
			diags.AddError(l.spec.Of.what(), err.Error())
			push(list.ListResult{Diagnostics: diags})
			return
		}
		objs = l.kept(objs)
		var schema resource.SchemaResponse
		if req.IncludeResource {
			l.res.Schema(ctx, resource.SchemaRequest{}, &schema)
		}
		for i := range objs {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			obj := &objs[i]
			result := req.NewListResult(ctx)
			result.DisplayName = l.spec.Of.Finder.Name(obj)
			identify.Identify(ctx, l.spec.Of.Finder.ID(obj), result.Identity, &result.Diagnostics)
			if req.IncludeResource && !result.Diagnostics.HasError() {
				var m M
				l.spec.Of.Model(&m, ctx, obj, &result.Diagnostics)
				nullUntyped(ctx, schema.Schema, reflect.ValueOf(&m).Elem())
				result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
			}
			if !push(result) {
				return
			}
		}
	}
}

// kept are the objects the resource would keep in its state (not gone),
// sorted as the listings are.
func (l *listResource[F, C, T, M]) kept(objs []T) []T {
	f := &l.spec.Of.Finder
	out := make([]T, 0, len(objs))
	for i := range objs {
		if f.Gone == nil || !f.Gone(f.Status(&objs[i])) {
			out = append(out, objs[i])
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return l.spec.Of.key(&out[a]) < l.spec.Of.key(&out[b]) })
	return out
}

// DiagsError is diags' first error as an error (a filter that cannot be
// read, in a ListResource's List), or nil.
func DiagsError(diags diag.Diagnostics) error {
	for _, d := range diags.Errors() {
		return fmt.Errorf("%s: %s", d.Summary(), d.Detail())
	}
	return nil
}
