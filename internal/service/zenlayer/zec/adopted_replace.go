package zec

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
)

// adoptedString and replaceUnlessAdoptedObject are for the arguments the API
// never reports (user_data, snapshot_id; public_network): a change replaces
// the object, but not on an imported one (framework.AdoptImported), which
// adopts the configured value instead.

// adoptedString is such an argument as an optional, non-empty string;
// replaced is the plan's reason for a replacement.
func adoptedString(description, replaced string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: description,
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
			func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
				resp.RequiresReplace = !framework.Imported(ctx, req.Private)
			}, replaced, replaced)},
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

func replaceUnlessAdoptedObject(description string) planmodifier.Object {
	return objectplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.ObjectRequest, resp *objectplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !framework.Imported(ctx, req.Private)
	}, description, description)
}
