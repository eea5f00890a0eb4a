package zec

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// NewDiskListResource is the constructor of the list resource
// cloudcompute_zenlayer_zec_disk (terraform query): every disk of the
// account matching its filters, as cloudcompute_zenlayer_zec_disk would
// import it.
func NewDiskListResource() list.ListResource {
	return framework.NewListResource(framework.ListResource[diskListModel, zenlayer.Client, zenlayer.Disk, diskResourceModel]{
		Resource: NewDiskResource,
		Description: "Lists the Zenlayer ZEC disks of the account (`DescribeDisks`, every page), filtered by zone, name, status, " +
			"instance, type, resource group and tags; all filters are combined. Disks on their way out (`DELETING`, `RECYCLING`, " +
			"`RECYCLED`) are left out, as the resource would drop them. Results are sorted by id; each is the disk's identity and, " +
			"with `include_resource = true`, the `cloudcompute_zenlayer_zec_disk` an import of it would hold.",
		What: "listing ZEC disks",
		Filters: map[string]schema.Attribute{
			"zone_id":           schema.StringAttribute{Optional: true, MarkdownDescription: "Only disks in this zone."},
			"name":              schema.StringAttribute{Optional: true, MarkdownDescription: "Only disks whose name contains this text."},
			"instance_id":       schema.StringAttribute{Optional: true, MarkdownDescription: "Only disks attached to this instance."},
			"resource_group_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only disks in this resource group."},
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only disks in this status: one of `" + strings.Join(diskListStatuses, "`, `") + "`.",
				Validators:          []validator.String{stringvalidator.OneOf(diskListStatuses...)},
			},
			"disk_type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only `DATA` or only `SYSTEM` (boot) disks.",
				Validators:          []validator.String{stringvalidator.OneOf(zenlayer.DiskTypeData, zenlayer.DiskTypeSystem)},
			},
			"tags":     tagsFilter("disks"),
			"tag_keys": tagKeysFilter("disks"),
		},
		Client: (*conns.Client).ZenlayerClient,
		List: func(ctx context.Context, conn *zenlayer.Client, f *diskListModel) ([]zenlayer.Disk, error) {
			var diags diag.Diagnostics
			in := zenlayer.DescribeDisksRequest{
				ZoneID: f.ZoneID.ValueString(), DiskName: f.Name.ValueString(), InstanceID: f.InstanceID.ValueString(),
				ResourceGroupID: f.ResourceGroupID.ValueString(), DiskStatus: f.Status.ValueString(), DiskType: f.DiskType.ValueString(),
				Tags: zenlayer.TagFilter(framework.KnownStringMap(ctx, f.Tags, &diags)), TagKeys: framework.Strings(ctx, f.TagKeys, &diags),
			}
			if err := framework.DiagsError(diags); err != nil {
				return nil, err
			}
			return conn.DescribeDisks(ctx, in)
		},
		Finder:      diskFinder,
		ID:          func(d *zenlayer.Disk) string { return d.DiskID },
		SortByID:    true,
		DisplayName: func(d *zenlayer.Disk) string { return d.DiskName },
		Model:       (*diskResourceModel).refresh,
	})
}

// diskListStatuses are the statuses a listed disk can be in: those of the
// data source but the ones on the way out.
var diskListStatuses = []string{
	zenlayer.DiskStatusCreating, zenlayer.DiskStatusAvailable, zenlayer.DiskStatusAttaching, zenlayer.DiskStatusInUse,
	zenlayer.DiskStatusDetaching, zenlayer.DiskStatusChanging, zenlayer.DiskStatusFailed,
}

// tagsFilter is the tags argument of a ZEC list block.
func tagsFilter(what string) schema.MapAttribute {
	return schema.MapAttribute{
		ElementType:         types.StringType,
		Optional:            true,
		MarkdownDescription: "Only " + what + " carrying each of these tags (key and value; at most 20).",
		Validators:          []validator.Map{mapvalidator.SizeAtMost(20), mapvalidator.KeysAre(stringvalidator.LengthBetween(1, 64))},
	}
}

// tagKeysFilter is the tag_keys argument of a ZEC list block.
func tagKeysFilter(what string) schema.ListAttribute {
	return schema.ListAttribute{
		ElementType:         types.StringType,
		Optional:            true,
		MarkdownDescription: "Only " + what + " carrying a tag with each of these keys, whatever its value (at most 20).",
		Validators:          []validator.List{listvalidator.SizeAtMost(20), listvalidator.UniqueValues(), listvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, 64))},
	}
}

type diskListModel struct {
	ZoneID          types.String `tfsdk:"zone_id"`
	Name            types.String `tfsdk:"name"`
	InstanceID      types.String `tfsdk:"instance_id"`
	ResourceGroupID types.String `tfsdk:"resource_group_id"`
	Status          types.String `tfsdk:"status"`
	DiskType        types.String `tfsdk:"disk_type"`
	Tags            types.Map    `tfsdk:"tags"`
	TagKeys         types.List   `tfsdk:"tag_keys"`
}
