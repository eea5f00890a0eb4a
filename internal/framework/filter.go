package framework

import (
	"context"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A Filter is an argument of a listing data source (Listing, Lookup) or
// of a list block (ListResource) that narrows what is listed. It is
// written once, as a kind of value, a description and validators, and
// made into the attribute of either schema, so that the data source and
// the list resource of a resource type take the filters they share from
// one table (Filters).
type Filter struct {
	kind        filterKind
	required    bool
	description string
	str         []validator.String
	list        []validator.List
	mapv        []validator.Map
}

type filterKind int

const (
	stringFilter filterKind = iota
	int64Filter
	boolFilter
	stringsFilter
	int64sFilter
	stringMapFilter
)

// StringFilter is an optional string filter.
func StringFilter(desc string, validators ...validator.String) Filter {
	return Filter{kind: stringFilter, description: desc, str: validators}
}

// RequiredFilter is a string argument the API requires.
func RequiredFilter(desc string) Filter {
	return Filter{kind: stringFilter, required: true, description: desc}
}

// OneOfFilter is an optional string filter that takes one of values, which
// its description lists.
func OneOfFilter(desc string, values ...string) Filter {
	return StringFilter(desc+": one of "+CodeList(values)+".", stringvalidator.OneOf(values...))
}

// Note is f with text after its description.
func (f Filter) Note(text string) Filter {
	f.description += " " + text
	return f
}

// CodeList is values as a description writes them: `a`, `b`, `c`.
func CodeList(values []string) string {
	return "`" + strings.Join(values, "`, `") + "`"
}

// Int64Filter is an optional number filter.
func Int64Filter(desc string) Filter { return Filter{kind: int64Filter, description: desc} }

// BoolFilter is an optional boolean filter.
func BoolFilter(desc string) Filter { return Filter{kind: boolFilter, description: desc} }

// StringsFilter is an optional list of strings filter.
func StringsFilter(desc string, validators ...validator.List) Filter {
	return Filter{kind: stringsFilter, description: desc, list: validators}
}

// Int64sFilter is an optional list of numbers filter.
func Int64sFilter(desc string) Filter { return Filter{kind: int64sFilter, description: desc} }

// StringMapFilter is an optional map of strings filter.
func StringMapFilter(desc string, validators ...validator.Map) Filter {
	return Filter{kind: stringMapFilter, description: desc, mapv: validators}
}

// IDsFilter is the ids filter of a lookup of what ("Image"), at most max
// ids a call (0: no limit).
func IDsFilter(what string, maxIDs int) Filter {
	if maxIDs == 0 {
		return StringsFilter(what+" ids to look up.", listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)))
	}
	return StringsFilter(what+" ids to look up (at most "+strconv.Itoa(maxIDs)+").",
		listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)), listvalidator.SizeAtMost(maxIDs))
}

// TagFilters are the tags and tag_keys filters of a list block of what
// ("disks"): objects that carry each tag (key and value) and a tag with
// each key, at most maxTags of each, keys of 1 to maxKey characters.
// TagFilterValues reads them.
func TagFilters(what string, maxTags, maxKey int) Filters {
	at := strconv.Itoa(maxTags)
	keys := stringvalidator.LengthBetween(1, maxKey)
	return Filters{
		"tags": StringMapFilter("Only "+what+" carrying each of these tags (key and value; at most "+at+").",
			mapvalidator.SizeAtMost(maxTags), mapvalidator.KeysAre(keys)),
		"tag_keys": StringsFilter("Only "+what+" carrying a tag with each of these keys, whatever its value (at most "+at+").",
			listvalidator.SizeAtMost(maxTags), listvalidator.UniqueValues(), listvalidator.ValueStringsAre(keys)),
	}
}

// TagFilterValues are the values of the TagFilters, or the error of one
// that cannot be read.
func TagFilterValues(ctx context.Context, tags types.Map, keys types.List) (map[string]string, []string, error) {
	var diags diag.Diagnostics
	m, k := KnownStringMap(ctx, tags, &diags), Strings(ctx, keys, &diags)
	return m, k, DiagsError(diags)
}

// Filters are the filter arguments of a data source or a list block, by
// name.
type Filters map[string]Filter

// With is fs and more (more's where both name a filter).
func (fs Filters) With(more Filters) Filters {
	out := make(Filters, len(fs)+len(more))
	for _, m := range []Filters{fs, more} {
		for name, f := range m {
			out[name] = f
		}
	}
	return out
}

// DataSource are the filters as data source attributes.
func (fs Filters) DataSource() map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(fs))
	for name, f := range fs {
		out[name] = f.dataSource()
	}
	return out
}

// List are the filters as list block attributes.
func (fs Filters) List() map[string]listschema.Attribute {
	out := make(map[string]listschema.Attribute, len(fs))
	for name, f := range fs {
		out[name] = f.listBlock()
	}
	return out
}

func (f Filter) dataSource() dschema.Attribute {
	opt, desc := !f.required, f.description
	switch f.kind {
	case int64Filter:
		return dschema.Int64Attribute{Optional: opt, MarkdownDescription: desc}
	case boolFilter:
		return dschema.BoolAttribute{Optional: opt, MarkdownDescription: desc}
	case stringsFilter, int64sFilter:
		return dschema.ListAttribute{ElementType: f.elementType(), Optional: opt, MarkdownDescription: desc, Validators: f.list}
	case stringMapFilter:
		return dschema.MapAttribute{ElementType: types.StringType, Optional: opt, MarkdownDescription: desc, Validators: f.mapv}
	}
	return dschema.StringAttribute{Required: f.required, Optional: opt, MarkdownDescription: desc, Validators: f.str}
}

// listBlock is f as a list block attribute. A list block takes the
// filters the list resources' API calls take (ListResource: all
// optional): strings, lists of strings and maps of strings.
func (f Filter) listBlock() listschema.Attribute {
	switch {
	case f.required || f.kind == int64Filter || f.kind == boolFilter || f.kind == int64sFilter:
		panic("framework.Filters: a list block takes optional strings, lists of strings and maps of strings: " + f.description)
	case f.kind == stringsFilter:
		return listschema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: f.description, Validators: f.list}
	case f.kind == stringMapFilter:
		return listschema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: f.description, Validators: f.mapv}
	}
	return listschema.StringAttribute{Optional: true, MarkdownDescription: f.description, Validators: f.str}
}

func (f Filter) elementType() attr.Type {
	if f.kind == int64sFilter {
		return types.Int64Type
	}
	return types.StringType
}
