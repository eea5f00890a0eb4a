package bmc

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

// NewInstancesDataSource is the constructor of cloudcompute_zenlayer_bmc_instances.
func NewInstancesDataSource() datasource.DataSource {
	return &instancesDataSource{DataSourceBase: framework.NewDataSourceBase("zenlayer_bmc_instances")}
}

// instancesDataSource gets its type name and Configure (d.Client) from the framework.
type instancesDataSource struct {
	framework.DataSourceBase
}

func (d *instancesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists Zenlayer Bare Metal Cloud (BMC) instances, filtered by ids, zone, name, status or instance type. " +
			"All filters are combined.",
		Attributes: map[string]schema.Attribute{
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Instance ids to look up (asked for 100 at a time). Unknown ids are left out of the result.",
				Validators:          []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"zone_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this zone."},
			"name": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances with this name; a trailing `*` matches names that start with the text before it.",
			},
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances in this status: one of `" + strings.Join(zenlayer.BMCStatuses, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(zenlayer.BMCStatuses...)},
			},
			"instance_type_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances of this instance type."},
			"instances": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The matching instances, sorted by id.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                         computed("Instance id."),
					"name":                       computed("Instance name."),
					"hostname":                   computed("Host name."),
					"zone_id":                    computed("Zone."),
					"instance_type_id":           computed("Instance type."),
					"image_id":                   computed("Image installed, if any."),
					"status":                     computed("Instance status."),
					"instance_charge_type":       computed("`POSTPAID` or `PREPAID`."),
					"internet_charge_type":       computed("How public traffic is billed."),
					"internet_max_bandwidth_out": schema.Int64Attribute{Computed: true, MarkdownDescription: "Public outbound bandwidth in Mbps."},
					"primary_ipv4_address":       computed("Primary public IPv4 address."),
					"public_ipv4_addresses": schema.ListAttribute{
						ElementType: types.StringType, Computed: true, MarkdownDescription: "Public IPv4 addresses.",
					},
					"private_ip_addresses": schema.ListAttribute{
						ElementType: types.StringType, Computed: true, MarkdownDescription: "Private IP addresses.",
					},
					"subnet_id":         computed("Private subnet, if any."),
					"resource_group_id": computed("Resource group."),
					"create_time":       computed("Creation time."),
					"expired_time":      computed("End of the subscription of a `PREPAID` instance."),
				}},
			},
		},
	}
}

type instancesDataSourceModel struct {
	IDs            types.List          `tfsdk:"ids"`
	ZoneID         types.String        `tfsdk:"zone_id"`
	Name           types.String        `tfsdk:"name"`
	Status         types.String        `tfsdk:"status"`
	InstanceTypeID types.String        `tfsdk:"instance_type_id"`
	Instances      []instanceItemModel `tfsdk:"instances"`
}

type instanceItemModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Hostname           types.String `tfsdk:"hostname"`
	ZoneID             types.String `tfsdk:"zone_id"`
	InstanceTypeID     types.String `tfsdk:"instance_type_id"`
	ImageID            types.String `tfsdk:"image_id"`
	Status             types.String `tfsdk:"status"`
	ChargeType         types.String `tfsdk:"instance_charge_type"`
	InternetChargeType types.String `tfsdk:"internet_charge_type"`
	Bandwidth          types.Int64  `tfsdk:"internet_max_bandwidth_out"`
	PrimaryIPv4        types.String `tfsdk:"primary_ipv4_address"`
	PublicIPv4s        types.List   `tfsdk:"public_ipv4_addresses"`
	PrivateIPs         types.List   `tfsdk:"private_ip_addresses"`
	SubnetID           types.String `tfsdk:"subnet_id"`
	ResourceGroupID    types.String `tfsdk:"resource_group_id"`
	CreateTime         types.String `tfsdk:"create_time"`
	ExpiredTime        types.String `tfsdk:"expired_time"`
}

func (d *instancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	conn := d.Client.ZenlayerClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	framework.ReadList(ctx, req, resp, framework.ListSpec[instancesDataSourceModel, zenlayer.BMCInstance, instanceItemModel]{
		What: "listing BMC instances",
		IDs:  func(cfg *instancesDataSourceModel) types.List { return cfg.IDs },
		List: func(ctx context.Context, cfg *instancesDataSourceModel, ids []string) ([]zenlayer.BMCInstance, error) {
			return conn.DescribeBMCInstances(ctx, zenlayer.DescribeBMCInstancesRequest{
				InstanceIDs:    ids,
				ZoneID:         cfg.ZoneID.ValueString(),
				InstanceName:   cfg.Name.ValueString(),
				InstanceStatus: cfg.Status.ValueString(),
				InstanceTypeID: cfg.InstanceTypeID.ValueString(),
			})
		},
		Key: func(x *zenlayer.BMCInstance) string { return x.InstanceID },
		Convert: func(x *zenlayer.BMCInstance) instanceItemModel {
			return instanceItemFromAPI(ctx, x, &resp.Diagnostics)
		},
		Set: func(cfg *instancesDataSourceModel, items []instanceItemModel) { cfg.Instances = items },
	})
}

// instanceItemFromAPI is one instance of the listing.
func instanceItemFromAPI(ctx context.Context, x *zenlayer.BMCInstance, diags *diag.Diagnostics) instanceItemModel {
	item := instanceItemModel{
		ID: types.StringValue(x.InstanceID), Name: types.StringValue(x.InstanceName), Hostname: types.StringValue(x.Hostname),
		ZoneID: types.StringValue(x.ZoneID), InstanceTypeID: types.StringValue(x.InstanceTypeID), ImageID: framework.OptionalString(x.ImageID),
		Status: types.StringValue(x.InstanceStatus), ChargeType: types.StringValue(x.InstanceChargeType),
		InternetChargeType: types.StringValue(x.InternetChargeType), Bandwidth: types.Int64Value(x.BandwidthOutMbps),
		PrimaryIPv4: types.StringValue(x.PrimaryPublicIPAddress), PublicIPv4s: framework.StringList(ctx, x.PublicIPAddresses, diags),
		PrivateIPs: framework.StringList(ctx, x.PrivateIPAddresses, diags), SubnetID: types.StringNull(),
		ResourceGroupID: types.StringValue(x.ResourceGroupID), CreateTime: types.StringValue(x.CreateTime),
		ExpiredTime: framework.OptionalString(x.ExpiredTime),
	}
	if len(x.SubnetIDs) > 0 {
		item.SubnetID = types.StringValue(x.SubnetIDs[0])
	}
	return item
}
