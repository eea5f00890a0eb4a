package zec

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The listings of ZEC instances: the data source
// cloudcompute_zenlayer_zec_instances and the list resource
// cloudcompute_zenlayer_zec_instance, with the filters they share
// (instanceFilters).

// instances is what both listings take from the resource.
var instances = framework.Listable[zenlayer.Client, zenlayer.Instance, instanceResourceModel]{
	Resource: NewInstanceResource,
	Client:   (*conns.Client).ZenlayerClient,
	Finder:   instanceFinder,
	Model:    (*instanceResourceModel).listed,
}

// NewInstancesDataSource is the constructor of cloudcompute_zenlayer_zec_instances:
// its items are cloudcompute_zenlayer_zec_instance's attributes.
func NewInstancesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Listing[instancesDataSourceModel, zenlayer.Client, zenlayer.Instance, instanceResourceModel]{
		TypeSuffix:  "zenlayer_zec_instances",
		Description: "Lists Zenlayer ZEC instances, filtered by ids, zone, name, status, image, resource group or tags. All filters are combined.",
		Filters: instanceFilterSpecs.With(framework.Filters{
			"ids":    framework.IDsFilter("Instance", zenlayer.MaxIDsPerCall).Note("Unknown ids are left out of the result."),
			"tags":   zentags.Filter("instances"),
			"status": framework.OneOfFilter("Only instances in this status", instanceStatuses...),
		}),
		Items:            "instances",
		ItemsDescription: "The matching instances, sorted by id.",
		Of:               instances,
		Leave: []string{"password_wo", "password_wo_version", "user_data", "public_network", "power_state", "force_shutdown",
			"release_on_destroy", "timeouts"},
		Describe: map[string]string{"key_id": "SSH key pair id, if the instance has one."},
		IDs:      func(f *instancesDataSourceModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *instancesDataSourceModel, ids []string) ([]zenlayer.Instance, error) {
			in := f.request(zentags.FilterTags(ctx, f.Tags))
			in.InstanceIDs = ids
			return conn.DescribeInstances(ctx, in)
		},
	})
}

// NewInstanceListResource is the constructor of the list resource
// cloudcompute_zenlayer_zec_instance (terraform query): every instance of
// the account matching its filters, as cloudcompute_zenlayer_zec_instance
// would import it.
func NewInstanceListResource() list.ListResource {
	return framework.NewListResource(framework.ListResource[instanceListModel, zenlayer.Client, zenlayer.Instance, instanceResourceModel]{
		Of: instances,
		Description: "Lists the Zenlayer ZEC instances of the account (`DescribeInstances`, every page), filtered by zone, name, " +
			"status, image, resource group and tags; all filters are combined. Instances on their way out (`RELEASING`, `RECYCLING`, " +
			"`RECYCLE`) are left out, as the resource would drop them. Results are sorted by id; each is the instance's identity and, " +
			"with `include_resource = true`, the `cloudcompute_zenlayer_zec_instance` an import of it would hold (the write-only " +
			"`password` is never known: the generated configuration sets it to null, which an existing instance does not need).",
		Filters: instanceFilterSpecs.With(zentags.ListFilters("instances")).With(framework.Filters{
			"status": framework.OneOfFilter("Only instances in this status", instanceListStatuses...),
		}),
		List: func(ctx context.Context, conn *zenlayer.Client, f *instanceListModel) ([]zenlayer.Instance, error) {
			tags, keys, err := zentags.ListTags(ctx, f.Tags, f.TagKeys)
			if err != nil {
				return nil, err
			}
			in := f.request(tags)
			in.TagKeys = keys
			return conn.DescribeInstances(ctx, in)
		},
	})
}

// instanceFilters are the filters both listings take, and the
// DescribeInstances they make of them.
type instanceFilters struct {
	ZoneID          types.String `tfsdk:"zone_id"`
	Name            types.String `tfsdk:"name"`
	ImageID         types.String `tfsdk:"image_id"`
	ResourceGroupID types.String `tfsdk:"resource_group_id"`
	Status          types.String `tfsdk:"status"`
	Tags            types.Map    `tfsdk:"tags"`
}

var instanceFilterSpecs = framework.Filters{
	"zone_id":           framework.StringFilter("Only instances in this zone."),
	"name":              framework.StringFilter("Only instances whose name contains this text (the API's fuzzy match)."),
	"image_id":          framework.StringFilter("Only instances installed from this image."),
	"resource_group_id": framework.StringFilter("Only instances in this resource group."),
}

func (f *instanceFilters) request(tags []zenlayer.Tag) zenlayer.DescribeInstancesRequest {
	return zenlayer.DescribeInstancesRequest{
		ZoneID:          f.ZoneID.ValueString(),
		Name:            f.Name.ValueString(),
		ImageID:         f.ImageID.ValueString(),
		ResourceGroupID: f.ResourceGroupID.ValueString(),
		Status:          f.Status.ValueString(),
		TagFilters:      zenlayer.TagFilters{Tags: tags},
	}
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
	instanceFilters
	IDs       types.List `tfsdk:"ids"`
	Instances types.List `tfsdk:"instances"`
}

// instanceListStatuses are the statuses a listed instance can be in.
var instanceListStatuses = slices.DeleteFunc(slices.Clone(instanceStatuses), instanceReleased)

type instanceListModel struct {
	instanceFilters
	TagKeys types.List `tfsdk:"tag_keys"`
}
