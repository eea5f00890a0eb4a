package zec

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

var (
	_ datasource.DataSource              = &instancesDataSource{}
	_ datasource.DataSourceWithConfigure = &instancesDataSource{}
)

// NewInstancesDataSource is the constructor of cloudcompute_zenlayer_zec_instances.
func NewInstancesDataSource() datasource.DataSource {
	return &instancesDataSource{DataSourceBase: framework.NewDataSourceBase("zenlayer_zec_instances")}
}

type instancesDataSource struct {
	framework.DataSourceBase
}

// instanceStatuses are the statuses the DescribeInstances filter takes (its
// enum), with the starting state both spellings of the documents use.
var instanceStatuses = []string{
	zenlayer.InstanceStatusDeploying, zenlayer.InstanceStatusRebuilding, zenlayer.InstanceStatusReboot,
	zenlayer.InstanceStatusRunning, zenlayer.InstanceStatusStopped, zenlayer.InstanceStatusBooting, zenlayer.InstanceStatusStarting,
	zenlayer.InstanceStatusReleasing, zenlayer.InstanceStatusStopping, zenlayer.InstanceStatusRecycle, zenlayer.InstanceStatusRecycling,
	zenlayer.InstanceStatusCreateFailed, zenlayer.InstanceStatusImaging, zenlayer.InstanceStatusResizing,
}

func (d *instancesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists Zenlayer ZEC instances, filtered by ids, zone, name, status, image or resource group. All filters are combined.",
		Attributes: map[string]schema.Attribute{
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
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances in this status: one of `" + strings.Join(instanceStatuses, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(instanceStatuses...)},
			},
			"instances": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The matching instances, sorted by id.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                   schema.StringAttribute{Computed: true, MarkdownDescription: "Instance id."},
					"name":                 schema.StringAttribute{Computed: true, MarkdownDescription: "Instance name."},
					"zone_id":              schema.StringAttribute{Computed: true, MarkdownDescription: "Zone."},
					"instance_type":        schema.StringAttribute{Computed: true, MarkdownDescription: "Instance type."},
					"cpu":                  schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of CPU cores."},
					"memory":               schema.Int64Attribute{Computed: true, MarkdownDescription: "Memory in GiB."},
					"image_id":             schema.StringAttribute{Computed: true, MarkdownDescription: "Image id."},
					"image_name":           schema.StringAttribute{Computed: true, MarkdownDescription: "Image name."},
					"status":               schema.StringAttribute{Computed: true, MarkdownDescription: "Instance status."},
					"key_id":               schema.StringAttribute{Computed: true, MarkdownDescription: "SSH key pair id, if the instance has one."},
					"subnet_id":            schema.StringAttribute{Computed: true, MarkdownDescription: "Subnet of the primary network interface."},
					"security_group_id":    schema.StringAttribute{Computed: true, MarkdownDescription: "Security group of the primary network interface."},
					"resource_group_id":    schema.StringAttribute{Computed: true, MarkdownDescription: "Resource group."},
					"system_disk_id":       schema.StringAttribute{Computed: true, MarkdownDescription: "Id of the system disk."},
					"system_disk_size":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Size of the system disk in GiB."},
					"data_disk_ids":        schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Ids of the data disks attached."},
					"public_ip_addresses":  schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Public IP addresses."},
					"private_ip_addresses": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Private IP addresses."},
					"create_time":          schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time."},
				}},
			},
		},
	}
}

type instancesDataSourceModel struct {
	IDs             types.List          `tfsdk:"ids"`
	ZoneID          types.String        `tfsdk:"zone_id"`
	Name            types.String        `tfsdk:"name"`
	ImageID         types.String        `tfsdk:"image_id"`
	ResourceGroupID types.String        `tfsdk:"resource_group_id"`
	Status          types.String        `tfsdk:"status"`
	Instances       []instanceItemModel `tfsdk:"instances"`
}

type instanceItemModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	ZoneID             types.String `tfsdk:"zone_id"`
	InstanceType       types.String `tfsdk:"instance_type"`
	CPU                types.Int64  `tfsdk:"cpu"`
	Memory             types.Int64  `tfsdk:"memory"`
	ImageID            types.String `tfsdk:"image_id"`
	ImageName          types.String `tfsdk:"image_name"`
	Status             types.String `tfsdk:"status"`
	KeyID              types.String `tfsdk:"key_id"`
	SubnetID           types.String `tfsdk:"subnet_id"`
	SecurityGroupID    types.String `tfsdk:"security_group_id"`
	ResourceGroupID    types.String `tfsdk:"resource_group_id"`
	SystemDiskID       types.String `tfsdk:"system_disk_id"`
	SystemDiskSize     types.Int64  `tfsdk:"system_disk_size"`
	DataDiskIDs        types.List   `tfsdk:"data_disk_ids"`
	PublicIPAddresses  types.List   `tfsdk:"public_ip_addresses"`
	PrivateIPAddresses types.List   `tfsdk:"private_ip_addresses"`
	CreateTime         types.String `tfsdk:"create_time"`
}

func (d *instancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	conn := d.Client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	framework.ReadList(ctx, req, resp, framework.ListSpec[instancesDataSourceModel, zenlayer.Instance, instanceItemModel]{
		What: "listing ZEC instances",
		IDs:  func(cfg *instancesDataSourceModel) types.List { return cfg.IDs },
		List: func(ctx context.Context, cfg *instancesDataSourceModel, ids []string) ([]zenlayer.Instance, error) {
			return conn.DescribeInstances(ctx, zenlayer.DescribeInstancesRequest{
				InstanceIDs:     ids,
				ZoneID:          cfg.ZoneID.ValueString(),
				Name:            cfg.Name.ValueString(),
				ImageID:         cfg.ImageID.ValueString(),
				ResourceGroupID: cfg.ResourceGroupID.ValueString(),
				Status:          cfg.Status.ValueString(),
			})
		},
		Key: func(x *zenlayer.Instance) string { return x.InstanceID },
		Convert: func(x *zenlayer.Instance) instanceItemModel {
			return instanceItemFromAPI(ctx, x, &resp.Diagnostics)
		},
		Set: func(cfg *instancesDataSourceModel, items []instanceItemModel) { cfg.Instances = items },
	})
}

// instanceItemFromAPI is the item of a listed instance.
func instanceItemFromAPI(ctx context.Context, x *zenlayer.Instance, diags *diag.Diagnostics) instanceItemModel {
	item := instanceItemModel{
		ID: types.StringValue(x.InstanceID), Name: types.StringValue(x.InstanceName), ZoneID: types.StringValue(x.ZoneID),
		InstanceType: types.StringValue(x.InstanceType), CPU: types.Int64Value(x.CPU), Memory: types.Int64Value(x.Memory),
		ImageID: types.StringValue(x.ImageID), ImageName: types.StringValue(x.ImageName), Status: types.StringValue(x.Status),
		KeyID: framework.OptionalString(x.KeyID), SubnetID: types.StringValue(x.SubnetID), SecurityGroupID: types.StringValue(x.SecurityGroupID),
		ResourceGroupID: types.StringValue(x.ResourceGroupID), CreateTime: types.StringValue(x.CreateTime),
		SystemDiskID: types.StringNull(), SystemDiskSize: types.Int64Null(),
		PublicIPAddresses:  framework.StringList(ctx, x.PublicIPAddresses, diags),
		PrivateIPAddresses: framework.StringList(ctx, x.PrivateIPAddresses, diags),
	}
	if x.SystemDisk != nil {
		item.SystemDiskID, item.SystemDiskSize = types.StringValue(x.SystemDisk.DiskID), types.Int64Value(x.SystemDisk.DiskSize)
	}
	dataIDs := make([]string, 0, len(x.DataDisks))
	for _, dd := range x.DataDisks {
		dataIDs = append(dataIDs, dd.DiskID)
	}
	item.DataDiskIDs = framework.StringList(ctx, dataIDs, diags)
	return item
}
