package bmc

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The listings of BMC instances: the data source
// cloudcompute_zenlayer_bmc_instances and the list resource
// cloudcompute_zenlayer_bmc_instance, with the filters they share
// (instanceFilters).

// instances is what both listings take from the resource.
var instances = framework.Listable[zenlayer.Client, zenlayer.BMCInstance, instanceResourceModel]{
	Resource: NewInstanceResource,
	Client:   (*conns.Client).ZenlayerClient,
	Finder:   instanceFinder,
	Model:    (*instanceResourceModel).listed,
}

// NewInstancesDataSource is the constructor of cloudcompute_zenlayer_bmc_instances:
// its items are cloudcompute_zenlayer_bmc_instance's attributes.
func NewInstancesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Listing[instancesDataSourceModel, zenlayer.Client, zenlayer.BMCInstance, instanceResourceModel]{
		TypeSuffix: "zenlayer_bmc_instances",
		Description: "Lists Zenlayer Bare Metal Cloud (BMC) instances, filtered by ids, zone, name, status, instance type or tags. " +
			"All filters are combined.",
		Filters: instanceFilterSpecs.With(framework.Filters{
			"ids": framework.StringsFilter("Instance ids to look up (asked for 100 at a time). Unknown ids are left out of the result.",
				listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))),
			"status": framework.OneOfFilter("Only instances in this status", zenlayer.BMCStatuses...),
			"tags":   zentags.Filter("instances"),
		}),
		Items:            "instances",
		ItemsDescription: "The matching instances, sorted by id.",
		Of:               instances,
		Leave:            []string{"password_wo", "password_wo_version", "user_data", "ssh_keys", "power_state", "release_on_destroy", "timeouts"},
		Describe: map[string]string{
			"instance_charge_type": "`POSTPAID` or `PREPAID`.",
			"subnet_id":            "Private subnet of the LAN interface, if any.",
			"key_id":               "SSH key pair installed, if any.",
		},
		IDs: func(f *instancesDataSourceModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *instancesDataSourceModel, ids []string) ([]zenlayer.BMCInstance, error) {
			in := f.request(zentags.FilterTags(ctx, f.Tags))
			in.InstanceIDs = ids
			return conn.DescribeBMCInstances(ctx, in)
		},
	})
}

// NewInstanceListResource is the constructor of the list resource
// cloudcompute_zenlayer_bmc_instance (terraform query): every machine of
// the account matching its filters, as cloudcompute_zenlayer_bmc_instance
// would import it.
func NewInstanceListResource() list.ListResource {
	return framework.NewListResource(framework.ListResource[instanceListModel, zenlayer.Client, zenlayer.BMCInstance, instanceResourceModel]{
		Of: instances,
		Description: "Lists the Zenlayer Bare Metal Cloud (BMC) instances of the account (`DescribeInstances`, every page), filtered " +
			"by zone, name, status, instance type, image, resource group and tags; all filters are combined. Machines being released " +
			"(`RELEASING`) are left out, as the resource would drop them. Results are sorted by id; each is the machine's identity and, " +
			"with `include_resource = true`, the `cloudcompute_zenlayer_bmc_instance` an import of it would hold (the write-only " +
			"`password` and the `ssh_keys` are never reported by the API: the generated configuration sets them to null).",
		Filters: instanceFilterSpecs.With(zentags.ListFilters("instances")).With(framework.Filters{
			"status":            framework.OneOfFilter("Only instances in this status", instanceListStatuses...),
			"image_id":          framework.StringFilter("Only instances installed from this image."),
			"resource_group_id": framework.StringFilter("Only instances in this resource group."),
		}),
		List: func(ctx context.Context, conn *zenlayer.Client, f *instanceListModel) ([]zenlayer.BMCInstance, error) {
			tags, keys, err := zentags.ListTags(ctx, f.Tags, f.TagKeys)
			if err != nil {
				return nil, err
			}
			in := f.request(tags)
			in.ImageID, in.ResourceGroupID, in.TagKeys = f.ImageID.ValueString(), f.ResourceGroupID.ValueString(), keys
			return conn.DescribeBMCInstances(ctx, in)
		},
	})
}

// instanceFilters are the filters both listings take, and the
// DescribeInstances they make of them.
type instanceFilters struct {
	ZoneID         types.String `tfsdk:"zone_id"`
	Name           types.String `tfsdk:"name"`
	Status         types.String `tfsdk:"status"`
	InstanceTypeID types.String `tfsdk:"instance_type_id"`
	Tags           types.Map    `tfsdk:"tags"`
}

var instanceFilterSpecs = framework.Filters{
	"zone_id":          framework.StringFilter("Only instances in this zone."),
	"name":             framework.StringFilter("Only instances with this name; a trailing `*` matches names that start with the text before it."),
	"instance_type_id": framework.StringFilter("Only instances of this instance type."),
}

func (f *instanceFilters) request(tags []zenlayer.Tag) zenlayer.DescribeBMCInstancesRequest {
	return zenlayer.DescribeBMCInstancesRequest{
		ZoneID:         f.ZoneID.ValueString(),
		InstanceName:   f.Name.ValueString(),
		InstanceStatus: f.Status.ValueString(),
		InstanceTypeID: f.InstanceTypeID.ValueString(),
		TagFilters:     zenlayer.TagFilters{Tags: tags},
	}
}

type instancesDataSourceModel struct {
	instanceFilters
	IDs       types.List `tfsdk:"ids"`
	Instances types.List `tfsdk:"instances"`
}

// instanceListStatuses are the statuses a listed instance can be in.
var instanceListStatuses = slices.DeleteFunc(slices.Clone(zenlayer.BMCStatuses), instanceReleasing)

type instanceListModel struct {
	instanceFilters
	ImageID         types.String `tfsdk:"image_id"`
	ResourceGroupID types.String `tfsdk:"resource_group_id"`
	TagKeys         types.List   `tfsdk:"tag_keys"`
}
