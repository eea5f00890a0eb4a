package framework

import (
	"strings"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The attributes every lookup data source (Lookup) writes the same way:
// computed item attributes (its filters are Filters).

// ComputedString is a computed string item attribute.
func ComputedString(desc string) dschema.StringAttribute {
	return dschema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

// ComputedInt64 is a computed number item attribute.
func ComputedInt64(desc string) dschema.Int64Attribute {
	return dschema.Int64Attribute{Computed: true, MarkdownDescription: desc}
}

// ComputedBool is a computed boolean item attribute.
func ComputedBool(desc string) dschema.BoolAttribute {
	return dschema.BoolAttribute{Computed: true, MarkdownDescription: desc}
}

// ComputedStrings is a computed list of strings item attribute.
func ComputedStrings(desc string) dschema.ListAttribute {
	return dschema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: desc}
}

// CodeList is values as a description writes them: `a`, `b`, `c`.
func CodeList(values []string) string {
	return "`" + strings.Join(values, "`, `") + "`"
}
