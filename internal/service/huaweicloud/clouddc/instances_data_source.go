package clouddc

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// NewInstancesDataSource is the constructor of cloudcompute_huaweicloud_clouddc_instances:
// its items are cloudcompute_huaweicloud_clouddc_instance's attributes.
func NewInstancesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Listing[instancesDataSourceModel, huaweicloud.Client, huaweicloud.Instance, instanceResourceModel]{
		TypeSuffix: "huaweicloud_clouddc_instances",
		Description: "Lists Huawei Cloud CloudDC instances (ListInstances), filtered by instance ids or physical server ids (not " +
			"both), and by state. A deleted instance stays listed as `terminated` for a while; filter by `state` to leave it out.",
		What: "listing CloudDC instances",
		Filters: map[string]schema.Attribute{
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Instance ids to look up. Cannot be combined with `server_ids`.",
				Validators: []validator.List{
					listvalidator.ValueStringsAre(uuidValidator()),
					listvalidator.ConflictsWith(path.MatchRoot("server_ids")),
				},
			},
			"server_ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Only instances on these physical servers.",
				Validators:          []validator.List{listvalidator.ValueStringsAre(uuidValidator())},
			},
			"state": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances in this state: one of `" + strings.Join(huaweicloud.InstanceStates, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(huaweicloud.InstanceStates...)},
			},
		},
		Items:            "instances",
		ItemsDescription: "The matching instances, oldest first.",
		Resource:         framework.SchemaOf(NewInstanceResource),
		Leave:            []string{"password_wo", "password_wo_version", "timeouts"},
		Describe: map[string]string{
			"image_id":     "Id of the private image (IMS) installed.",
			"server_id":    "Physical server the instance is installed on.",
			"ipv4_address": "IPv4 address of the interface.",
			"metadata":     "Metadata pairs (null if none).",
		},
		Client: (*conns.Client).HuaweiCloudClient,
		// The one id filter: instance ids or server ids, which conflict.
		// Either, set but empty, matches nothing.
		IDs: func(f *instancesDataSourceModel) types.List {
			if !f.IDs.IsNull() {
				return f.IDs
			}
			return f.ServerIDs
		},
		List: func(ctx context.Context, conn *huaweicloud.Client, f *instancesDataSourceModel, ids []string) ([]huaweicloud.Instance, error) {
			in := huaweicloud.ListInstancesRequest{State: f.State.ValueString()}
			if !f.IDs.IsNull() {
				in.IDs = ids
			} else {
				in.ServerIDs = ids
			}
			return conn.ListInstances(ctx, in)
		},
		// Not by id: the schema documents the API's order, oldest first.
		// Every key is the same, so the stable sort keeps that order.
		Key:   func(*huaweicloud.Instance) string { return "" },
		Model: (*instanceResourceModel).refresh,
	})
}

type instancesDataSourceModel struct {
	IDs       types.List   `tfsdk:"ids"`
	ServerIDs types.List   `tfsdk:"server_ids"`
	State     types.String `tfsdk:"state"`
	Instances types.List   `tfsdk:"instances"`
}
