package clouddc

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

var (
	_ datasource.DataSource              = &instancesDataSource{}
	_ datasource.DataSourceWithConfigure = &instancesDataSource{}
)

// NewInstancesDataSource is the constructor of cloudcompute_huaweicloud_clouddc_instances.
func NewInstancesDataSource() datasource.DataSource {
	return &instancesDataSource{DataSourceBase: framework.NewDataSourceBase("huaweicloud_clouddc_instances")}
}

type instancesDataSource struct {
	framework.DataSourceBase
}

func (d *instancesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists Huawei Cloud CloudDC instances (ListInstances), filtered by instance ids or physical server ids (not " +
			"both), and by state. A deleted instance stays listed as `terminated` for a while; filter by `state` to leave it out.",
		Attributes: map[string]schema.Attribute{
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Instance ids to look up. Cannot be combined with `server_ids`.",
				Validators: []validator.List{
					listvalidator.ValueStringsAre(uuidValidator()),
					listvalidator.ConflictsWith(path.MatchRoot("server_ids")),
				},
			},
			"server_ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Only instances on these physical servers.",
				Validators:          []validator.List{listvalidator.ValueStringsAre(uuidValidator())},
			},
			"state": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only instances in this state: one of `" + strings.Join(huaweicloud.InstanceStates, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(huaweicloud.InstanceStates...)},
			},
			"instances": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The matching instances, oldest first.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":          schema.StringAttribute{Computed: true, MarkdownDescription: "Instance id."},
					"name":        schema.StringAttribute{Computed: true, MarkdownDescription: "Host name."},
					"state":       schema.StringAttribute{Computed: true, MarkdownDescription: "State."},
					"image_id":    schema.StringAttribute{Computed: true, MarkdownDescription: "Image id."},
					"image_name":  schema.StringAttribute{Computed: true, MarkdownDescription: "Image name."},
					"os_type":     schema.StringAttribute{Computed: true, MarkdownDescription: "`Linux`, `Windows` or `Other`."},
					"vpc_id":      schema.StringAttribute{Computed: true, MarkdownDescription: "VPC."},
					"server_id":   schema.StringAttribute{Computed: true, MarkdownDescription: "Physical server."},
					"description": schema.StringAttribute{Computed: true, MarkdownDescription: "Description."},
					"primary_ip":  schema.StringAttribute{Computed: true, MarkdownDescription: "IPv4 address of the first interface."},
					"metadata": schema.MapAttribute{
						ElementType: types.StringType, Computed: true, MarkdownDescription: "Metadata.",
					},
					"network_interfaces": schema.ListNestedAttribute{
						Computed:            true,
						MarkdownDescription: "Network interfaces, primary first.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"subnet_id":    schema.StringAttribute{Computed: true, MarkdownDescription: "Subnet."},
							"ipv4_address": schema.StringAttribute{Computed: true, MarkdownDescription: "IPv4 address."},
						}},
					},
					"created_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time."},
					"launched_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Last installation time."},
				}},
			},
		},
	}
}

type instancesDataSourceModel struct {
	IDs       types.List          `tfsdk:"ids"`
	ServerIDs types.List          `tfsdk:"server_ids"`
	State     types.String        `tfsdk:"state"`
	Instances []instanceItemModel `tfsdk:"instances"`
}

type instanceItemModel struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	State             types.String `tfsdk:"state"`
	ImageID           types.String `tfsdk:"image_id"`
	ImageName         types.String `tfsdk:"image_name"`
	OSType            types.String `tfsdk:"os_type"`
	VpcID             types.String `tfsdk:"vpc_id"`
	ServerID          types.String `tfsdk:"server_id"`
	Description       types.String `tfsdk:"description"`
	PrimaryIP         types.String `tfsdk:"primary_ip"`
	Metadata          types.Map    `tfsdk:"metadata"`
	NetworkInterfaces []nicModel   `tfsdk:"network_interfaces"`
	CreatedAt         types.String `tfsdk:"created_at"`
	LaunchedAt        types.String `tfsdk:"launched_at"`
}

// Read lists the instances in the API's order, oldest first.
func (d *instancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	conn := d.Client.HuaweiCloudClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	framework.ReadList(ctx, req, resp, framework.ListSpec[instancesDataSourceModel, huaweicloud.Instance, instanceItemModel]{
		What: "listing CloudDC instances",
		// The one id filter: instance ids or server ids, which conflict.
		// Either, set but empty, matches nothing.
		IDs: func(cfg *instancesDataSourceModel) types.List {
			if !cfg.IDs.IsNull() {
				return cfg.IDs
			}
			return cfg.ServerIDs
		},
		List: func(ctx context.Context, cfg *instancesDataSourceModel, ids []string) ([]huaweicloud.Instance, error) {
			in := huaweicloud.ListInstancesRequest{State: cfg.State.ValueString()}
			if !cfg.IDs.IsNull() {
				in.IDs = ids
			} else {
				in.ServerIDs = ids
			}
			return conn.ListInstances(ctx, in)
		},
		// Not by id: the schema documents the API's order, oldest first.
		// Every key is the same, so the stable sort keeps that order.
		Key:     func(*huaweicloud.Instance) string { return "" },
		Convert: instanceItemFromAPI,
		Set:     func(cfg *instancesDataSourceModel, items []instanceItemModel) { cfg.Instances = items },
	})
}

// instanceItemFromAPI is a listed instance; it has no null lists or maps.
func instanceItemFromAPI(inst *huaweicloud.Instance) instanceItemModel {
	nics := nicsFromAPI(inst)
	m := instanceItemModel{
		ID:                types.StringValue(inst.ID),
		Name:              types.StringValue(inst.Name),
		State:             types.StringValue(inst.State),
		VpcID:             types.StringValue(inst.VpcID),
		ServerID:          types.StringValue(inst.ServerID),
		Description:       framework.OptionalString(inst.Description),
		PrimaryIP:         primaryIP(nics),
		Metadata:          metadataValue(inst.Metadata),
		NetworkInterfaces: nics,
		CreatedAt:         framework.OptionalString(inst.CreatedAt),
		LaunchedAt:        framework.OptionalString(inst.LaunchedAt),
	}
	m.ImageID, m.ImageName, m.OSType = imageFromAPI(inst)
	return m
}
