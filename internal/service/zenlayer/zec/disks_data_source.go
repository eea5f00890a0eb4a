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

// NewDisksDataSource is the constructor of cloudcompute_zenlayer_zec_disks:
// its items are cloudcompute_zenlayer_zec_disk's attributes.
func NewDisksDataSource() datasource.DataSource {
	return framework.NewListing(framework.Listing[disksDataSourceModel, zenlayer.Client, zenlayer.Disk, diskResourceModel]{
		TypeSuffix:  "zenlayer_zec_disks",
		Description: "Lists Zenlayer ZEC disks, filtered by ids, zone, name, status, instance, type or tags. All filters are combined.",
		Filters: map[string]schema.Attribute{
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Disk ids to look up (at most 100).",
				Validators:          []validator.List{listvalidator.SizeAtMost(100), listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"zone_id":     schema.StringAttribute{Optional: true, MarkdownDescription: "Only disks in this zone."},
			"name":        schema.StringAttribute{Optional: true, MarkdownDescription: "Only disks whose name contains this text."},
			"instance_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only disks attached to this instance."},
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only disks in this status: one of `" + strings.Join(diskStatuses, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(diskStatuses...)},
			},
			"tags": zentags.Filter("disks"),
			"disk_type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only `DATA` or only `SYSTEM` disks.",
				Validators:          []validator.String{stringvalidator.OneOf(zenlayer.DiskTypeData, zenlayer.DiskTypeSystem)},
			},
		},
		What:             "listing ZEC disks",
		Items:            "disks",
		ItemsDescription: "The matching disks, sorted by id.",
		Resource:         framework.SchemaOf(NewDiskResource),
		Leave:            []string{"force_detach", "release_on_destroy", "timeouts", "snapshot_id"},
		Describe:         map[string]string{"instance_id": "Instance the disk is attached to, if any."},
		Client:           (*conns.Client).ZenlayerClient,
		IDs:              func(f *disksDataSourceModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *disksDataSourceModel, ids []string) ([]zenlayer.Disk, error) {
			return conn.DescribeDisks(ctx, zenlayer.DescribeDisksRequest{
				DiskIDs:    ids,
				ZoneID:     f.ZoneID.ValueString(),
				DiskName:   f.Name.ValueString(),
				InstanceID: f.InstanceID.ValueString(),
				DiskStatus: f.Status.ValueString(),
				DiskType:   f.DiskType.ValueString(),
				Tags:       zentags.FilterTags(ctx, f.Tags),
			})
		},
		Key:   func(x *zenlayer.Disk) string { return x.DiskID },
		Model: (*diskResourceModel).refresh,
	})
}

var diskStatuses = []string{
	zenlayer.DiskStatusCreating, zenlayer.DiskStatusAvailable, zenlayer.DiskStatusAttaching, zenlayer.DiskStatusInUse,
	zenlayer.DiskStatusDetaching, zenlayer.DiskStatusChanging, zenlayer.DiskStatusDeleting, zenlayer.DiskStatusRecycling,
	zenlayer.DiskStatusRecycled, zenlayer.DiskStatusFailed,
}

type disksDataSourceModel struct {
	IDs        types.List   `tfsdk:"ids"`
	ZoneID     types.String `tfsdk:"zone_id"`
	Name       types.String `tfsdk:"name"`
	InstanceID types.String `tfsdk:"instance_id"`
	Status     types.String `tfsdk:"status"`
	DiskType   types.String `tfsdk:"disk_type"`
	Tags       types.Map    `tfsdk:"tags"`
	Disks      types.List   `tfsdk:"disks"`
}
