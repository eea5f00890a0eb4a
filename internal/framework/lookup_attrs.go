package framework

import (
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The attributes every lookup data source (Lookup) writes the same way:
// computed item attributes, an ids filter and a filter of a few values.

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

// IDsFilter is the ids filter of a lookup of what ("Image"), at most max
// ids a call (0: no limit).
func IDsFilter(what string, maxIDs int) dschema.ListAttribute {
	desc := what + " ids to look up."
	validators := []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))}
	if maxIDs > 0 {
		desc = what + " ids to look up (at most " + strconv.Itoa(maxIDs) + ")."
		validators = append(validators, listvalidator.SizeAtMost(maxIDs))
	}
	return dschema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: desc, Validators: validators}
}

// OneOfFilter is an optional string filter that takes one of values, which
// its description lists.
func OneOfFilter(desc string, values ...string) dschema.StringAttribute {
	return dschema.StringAttribute{
		Optional: true, MarkdownDescription: desc + ": one of " + CodeList(values) + ".",
		Validators: []validator.String{stringvalidator.OneOf(values...)},
	}
}

// CodeList is values as a description writes them: `a`, `b`, `c`.
func CodeList(values []string) string {
	return "`" + strings.Join(values, "`, `") + "`"
}
