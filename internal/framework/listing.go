package framework

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
)

// Listing describes a listing data source ("cloudcompute_zenlayer_zec_disks")
// whose items are the objects of a resource: each item holds the
// resource's own attributes (all but Leave), made by the resource's own
// model conversion. A field added to a resource (its schema and its
// fromAPI) is therefore in its data source too, with its description.
//
// F is the data source's model: its filter arguments and, under the tag
// Items, a types.List for the items. C is the cloud's client, T the API's
// object and M the resource's model.
type Listing[F, C, T, M any] struct {
	// TypeSuffix names the data source "<provider>_<TypeSuffix>".
	TypeSuffix string
	// Description is the data source's MarkdownDescription.
	Description string
	// Filters are the filter arguments (Optional), "ids" among them if the
	// API looks objects up by id.
	Filters Filters
	// Items names the list of items ("disks"); ItemsDescription describes it.
	Items, ItemsDescription string
	// Of is the resource whose objects are listed: its schema (the items'
	// attributes), its client, its Finder (the listing's name in errors
	// and the items' order) and its model conversion.
	Of Listable[C, T, M]
	// Leave are the attributes of the resource that items leave out
	// (arguments the API does not report, write-only secrets, timeouts).
	Leave []string
	// Describe overrides the items' description of these attributes
	// (where the resource's speaks of setting the argument).
	Describe map[string]string
	// IDs is the ids filter, or nil if there is none. A set but empty
	// list answers an empty result without a call.
	IDs func(*F) types.List
	// List asks the API for the objects matching the filters (and ids).
	List func(ctx context.Context, conn *C, filters *F, ids []string) ([]T, error)

	// A listing of objects that are no resource's (zones, images, ...),
	// a Lookup, has no Of, Leave and Describe but What, which names it in
	// errors ("listing ZEC zones"), Client, which picks the cloud's client
	// ((*conns.Client).ZenlayerClient or HuaweiCloudClient), Key, which
	// items are sorted by, and Columns, its items' attributes.
	What    string
	Client  func(*conns.Client, *diag.Diagnostics) *C
	Key     func(*T) string
	Columns []Column[T]
}

// A Lookup is a Listing of objects that are no resource's: its items'
// attributes are Columns.
type Lookup[F, C, T any] = Listing[F, C, T, struct{}]

// NewListing makes the data source l describes.
func NewListing[F, C, T, M any](l Listing[F, C, T, M]) datasource.DataSource {
	if l.Of.Resource != nil { // named, read and sorted as the resource's listings are
		l.What, l.Client, l.Key = l.Of.what(), l.Of.Client, l.Of.key
	}
	return &listing[F, C, T, M]{DataSourceBase: NewDataSourceBase(l.TypeSuffix), spec: l}
}

type listing[F, C, T, M any] struct {
	DataSourceBase
	spec Listing[F, C, T, M]
}

var _ datasource.DataSourceWithConfigure = &listing[struct{}, struct{}, struct{}, struct{}]{}

// Schema is the filters and the items, whose attributes are the
// resource's, computed.
func (d *listing[F, C, T, M]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.spec.Filters.DataSource()
	attrs[d.spec.Items] = dschema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: d.spec.ItemsDescription,
		NestedObject:        dschema.NestedAttributeObject{Attributes: d.itemSchema(ctx)},
	}
	resp.Schema = dschema.Schema{MarkdownDescription: d.spec.Description, Attributes: attrs}
}

// itemSchema are the items' attributes: the resource's (computed), or
// the Columns.
func (d *listing[F, C, T, M]) itemSchema(ctx context.Context) map[string]dschema.Attribute {
	if d.spec.Of.Resource == nil {
		return columnAttributes(d.spec.Columns)
	}
	return ComputedAttributes(d.itemAttributes(ctx), d.spec.Describe)
}

// itemAttributes are the resource's attributes the items hold.
func (d *listing[F, C, T, M]) itemAttributes(ctx context.Context) map[string]rschema.Attribute {
	out := map[string]rschema.Attribute{}
	for name, a := range d.spec.Of.schema(ctx).Attributes {
		if !slices.Contains(d.spec.Leave, name) {
			out[name] = a
		}
	}
	return out
}

// Read reads the filters, lists, converts each object with the resource's
// model conversion, sorts by id and saves.
func (d *listing[F, C, T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var filters F
	conn := Load(ctx, &resp.Diagnostics, func(diags *diag.Diagnostics) *C { return d.spec.Client(d.Client, diags) }, Get(req.Config, &filters))
	if conn == nil {
		return
	}
	itemAttrs := d.itemSchema(ctx)
	itemTypes := make(map[string]attr.Type, len(itemAttrs))
	for name, a := range itemAttrs {
		itemTypes[name] = a.GetType()
	}
	save := func(items []types.Object) {
		list, diags := types.ListValueFrom(ctx, types.ObjectType{AttrTypes: itemTypes}, items)
		if resp.Diagnostics.Append(diags...); diags.HasError() {
			return
		}
		resp.Diagnostics.Append(resp.State.Set(ctx, &filters)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(d.spec.Items), list)...)
	}

	var ids []string
	if d.spec.IDs != nil {
		if l := d.spec.IDs(&filters); !l.IsNull() && !l.IsUnknown() {
			if ids = Strings(ctx, l, &resp.Diagnostics); resp.Diagnostics.HasError() {
				return
			}
			if len(ids) == 0 {
				save([]types.Object{})
				return
			}
		}
	}
	objs, err := d.spec.List(ctx, conn, &filters, ids)
	if err != nil {
		resp.Diagnostics.AddError(d.spec.What, err.Error())
		return
	}
	var rs rschema.Schema // the resource's schema, built once for every item
	if d.spec.Of.Resource != nil {
		rs = d.spec.Of.schema(ctx)
	}
	items := SortedBy(objs, d.spec.Key, func(obj *T) types.Object {
		if d.spec.Of.Resource == nil {
			item, diags := types.ObjectValue(itemTypes, columnValues(d.spec.Columns, obj))
			resp.Diagnostics.Append(diags...)
			return item
		}
		var m M
		d.spec.Of.Model(&m, ctx, obj, &resp.Diagnostics)
		return itemObject(ctx, rs, &m, itemTypes, &resp.Diagnostics)
	})
	if !resp.Diagnostics.HasError() {
		save(items)
	}
}

// itemObject is the item of the resource model m: the attributes in
// itemTypes of m as the resource's state holds them. Attributes m leaves
// unset (those the model conversion does not set) are null.
func itemObject[M any](ctx context.Context, rs rschema.Schema, m *M, itemTypes map[string]attr.Type, diags *diag.Diagnostics) types.Object {
	nullObject := types.ObjectNull(itemTypes)
	nullUntyped(ctx, rs, reflect.ValueOf(m).Elem())
	state := tfsdk.State{Schema: rs, Raw: tftypes.NewValue(rs.Type().TerraformType(ctx), nil)}
	if diags.Append(state.Set(ctx, m)...); diags.HasError() {
		return nullObject
	}
	values := make(map[string]attr.Value, len(itemTypes))
	for name, t := range itemTypes {
		v, err := state.Raw.ApplyTerraform5AttributePathStep(tftypes.AttributeName(name))
		if err != nil {
			diags.AddError("listing", fmt.Sprintf("attribute %s: %s", name, err))
			return nullObject
		}
		tv, ok := v.(tftypes.Value)
		if !ok {
			diags.AddError("listing", fmt.Sprintf("attribute %s: not a value", name))
			return nullObject
		}
		av, err := t.ValueFromTerraform(ctx, tv)
		if err != nil {
			diags.AddError("listing", fmt.Sprintf("attribute %s: %s", name, err))
			return nullObject
		}
		values[name] = av
	}
	obj, d := types.ObjectValue(itemTypes, values)
	diags.Append(d...)
	return obj
}

// nullUntyped sets each field of the model struct v that holds a zero
// object, list, set or map value (which has no element or attribute
// types, so that the state refuses it) to the typed null of its
// attribute in rs.
func nullUntyped(ctx context.Context, rs rschema.Schema, v reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if v.Type().Field(i).Anonymous && f.Kind() == reflect.Struct {
			// An embedded model part (zentags.Shared): its attributes are
			// the model's own.
			nullUntyped(ctx, rs, f)
			continue
		}
		name := v.Type().Field(i).Tag.Get("tfsdk")
		a, ok := rs.Attributes[name]
		if !ok || !f.CanSet() || !f.IsZero() {
			continue
		}
		if _, ok := f.Interface().(attr.Value); !ok {
			continue
		}
		null, err := a.GetType().ValueFromTerraform(ctx, tftypes.NewValue(a.GetType().TerraformType(ctx), nil))
		if err != nil {
			continue
		}
		if nv := reflect.ValueOf(null); nv.Type().AssignableTo(f.Type()) {
			f.Set(nv)
		}
	}
}

// ComputedAttributes are the resource attributes as computed data source
// attributes. A description keeps what the attribute is (its first
// clause: up to the first full stop, colon or semicolon), not how the
// argument is set or changed; describe overrides it by name.
func ComputedAttributes(attrs map[string]rschema.Attribute, describe map[string]string) map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(attrs))
	for name, a := range attrs {
		desc, ok := describe[name]
		if !ok {
			desc = firstClause(a.GetMarkdownDescription())
		}
		out[name] = computed(a, desc, describe)
	}
	return out
}

// firstClause is the text up to the first full stop (followed by a space
// or the end), colon or semicolon outside backquotes, with a full stop.
func firstClause(s string) string {
	quoted := false
	for i, r := range s {
		switch {
		case r == '`':
			quoted = !quoted
		case quoted:
		case r == ':' || r == ';' || (r == '.' && (i+1 == len(s) || s[i+1] == ' ')):
			return strings.TrimSpace(s[:i]) + "."
		}
	}
	if s = strings.TrimSpace(s); s != "" && !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func computed(a rschema.Attribute, desc string, describe map[string]string) dschema.Attribute {
	sensitive := a.IsSensitive()
	switch a := a.(type) {
	case rschema.StringAttribute:
		return dschema.StringAttribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc, CustomType: a.CustomType}
	case rschema.Int64Attribute:
		return dschema.Int64Attribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc, CustomType: a.CustomType}
	case rschema.Float64Attribute:
		return dschema.Float64Attribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc, CustomType: a.CustomType}
	case rschema.BoolAttribute:
		return dschema.BoolAttribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc, CustomType: a.CustomType}
	case rschema.ListAttribute:
		return dschema.ListAttribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc, ElementType: a.ElementType, CustomType: a.CustomType}
	case rschema.SetAttribute:
		return dschema.SetAttribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc, ElementType: a.ElementType, CustomType: a.CustomType}
	case rschema.MapAttribute:
		return dschema.MapAttribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc, ElementType: a.ElementType, CustomType: a.CustomType}
	case rschema.SingleNestedAttribute:
		return dschema.SingleNestedAttribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc, Attributes: ComputedAttributes(a.Attributes, describe)}
	case rschema.ListNestedAttribute:
		return dschema.ListNestedAttribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc,
			NestedObject: dschema.NestedAttributeObject{Attributes: ComputedAttributes(a.NestedObject.Attributes, describe)}}
	case rschema.SetNestedAttribute:
		return dschema.SetNestedAttribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc,
			NestedObject: dschema.NestedAttributeObject{Attributes: ComputedAttributes(a.NestedObject.Attributes, describe)}}
	case rschema.MapNestedAttribute:
		return dschema.MapNestedAttribute{Computed: true, Sensitive: sensitive, MarkdownDescription: desc,
			NestedObject: dschema.NestedAttributeObject{Attributes: ComputedAttributes(a.NestedObject.Attributes, describe)}}
	}
	panic(fmt.Sprintf("framework.ComputedAttributes: no data source attribute for %T", a))
}
