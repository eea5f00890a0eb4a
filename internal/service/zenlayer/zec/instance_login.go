package zec

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// An instance is created with exactly one of password and key_id. The
// schema says only "not both" (ConfigValidators), so that the
// configuration terraform query writes for an existing instance made with
// a password (which it cannot know: a write-only attribute, written null)
// is valid and plans no change. requireLogin, called from ModifyPlan, asks
// for one of them where it is used: to create an instance, or the one that
// replaces it.
func requireLogin(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || (!req.State.Raw.IsNull() && len(resp.RequiresReplace) == 0) {
		return
	}
	var password, keyID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password"), &password)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("key_id"), &keyID)...)
	if resp.Diagnostics.HasError() || !password.IsNull() || !keyID.IsNull() {
		return
	}
	what := "create the instance"
	if !req.State.Raw.IsNull() {
		what = "create the instance that replaces this one"
	}
	resp.Diagnostics.AddAttributeError(path.Root("password"), "Missing password or key_id",
		"One of password (write-only) and key_id is needed to "+what+": the instance's login is set when it is created.")
}
