package bmc

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

// NewInstancesDataSource is the constructor of cloudcompute_zenlayer_bmc_instances:
// its items are cloudcompute_zenlayer_bmc_instance's attributes.
func NewInstancesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Listing[instancesDataSourceModel, zenlayer.Client, zenlayer.BMCInstance, instanceResourceModel]{
		TypeSuffix: "zenlayer_bmc_instances",
		Description: "Lists Zenlayer Bare Metal Cloud (BMC) instances, filtered by ids, zone, name, status, instance type or tags. " +
			"All filters are combined.",
		What: "listing BMC instances",
		Filters: map[string]schema.Attribute{
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
			"tags":             zentags.Filter("instances"),
		},
		Items:            "instances",
		ItemsDescription: "The matching instances, sorted by id.",
		Resource:         framework.SchemaOf(NewInstanceResource),
		Leave:            []string{"password_wo", "password_wo_version", "user_data", "ssh_keys", "power_state", "release_on_destroy", "timeouts"},
		Describe: map[string]string{
			"instance_charge_type": "`POSTPAID` or `PREPAID`.",
			"subnet_id":            "Private subnet of the LAN interface, if any.",
			"key_id":               "SSH key pair installed, if any.",
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *instancesDataSourceModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *instancesDataSourceModel, ids []string) ([]zenlayer.BMCInstance, error) {
			return conn.DescribeBMCInstances(ctx, zenlayer.DescribeBMCInstancesRequest{
				InstanceIDs:    ids,
				ZoneID:         f.ZoneID.ValueString(),
				InstanceName:   f.Name.ValueString(),
				InstanceStatus: f.Status.ValueString(),
				InstanceTypeID: f.InstanceTypeID.ValueString(),
				Tags:           zentags.FilterTags(ctx, f.Tags),
			})
		},
		Key:   func(x *zenlayer.BMCInstance) string { return x.InstanceID },
		Model: (*instanceResourceModel).listed,
	})
}

type instancesDataSourceModel struct {
	IDs            types.List   `tfsdk:"ids"`
	ZoneID         types.String `tfsdk:"zone_id"`
	Name           types.String `tfsdk:"name"`
	Status         types.String `tfsdk:"status"`
	InstanceTypeID types.String `tfsdk:"instance_type_id"`
	Tags           types.Map    `tfsdk:"tags"`
	Instances      types.List   `tfsdk:"instances"`
}
