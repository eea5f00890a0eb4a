package zec

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// NewInstanceListResource is the constructor of the list resource
// cloudcompute_zenlayer_zec_instance (terraform query): every instance of
// the account matching its filters, as cloudcompute_zenlayer_zec_instance
// would import it.
func NewInstanceListResource() list.ListResource {
	return framework.NewListResource(framework.ListResource[instanceListModel, zenlayer.Client, zenlayer.Instance, instanceResourceModel]{
		Resource: NewInstanceResource,
		Description: "Lists the Zenlayer ZEC instances of the account (`DescribeInstances`, every page), filtered by zone, name, " +
			"status, image, resource group and tags; all filters are combined. Instances on their way out (`RELEASING`, `RECYCLING`, " +
			"`RECYCLE`) are left out, as the resource would drop them. Results are sorted by id; each is the instance's identity and, " +
			"with `include_resource = true`, the `cloudcompute_zenlayer_zec_instance` an import of it would hold (the write-only " +
			"`password` is never known: the generated configuration sets it to null, which an existing instance does not need).",
		What: "listing ZEC instances",
		Filters: map[string]schema.Attribute{
			"zone_id":           schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this zone."},
			"name":              schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances whose name contains this text (the API's fuzzy match)."},
			"image_id":          schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances installed from this image."},
			"resource_group_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this resource group."},
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances in this status: one of `" + strings.Join(instanceListStatuses, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(instanceListStatuses...)},
			},
			"tags":     tagsFilter("instances"),
			"tag_keys": tagKeysFilter("instances"),
		},
		Client: (*conns.Client).ZenlayerClient,
		List: func(ctx context.Context, conn *zenlayer.Client, f *instanceListModel) ([]zenlayer.Instance, error) {
			var diags diag.Diagnostics
			in := zenlayer.DescribeInstancesRequest{
				ZoneID: f.ZoneID.ValueString(), Name: f.Name.ValueString(), ImageID: f.ImageID.ValueString(),
				ResourceGroupID: f.ResourceGroupID.ValueString(), Status: f.Status.ValueString(),
				Tags: zenlayer.TagFilter(framework.KnownStringMap(ctx, f.Tags, &diags)), TagKeys: framework.Strings(ctx, f.TagKeys, &diags),
			}
			if err := framework.DiagsError(diags); err != nil {
				return nil, err
			}
			return conn.DescribeInstances(ctx, in)
		},
		Finder:      instanceFinder,
		ID:          func(i *zenlayer.Instance) string { return i.InstanceID },
		SortByID:    true,
		DisplayName: func(i *zenlayer.Instance) string { return i.InstanceName },
		Model:       (*instanceResourceModel).listed,
	})
}

// instanceListStatuses are the statuses a listed instance can be in.
var instanceListStatuses = slices.DeleteFunc(slices.Clone(instanceStatuses), instanceReleased)

type instanceListModel struct {
	ZoneID          types.String `tfsdk:"zone_id"`
	Name            types.String `tfsdk:"name"`
	ImageID         types.String `tfsdk:"image_id"`
	ResourceGroupID types.String `tfsdk:"resource_group_id"`
	Status          types.String `tfsdk:"status"`
	Tags            types.Map    `tfsdk:"tags"`
	TagKeys         types.List   `tfsdk:"tag_keys"`
}
