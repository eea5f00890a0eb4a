package bmc

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
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
// cloudcompute_zenlayer_bmc_instance (terraform query): every machine of
// the account matching its filters, as cloudcompute_zenlayer_bmc_instance
// would import it.
func NewInstanceListResource() list.ListResource {
	return framework.NewListResource(framework.ListResource[instanceListModel, zenlayer.Client, zenlayer.BMCInstance, instanceResourceModel]{
		Resource: NewInstanceResource,
		Description: "Lists the Zenlayer Bare Metal Cloud (BMC) instances of the account (`DescribeInstances`, every page), filtered " +
			"by zone, name, status, instance type, image, resource group and tags; all filters are combined. Machines being released " +
			"(`RELEASING`) are left out, as the resource would drop them. Results are sorted by id; each is the machine's identity and, " +
			"with `include_resource = true`, the `cloudcompute_zenlayer_bmc_instance` an import of it would hold (the write-only " +
			"`password` and the `ssh_keys` are never reported by the API: the generated configuration sets them to null).",
		What: "listing BMC instances",
		Filters: map[string]schema.Attribute{
			"zone_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this zone."},
			"name": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances with this name; a trailing `*` matches names that start with the text before it.",
			},
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances in this status: one of `" + strings.Join(instanceListStatuses, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(instanceListStatuses...)},
			},
			"instance_type_id":  schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances of this instance type."},
			"image_id":          schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances installed from this image."},
			"resource_group_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this resource group."},
			"tags": schema.MapAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Only instances carrying each of these tags (key and value; at most 20).",
				Validators:          []validator.Map{mapvalidator.SizeAtMost(20), mapvalidator.KeysAre(stringvalidator.LengthBetween(1, 64))},
			},
			"tag_keys": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Only instances carrying a tag with each of these keys, whatever its value (at most 20).",
				Validators: []validator.List{listvalidator.SizeAtMost(20), listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, 64))},
			},
		},
		Client: (*conns.Client).ZenlayerClient,
		List: func(ctx context.Context, conn *zenlayer.Client, f *instanceListModel) ([]zenlayer.BMCInstance, error) {
			var diags diag.Diagnostics
			in := zenlayer.DescribeBMCInstancesRequest{
				ZoneID: f.ZoneID.ValueString(), InstanceName: f.Name.ValueString(), InstanceStatus: f.Status.ValueString(),
				InstanceTypeID: f.InstanceTypeID.ValueString(), ImageID: f.ImageID.ValueString(), ResourceGroupID: f.ResourceGroupID.ValueString(),
				Tags: zenlayer.TagFilter(framework.KnownStringMap(ctx, f.Tags, &diags)), TagKeys: framework.Strings(ctx, f.TagKeys, &diags),
			}
			if err := framework.DiagsError(diags); err != nil {
				return nil, err
			}
			return conn.DescribeBMCInstances(ctx, in)
		},
		Finder:      instanceFinder,
		ID:          func(i *zenlayer.BMCInstance) string { return i.InstanceID },
		SortByID:    true,
		DisplayName: func(i *zenlayer.BMCInstance) string { return i.InstanceName },
		Model:       (*instanceResourceModel).listed,
	})
}

// instanceListStatuses are the statuses a listed instance can be in.
var instanceListStatuses = slices.DeleteFunc(slices.Clone(zenlayer.BMCStatuses), instanceReleasing)

type instanceListModel struct {
	ZoneID          types.String `tfsdk:"zone_id"`
	Name            types.String `tfsdk:"name"`
	Status          types.String `tfsdk:"status"`
	InstanceTypeID  types.String `tfsdk:"instance_type_id"`
	ImageID         types.String `tfsdk:"image_id"`
	ResourceGroupID types.String `tfsdk:"resource_group_id"`
	Tags            types.Map    `tfsdk:"tags"`
	TagKeys         types.List   `tfsdk:"tag_keys"`
}
