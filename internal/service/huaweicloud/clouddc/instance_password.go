package clouddc

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// password_wo is optional in the schema, so that the configuration
// terraform query writes for an existing instance (which cannot know a
// write-only password: it writes null) is valid and plans no change. It is
// needed where the API takes it: to create an instance (or replace one), to
// reinstall its OS (an image_id change) and to change its password (a
// password_wo_version change). requirePassword, called from ModifyPlan,
// says so at plan time.
func requirePassword(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var password types.String
	if resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &password)...); resp.Diagnostics.HasError() || !password.IsNull() {
		return
	}
	why := ""
	if req.State.Raw.IsNull() || len(resp.RequiresReplace) > 0 {
		why = "to create the instance"
	} else {
		var plan, state, config instanceResourceModel
		resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
		switch {
		case resp.Diagnostics.HasError():
			return
		case replacing(plan, state, config):
			why = "to create the instance that replaces this one"
		case !plan.ImageID.IsUnknown() && !plan.ImageID.Equal(state.ImageID):
			why = "to reinstall the OS (image_id changes)"
		case !plan.PasswordWOVersion.IsUnknown() && !plan.PasswordWOVersion.Equal(state.PasswordWOVersion):
			why = "to change the password (password_wo_version changes)"
		}
	}
	if why != "" {
		resp.Diagnostics.AddAttributeError(path.Root("password_wo"), "Missing password_wo",
			"password_wo, the administrator password, is needed "+why+". It is write-only: set it in the configuration "+
				"(for example from an ephemeral variable); it is never stored.")
	}
}
