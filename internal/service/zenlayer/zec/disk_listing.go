package zec

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The listings of ZEC disks: the data source cloudcompute_zenlayer_zec_disks
// and the list resource cloudcompute_zenlayer_zec_disk, with the filters
// they share (diskFilters).

// disks is what both listings take from the resource.
var disks = framework.Listable[zenlayer.Client, zenlayer.Disk, diskResourceModel]{
	Resource: NewDiskResource,
	Client:   (*conns.Client).ZenlayerClient,
	Finder:   diskFinder,
	Model:    (*diskResourceModel).refresh,
}

// NewDisksDataSource is the constructor of cloudcompute_zenlayer_zec_disks:
// its items are cloudcompute_zenlayer_zec_disk's attributes.
func NewDisksDataSource() datasource.DataSource {
	return framework.NewListing(framework.Listing[disksDataSourceModel, zenlayer.Client, zenlayer.Disk, diskResourceModel]{
		TypeSuffix:  "zenlayer_zec_disks",
		Description: "Lists Zenlayer ZEC disks, filtered by ids, zone, name, status, instance, type or tags. All filters are combined.",
		Filters: diskFilterSpecs.With(framework.Filters{
			"ids":       framework.IDsFilter("Disk", zenlayer.MaxIDsPerCall),
			"status":    framework.OneOfFilter("Only disks in this status", diskStatuses...),
			"tags":      zentags.Filter("disks"),
			"disk_type": diskTypeFilter(""),
		}),
		Items:            "disks",
		ItemsDescription: "The matching disks, sorted by id.",
		Of:               disks,
		Leave:            []string{"force_detach", "release_on_destroy", "timeouts", "snapshot_id"},
		Describe:         map[string]string{"instance_id": "Instance the disk is attached to, if any."},
		IDs:              func(f *disksDataSourceModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *disksDataSourceModel, ids []string) ([]zenlayer.Disk, error) {
			in := f.request(zentags.FilterTags(ctx, f.Tags))
			in.DiskIDs = ids
			return conn.DescribeDisks(ctx, in)
		},
	})
}

// NewDiskListResource is the constructor of the list resource
// cloudcompute_zenlayer_zec_disk (terraform query): every disk of the
// account matching its filters, as cloudcompute_zenlayer_zec_disk would
// import it.
func NewDiskListResource() list.ListResource {
	return framework.NewListResource(framework.ListResource[diskListModel, zenlayer.Client, zenlayer.Disk, diskResourceModel]{
		Of: disks,
		Description: "Lists the Zenlayer ZEC disks of the account (`DescribeDisks`, every page), filtered by zone, name, status, " +
			"instance, type, resource group and tags; all filters are combined. Disks on their way out (`DELETING`, `RECYCLING`, " +
			"`RECYCLED`) are left out, as the resource would drop them. Results are sorted by id; each is the disk's identity and, " +
			"with `include_resource = true`, the `cloudcompute_zenlayer_zec_disk` an import of it would hold.",
		Filters: diskFilterSpecs.With(zentags.ListFilters("disks")).With(framework.Filters{
			"resource_group_id": framework.StringFilter("Only disks in this resource group."),
			"status":            framework.OneOfFilter("Only disks in this status", diskListStatuses...),
			"disk_type":         diskTypeFilter(" (boot)"),
		}),
		List: func(ctx context.Context, conn *zenlayer.Client, f *diskListModel) ([]zenlayer.Disk, error) {
			tags, keys, err := zentags.ListTags(ctx, f.Tags, f.TagKeys)
			if err != nil {
				return nil, err
			}
			in := f.request(tags)
			in.ResourceGroupID, in.TagKeys = f.ResourceGroupID.ValueString(), keys
			return conn.DescribeDisks(ctx, in)
		},
	})
}

// diskFilters are the filters both listings take, and the DescribeDisks
// they make of them.
type diskFilters struct {
	ZoneID     types.String `tfsdk:"zone_id"`
	Name       types.String `tfsdk:"name"`
	InstanceID types.String `tfsdk:"instance_id"`
	Status     types.String `tfsdk:"status"`
	DiskType   types.String `tfsdk:"disk_type"`
	Tags       types.Map    `tfsdk:"tags"`
}

var diskFilterSpecs = framework.Filters{
	"zone_id":     framework.StringFilter("Only disks in this zone."),
	"name":        framework.StringFilter("Only disks whose name contains this text."),
	"instance_id": framework.StringFilter("Only disks attached to this instance."),
}

// diskTypeFilter is the disk_type filter; boot names what a SYSTEM disk is.
func diskTypeFilter(boot string) framework.Filter {
	return framework.StringFilter("Only `DATA` or only `SYSTEM`"+boot+" disks.", stringvalidator.OneOf(zenlayer.DiskTypeData, zenlayer.DiskTypeSystem))
}

func (f *diskFilters) request(tags []zenlayer.Tag) zenlayer.DescribeDisksRequest {
	return zenlayer.DescribeDisksRequest{
		ZoneID:     f.ZoneID.ValueString(),
		DiskName:   f.Name.ValueString(),
		InstanceID: f.InstanceID.ValueString(),
		DiskStatus: f.Status.ValueString(),
		DiskType:   f.DiskType.ValueString(),
		TagFilters: zenlayer.TagFilters{Tags: tags},
	}
}

var diskStatuses = []string{
	zenlayer.DiskStatusCreating, zenlayer.DiskStatusAvailable, zenlayer.DiskStatusAttaching, zenlayer.DiskStatusInUse,
	zenlayer.DiskStatusDetaching, zenlayer.DiskStatusChanging, zenlayer.DiskStatusDeleting, zenlayer.DiskStatusRecycling,
	zenlayer.DiskStatusRecycled, zenlayer.DiskStatusFailed,
}

type disksDataSourceModel struct {
	diskFilters
	IDs   types.List `tfsdk:"ids"`
	Disks types.List `tfsdk:"disks"`
}

// diskListStatuses are the statuses a listed disk can be in: those of the
// data source but the ones on the way out (diskReleased).
var diskListStatuses = slices.DeleteFunc(slices.Clone(diskStatuses), diskReleased)

type diskListModel struct {
	diskFilters
	ResourceGroupID types.String `tfsdk:"resource_group_id"`
	TagKeys         types.List   `tfsdk:"tag_keys"`
}
