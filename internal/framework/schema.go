package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The attributes that the resources' schemas repeat most, each written
// once and given its description. A Reported attribute is what the API
// reports, which may change at any refresh (a status); a Kept one does not
// change once known (an id, a creation time), so the plan keeps the
// state's value instead of showing it as known after apply.

// ReportedString is a computed string attribute.
func ReportedString(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: description}
}

// KeptString is a computed string attribute that the plan keeps.
func KeptString(description string) schema.StringAttribute {
	a := ReportedString(description)
	a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	return a
}

// KeptStrings is a computed list of strings that the plan keeps.
func KeptStrings(description string) schema.ListAttribute {
	return schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: description,
		PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()}}
}

// ReplacedString is a required, non-empty string argument whose change
// creates a new object.
func ReplacedString(description string) schema.StringAttribute {
	return schema.StringAttribute{Required: true, MarkdownDescription: description,
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		Validators:    []validator.String{stringvalidator.LengthAtLeast(1)}}
}

// DefaultBool is an optional bool argument that is value when unset.
func DefaultBool(value bool, description string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(value), MarkdownDescription: description}
}

// TimeoutsAttribute is the timeouts of a resource's create, update and
// delete (the defaults are ResourceBase's).
func TimeoutsAttribute(ctx context.Context) schema.Attribute {
	return timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true})
}
