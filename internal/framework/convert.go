package framework

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Conversions between the API clients' Go values and the framework's,
// written once for every resource and data source.

// OptionalString maps an API's empty string to null, for optional attributes.
func OptionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// KnownString is the value of a known string, else "".
func KnownString(v types.String) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	return v.ValueString()
}

// StringList is a list of strings; nil becomes an empty list.
func StringList(ctx context.Context, values []string, diags *diag.Diagnostics) types.List {
	if values == nil {
		values = []string{}
	}
	l, d := types.ListValueFrom(ctx, types.StringType, values)
	diags.Append(d...)
	return l
}

// Strings are the elements of a known list or set of strings (nil if null or unknown).
func Strings(ctx context.Context, v interface {
	IsNull() bool
	IsUnknown() bool
	ElementsAs(context.Context, any, bool) diag.Diagnostics
}, diags *diag.Diagnostics) []string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(v.ElementsAs(ctx, &out, false)...)
	return out
}

// SortedBy converts items and sorts the result by key, the order every
// listing data source documents.
func SortedBy[T, M any](items []T, key func(*T) string, convert func(*T) M) []M {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ka, kb := key(&items[a]), key(&items[b])
		switch {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	out := make([]M, 0, len(items))
	for _, i := range idx {
		out = append(out, convert(&items[i]))
	}
	return out
}
