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

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

var (
	_ datasource.DataSource              = &instancesDataSource{}
	_ datasource.DataSourceWithConfigure = &instancesDataSource{}
)

// NewInstancesDataSource is the constructor of cloudcompute_huaweicloud_clouddc_instances.
func NewInstancesDataSource() datasource.DataSource { return &instancesDataSource{} }

type instancesDataSource struct {
	client *conns.Client
}

func (d *instancesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_huaweicloud_clouddc_instances"
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

func (d *instancesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
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

func (d *instancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg instancesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := d.client.HuaweiCloudClient(&resp.Diagnostics)
	if conn == nil {
		return
	}
	in := huaweicloud.ListInstancesRequest{State: cfg.State.ValueString()}
	for _, l := range []struct {
		list types.List
		dst  *[]string
	}{{cfg.IDs, &in.IDs}, {cfg.ServerIDs, &in.ServerIDs}} {
		if l.list.IsNull() {
			continue
		}
		resp.Diagnostics.Append(l.list.ElementsAs(ctx, l.dst, false)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if len(*l.dst) == 0 { // an explicitly empty filter matches nothing
			cfg.Instances = []instanceItemModel{}
			resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
			return
		}
	}
	list, err := conn.ListInstances(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError("listing CloudDC instances", err.Error())
		return
	}
	cfg.Instances = make([]instanceItemModel, 0, len(list))
	for k := range list {
		var m instanceResourceModel
		resp.Diagnostics.Append(m.fromAPI(&list[k])...)
		nics, dd := nicsFrom(ctx, m.NetworkInterfaces)
		resp.Diagnostics.Append(dd...)
		if nics == nil {
			nics = []nicModel{}
		}
		metadata := m.Metadata
		if metadata.IsNull() {
			metadata = types.MapValueMust(types.StringType, nil)
		}
		cfg.Instances = append(cfg.Instances, instanceItemModel{
			ID: m.ID, Name: m.Name, State: m.Status, ImageID: m.ImageID, ImageName: m.ImageName, OSType: m.OSType, VpcID: m.VpcID,
			ServerID: m.ServerID, Description: m.Description, PrimaryIP: m.PrimaryIP, Metadata: metadata, NetworkInterfaces: nics,
			CreatedAt: m.CreatedAt, LaunchedAt: m.LaunchedAt,
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
