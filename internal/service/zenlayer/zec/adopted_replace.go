package zec

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
)

// replaceUnlessAdoptedString and replaceUnlessAdoptedObject replace the
// object when an argument the API never reports changes (user_data,
// public_network, snapshot_id), but not on an imported one
// (framework.AdoptImported): the configured value is adopted then.
func replaceUnlessAdoptedString(description string) planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !framework.Imported(ctx, req.Private)
	}, description, description)
}

func replaceUnlessAdoptedObject(description string) planmodifier.Object {
	return objectplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.ObjectRequest, resp *objectplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !framework.Imported(ctx, req.Private)
	}, description, description)
}
