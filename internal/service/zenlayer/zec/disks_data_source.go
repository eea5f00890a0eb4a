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

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

var (
	_ datasource.DataSource              = &disksDataSource{}
	_ datasource.DataSourceWithConfigure = &disksDataSource{}
)

// NewDisksDataSource is the constructor of cloudcompute_zenlayer_zec_disks.
func NewDisksDataSource() datasource.DataSource {
	return &disksDataSource{DataSourceBase: framework.NewDataSourceBase("zenlayer_zec_disks")}
}

type disksDataSource struct {
	framework.DataSourceBase
}

var diskStatuses = []string{
	zenlayer.DiskStatusCreating, zenlayer.DiskStatusAvailable, zenlayer.DiskStatusAttaching, zenlayer.DiskStatusInUse,
	zenlayer.DiskStatusDetaching, zenlayer.DiskStatusChanging, zenlayer.DiskStatusDeleting, zenlayer.DiskStatusRecycling,
	zenlayer.DiskStatusRecycled, zenlayer.DiskStatusFailed,
}

func (d *disksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists Zenlayer ZEC disks, filtered by ids, zone, name, status, instance or type. All filters are combined.",
		Attributes: map[string]schema.Attribute{
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
			"disk_type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only `DATA` or only `SYSTEM` disks.",
				Validators:          []validator.String{stringvalidator.OneOf(zenlayer.DiskTypeData, zenlayer.DiskTypeSystem)},
			},
			"disks": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The matching disks, sorted by id.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                schema.StringAttribute{Computed: true, MarkdownDescription: "Disk id."},
					"name":              schema.StringAttribute{Computed: true, MarkdownDescription: "Disk name."},
					"zone_id":           schema.StringAttribute{Computed: true, MarkdownDescription: "Zone."},
					"size":              schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in GiB."},
					"category":          schema.StringAttribute{Computed: true, MarkdownDescription: "Disk category."},
					"status":            schema.StringAttribute{Computed: true, MarkdownDescription: "Disk status."},
					"disk_type":         schema.StringAttribute{Computed: true, MarkdownDescription: "`DATA` or `SYSTEM`."},
					"portable":          schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it can be detached."},
					"instance_id":       schema.StringAttribute{Computed: true, MarkdownDescription: "Instance it is attached to, if any."},
					"charge_type":       schema.StringAttribute{Computed: true, MarkdownDescription: "Billing method, `POSTPAID` or `PREPAID` (from the disk's subscription `period`)."},
					"resource_group_id": schema.StringAttribute{Computed: true, MarkdownDescription: "Resource group."},
					"create_time":       schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time."},
				}},
			},
		},
	}
}

type disksDataSourceModel struct {
	IDs        types.List      `tfsdk:"ids"`
	ZoneID     types.String    `tfsdk:"zone_id"`
	Name       types.String    `tfsdk:"name"`
	InstanceID types.String    `tfsdk:"instance_id"`
	Status     types.String    `tfsdk:"status"`
	DiskType   types.String    `tfsdk:"disk_type"`
	Disks      []diskItemModel `tfsdk:"disks"`
}

type diskItemModel struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	ZoneID          types.String `tfsdk:"zone_id"`
	Size            types.Int64  `tfsdk:"size"`
	Category        types.String `tfsdk:"category"`
	Status          types.String `tfsdk:"status"`
	DiskType        types.String `tfsdk:"disk_type"`
	Portable        types.Bool   `tfsdk:"portable"`
	InstanceID      types.String `tfsdk:"instance_id"`
	ChargeType      types.String `tfsdk:"charge_type"`
	ResourceGroupID types.String `tfsdk:"resource_group_id"`
	CreateTime      types.String `tfsdk:"create_time"`
}

func (d *disksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	conn := d.Client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	framework.ReadList(ctx, req, resp, framework.ListSpec[disksDataSourceModel, zenlayer.Disk, diskItemModel]{
		What: "listing ZEC disks",
		IDs:  func(cfg *disksDataSourceModel) types.List { return cfg.IDs },
		List: func(ctx context.Context, cfg *disksDataSourceModel, ids []string) ([]zenlayer.Disk, error) {
			return conn.DescribeDisks(ctx, zenlayer.DescribeDisksRequest{
				DiskIDs:    ids,
				ZoneID:     cfg.ZoneID.ValueString(),
				DiskName:   cfg.Name.ValueString(),
				InstanceID: cfg.InstanceID.ValueString(),
				DiskStatus: cfg.Status.ValueString(),
				DiskType:   cfg.DiskType.ValueString(),
			})
		},
		Key:     func(x *zenlayer.Disk) string { return x.DiskID },
		Convert: diskItemFromAPI,
		Set:     func(cfg *disksDataSourceModel, items []diskItemModel) { cfg.Disks = items },
	})
}

// diskItemFromAPI is the item of a listed disk.
func diskItemFromAPI(x *zenlayer.Disk) diskItemModel {
	return diskItemModel{
		ID: types.StringValue(x.DiskID), Name: types.StringValue(x.DiskName), ZoneID: types.StringValue(x.ZoneID),
		Size: types.Int64Value(x.DiskSize), Category: types.StringValue(x.DiskCategory), Status: types.StringValue(x.DiskStatus),
		DiskType: types.StringValue(x.DiskType), Portable: types.BoolValue(x.Portable), InstanceID: types.StringValue(x.InstanceID),
		ChargeType: types.StringValue(x.ChargeType), ResourceGroupID: types.StringValue(x.ResourceGroupID), CreateTime: types.StringValue(x.CreateTime),
	}
}
