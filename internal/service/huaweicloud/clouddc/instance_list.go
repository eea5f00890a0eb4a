package clouddc

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// NewInstanceListResource is the constructor of the list resource
// cloudcompute_huaweicloud_clouddc_instance (terraform query): every
// instance of the provider's project matching its filters, as
// cloudcompute_huaweicloud_clouddc_instance would import it.
func NewInstanceListResource() list.ListResource {
	return framework.NewListResource(framework.ListResource[instanceListModel, huaweicloud.Client, huaweicloud.Instance, instanceResourceModel]{
		Resource: NewInstanceResource,
		Description: "Lists the Huawei Cloud CloudDC instances of the provider's project (`ListInstances`, every page), filtered by " +
			"state and by the physical servers they are installed on. The API filters by nothing else (no name, zone or tags). " +
			"Deleted instances (`shutting-down`, `terminated`) are left out, as the resource would drop them. Results come oldest " +
			"first, as the API lists them; each is the instance's identity (id, project and region) and, with " +
			"`include_resource = true`, the `cloudcompute_huaweicloud_clouddc_instance` an import of it would hold (the write-only " +
			"`password_wo` is never known: the generated configuration sets it to null, which an existing instance does not need).",
		What: "listing CloudDC instances",
		Filters: map[string]schema.Attribute{
			"state": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances in this state: one of `" + strings.Join(instanceListStates, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(instanceListStates...)},
			},
			"server_ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Only instances on these physical servers.",
				Validators:          []validator.List{listvalidator.ValueStringsAre(uuidValidator())},
			},
		},
		Client: (*conns.Client).HuaweiCloudClient,
		List: func(ctx context.Context, conn *huaweicloud.Client, f *instanceListModel) ([]huaweicloud.Instance, error) {
			var diags diag.Diagnostics
			in := huaweicloud.ListInstancesRequest{State: f.State.ValueString(), ServerIDs: framework.Strings(ctx, f.ServerIDs, &diags)}
			if err := framework.DiagsError(diags); err != nil {
				return nil, err
			}
			if !f.ServerIDs.IsNull() && len(in.ServerIDs) == 0 {
				return nil, nil // set but empty: nothing matches
			}
			return conn.ListInstances(ctx, in)
		},
		Finder:      instanceFinder,
		ID:          func(i *huaweicloud.Instance) string { return i.ID },
		DisplayName: func(i *huaweicloud.Instance) string { return i.Name },
		Model:       (*instanceResourceModel).refresh,
	})
}

// instanceListStates are the states a listed instance can be in.
var instanceListStates = slices.DeleteFunc(slices.Clone(huaweicloud.InstanceStates), instanceGone)

type instanceListModel struct {
	State     types.String `tfsdk:"state"`
	ServerIDs types.List   `tfsdk:"server_ids"`
}
