package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A Column is an attribute of a lookup's items (Lookup): its name, its
// computed schema attribute and its value for an API object, written
// once, so that an item's schema and its value cannot drift apart.
type Column[T any] struct {
	name      string
	attribute dschema.Attribute
	value     func(*T) attr.Value
}

// integer is what a number column reads from the API's objects.
type integer interface{ ~int | ~int64 }

// StringColumn is a string attribute: get(obj).
func StringColumn[T any](name, desc string, get func(*T) string) Column[T] {
	a := dschema.StringAttribute{Computed: true, MarkdownDescription: desc}
	return Column[T]{name, a, func(obj *T) attr.Value { return types.StringValue(get(obj)) }}
}

// Int64Column is a number attribute: get(obj).
func Int64Column[T any, N integer](name, desc string, get func(*T) N) Column[T] {
	a := dschema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	return Column[T]{name, a, func(obj *T) attr.Value { return types.Int64Value(int64(get(obj))) }}
}

// BoolColumn is a boolean attribute: get(obj).
func BoolColumn[T any](name, desc string, get func(*T) bool) Column[T] {
	a := dschema.BoolAttribute{Computed: true, MarkdownDescription: desc}
	return Column[T]{name, a, func(obj *T) attr.Value { return types.BoolValue(get(obj)) }}
}

// StringsColumn is a list of strings attribute: get(obj), an empty list if
// it has none.
func StringsColumn[T any](name, desc string, get func(*T) []string) Column[T] {
	a := dschema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: desc}
	return Column[T]{name, a, func(obj *T) attr.Value {
		return listOf(types.StringType, get(obj), func(s string) attr.Value { return types.StringValue(s) })
	}}
}

// Int64sColumn is a list of numbers attribute: get(obj), an empty list if
// it has none.
func Int64sColumn[T any, N integer](name, desc string, get func(*T) []N) Column[T] {
	a := dschema.ListAttribute{ElementType: types.Int64Type, Computed: true, MarkdownDescription: desc}
	return Column[T]{name, a, func(obj *T) attr.Value {
		return listOf(types.Int64Type, get(obj), func(n N) attr.Value { return types.Int64Value(int64(n)) })
	}}
}

// StringMapColumn is a map of strings attribute: get(obj), an empty map if
// it has none.
func StringMapColumn[T any](name, desc string, get func(*T) map[string]string) Column[T] {
	a := dschema.MapAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: desc}
	return Column[T]{name, a, func(obj *T) attr.Value {
		elems := map[string]attr.Value{}
		for k, v := range get(obj) {
			elems[k] = types.StringValue(v)
		}
		return types.MapValueMust(types.StringType, elems)
	}}
}

func listOf[E any](t attr.Type, in []E, value func(E) attr.Value) attr.Value {
	elems := make([]attr.Value, 0, len(in))
	for _, e := range in {
		elems = append(elems, value(e))
	}
	return types.ListValueMust(t, elems)
}

// columnAttributes are the item attributes of columns.
func columnAttributes[T any](columns []Column[T]) map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(columns))
	for _, c := range columns {
		out[c.name] = c.attribute
	}
	return out
}

// columnValues are the item attributes' values for obj.
func columnValues[T any](columns []Column[T], obj *T) map[string]attr.Value {
	out := make(map[string]attr.Value, len(columns))
	for _, c := range columns {
		out[c.name] = c.value(obj)
	}
	return out
}
