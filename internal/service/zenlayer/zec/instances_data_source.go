package zec

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// NewInstancesDataSource is the constructor of cloudcompute_zenlayer_zec_instances:
// its items are cloudcompute_zenlayer_zec_instance's attributes.
func NewInstancesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Listing[instancesDataSourceModel, zenlayer.Client, zenlayer.Instance, instanceResourceModel]{
		TypeSuffix:  "zenlayer_zec_instances",
		Description: "Lists Zenlayer ZEC instances, filtered by ids, zone, name, status, image, resource group or tags. All filters are combined.",
		What:        "listing ZEC instances",
		Filters: map[string]schema.Attribute{
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Instance ids to look up (at most 100). Unknown ids are left out of the result.",
				Validators:          []validator.List{listvalidator.SizeAtMost(zenlayer.MaxIDsPerCall), listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"zone_id":           schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this zone."},
			"name":              schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances whose name contains this text (the API's fuzzy match)."},
			"image_id":          schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances installed from this image."},
			"resource_group_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this resource group."},
			"tags":              zentags.Filter("instances"),
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances in this status: one of `" + strings.Join(instanceStatuses, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(instanceStatuses...)},
			},
		},
		Items:            "instances",
		ItemsDescription: "The matching instances, sorted by id.",
		Resource:         framework.SchemaOf(NewInstanceResource),
		Leave: []string{"password_wo", "password_wo_version", "user_data", "public_network", "power_state", "force_shutdown",
			"release_on_destroy", "timeouts"},
		Describe: map[string]string{"key_id": "SSH key pair id, if the instance has one."},
		Client:   (*conns.Client).ZenlayerClient,
		IDs:      func(f *instancesDataSourceModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *instancesDataSourceModel, ids []string) ([]zenlayer.Instance, error) {
			return conn.DescribeInstances(ctx, zenlayer.DescribeInstancesRequest{
				InstanceIDs:     ids,
				ZoneID:          f.ZoneID.ValueString(),
				Name:            f.Name.ValueString(),
				ImageID:         f.ImageID.ValueString(),
				ResourceGroupID: f.ResourceGroupID.ValueString(),
				Status:          f.Status.ValueString(),
				Tags:            zentags.FilterTags(ctx, f.Tags),
			})
		},
		Key:   func(x *zenlayer.Instance) string { return x.InstanceID },
		Model: (*instanceResourceModel).listed,
	})
}

// instanceStatuses are the statuses the DescribeInstances filter takes (its
// enum), with the starting state both spellings of the documents use.
var instanceStatuses = []string{
	zenlayer.InstanceStatusDeploying, zenlayer.InstanceStatusRebuilding, zenlayer.InstanceStatusReboot,
	zenlayer.InstanceStatusRunning, zenlayer.InstanceStatusStopped, zenlayer.InstanceStatusBooting, zenlayer.InstanceStatusStarting,
	zenlayer.InstanceStatusReleasing, zenlayer.InstanceStatusStopping, zenlayer.InstanceStatusRecycle, zenlayer.InstanceStatusRecycling,
	zenlayer.InstanceStatusCreateFailed, zenlayer.InstanceStatusImaging, zenlayer.InstanceStatusResizing,
}

type instancesDataSourceModel struct {
	IDs             types.List   `tfsdk:"ids"`
	ZoneID          types.String `tfsdk:"zone_id"`
	Name            types.String `tfsdk:"name"`
	ImageID         types.String `tfsdk:"image_id"`
	ResourceGroupID types.String `tfsdk:"resource_group_id"`
	Status          types.String `tfsdk:"status"`
	Tags            types.Map    `tfsdk:"tags"`
	Instances       types.List   `tfsdk:"instances"`
}
