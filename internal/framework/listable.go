package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
)

// Listable is what the two listings of a resource type, its data source
// (Listing) and its list resource (ListResource), take from the resource,
// written once for both. C is the cloud's client, T the API's object and
// M the resource's model.
type Listable[C, T, M any] struct {
	// Resource is the resource's constructor: the listings have its type
	// name, its schema (a data source's items) and its identity (a list
	// resource's results; it must embed ResourceBase).
	Resource func() resource.Resource
	// Client picks the cloud's client: (*conns.Client).ZenlayerClient or
	// HuaweiCloudClient.
	Client func(*conns.Client, *diag.Diagnostics) *C
	// Finder is the resource's: its Label names the listings in errors
	// ("listing ZEC disks"), its ID sorts the results and its Name shows a
	// list resource's; a list resource leaves out the objects whose status
	// it calls Gone (released, deleted, on their way out), as the
	// resource's Read would drop them.
	Finder Finder[C, T]
	// Model sets a resource model from an object as the resource's Read
	// does (its refresh: after an import, the arguments the API does not
	// report take their defaults).
	Model func(m *M, ctx context.Context, obj *T, diags *diag.Diagnostics)
	// InAPIOrder keeps the results in the order the API lists them
	// instead of sorting them by id.
	InAPIOrder bool
}

// what names the listings in errors.
func (l *Listable[C, T, M]) what() string { return "listing " + l.Finder.Label + "s" }

// key is what the results are sorted by (stably): the id, or the same for
// every object when they keep the API's order.
func (l *Listable[C, T, M]) key(obj *T) string {
	if l.InAPIOrder {
		return ""
	}
	return l.Finder.ID(obj)
}

// schema is the resource's schema.
func (l *Listable[C, T, M]) schema(ctx context.Context) rschema.Schema {
	var resp resource.SchemaResponse
	l.Resource().Schema(ctx, resource.SchemaRequest{}, &resp)
	return resp.Schema
}
