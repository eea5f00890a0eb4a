package bmc

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The lookups of the BMC catalogue: zones, images and instance types, so
// that a configuration needs no ids copied from a console. Each is a
// framework.Lookup of the API's Describe action with the filters it takes.

// NewZonesDataSource is the constructor of cloudcompute_zenlayer_bmc_zones.
func NewZonesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Lookup[zonesModel, zenlayer.Client, zenlayer.BMCZone]{
		TypeSuffix:  "zenlayer_bmc_zones",
		Description: "Lists the zones that sell Zenlayer bare metal (BMC `DescribeZones`).",
		What:        "listing BMC zones",
		Filters: framework.Filters{
			"ids": framework.StringsFilter("Only these zones."),
		},
		Items:            "zones",
		ItemsDescription: "The zones, sorted by id.",
		Columns: []framework.Column[zenlayer.BMCZone]{
			framework.StringColumn("id", "Zone id, for example `SEL-A` (a BMC instance's `zone_id`).",
				func(z *zenlayer.BMCZone) string { return z.ZoneID }),
			framework.StringColumn("name", "Zone name.", func(z *zenlayer.BMCZone) string { return z.ZoneName }),
			framework.StringColumn("city_name", "City of the zone.", func(z *zenlayer.BMCZone) string { return z.CityName }),
			framework.StringColumn("area_name", "Area of the zone.", func(z *zenlayer.BMCZone) string { return z.AreaName }),
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *zonesModel) types.List { return f.IDs },
		// The API does not filter zones: the ids filter is applied here.
		List: func(ctx context.Context, conn *zenlayer.Client, _ *zonesModel, ids []string) ([]zenlayer.BMCZone, error) {
			zones, err := conn.DescribeBMCZones(ctx)
			if err != nil || ids == nil {
				return zones, err
			}
			return slices.DeleteFunc(zones, func(z zenlayer.BMCZone) bool { return !slices.Contains(ids, z.ZoneID) }), nil
		},
		Key: func(z *zenlayer.BMCZone) string { return z.ZoneID },
	})
}

type zonesModel struct {
	IDs   types.List `tfsdk:"ids"`
	Zones types.List `tfsdk:"zones"`
}

// NewImagesDataSource is the constructor of cloudcompute_zenlayer_bmc_images.
func NewImagesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Lookup[imagesModel, zenlayer.Client, zenlayer.BMCImage]{
		TypeSuffix:  "zenlayer_bmc_images",
		Description: "Lists the operating system images Zenlayer bare metal can install (BMC `DescribeImages`), filtered as the API filters.",
		What:        "listing BMC images",
		Filters: framework.Filters{
			"ids":              framework.IDsFilter("Image", zenlayer.MaxIDsPerCall),
			"name":             framework.StringFilter("Only images whose name contains this text."),
			"catalog":          framework.StringFilter("Only images of this catalogue, for example `ubuntu` or `windows`."),
			"os_type":          framework.StringFilter("Only images of this OS type, for example `linux` or `windows`."),
			"instance_type_id": framework.StringFilter("Only images this instance type can install."),
			"image_type":       framework.StringFilter("`PUBLIC_IMAGE` or `CUSTOM_IMAGE`.", stringvalidator.OneOf("PUBLIC_IMAGE", "CUSTOM_IMAGE")),
		},
		Items:            "images",
		ItemsDescription: "The matching images, sorted by id.",
		Columns: []framework.Column[zenlayer.BMCImage]{
			framework.StringColumn("id", "Image id (a BMC instance's `image_id`).", func(i *zenlayer.BMCImage) string { return i.ImageID }),
			framework.StringColumn("name", "Image name.", func(i *zenlayer.BMCImage) string { return i.ImageName }),
			framework.StringColumn("catalog", "Catalogue, for example `ubuntu`.", func(i *zenlayer.BMCImage) string { return i.Catalog }),
			framework.StringColumn("image_type", "`PUBLIC_IMAGE` or `CUSTOM_IMAGE`.", func(i *zenlayer.BMCImage) string { return i.ImageType }),
			framework.StringColumn("os_type", "OS type, for example `linux`.", func(i *zenlayer.BMCImage) string { return i.OSType }),
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *imagesModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *imagesModel, ids []string) ([]zenlayer.BMCImage, error) {
			return conn.DescribeBMCImages(ctx, zenlayer.DescribeBMCImagesRequest{
				ImageIDs: ids, ImageName: f.Name.ValueString(), Catalog: f.Catalog.ValueString(), OSType: f.OSType.ValueString(),
				InstanceTypeID: f.InstanceTypeID.ValueString(), ImageType: f.ImageType.ValueString(),
			})
		},
		Key: func(i *zenlayer.BMCImage) string { return i.ImageID },
	})
}

type imagesModel struct {
	IDs            types.List   `tfsdk:"ids"`
	Name           types.String `tfsdk:"name"`
	Catalog        types.String `tfsdk:"catalog"`
	OSType         types.String `tfsdk:"os_type"`
	InstanceTypeID types.String `tfsdk:"instance_type_id"`
	ImageType      types.String `tfsdk:"image_type"`
	Images         types.List   `tfsdk:"images"`
}

// NewInstanceTypesDataSource is the constructor of cloudcompute_zenlayer_bmc_instance_types.
func NewInstanceTypesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Lookup[instanceTypesModel, zenlayer.Client, zenlayer.BMCInstanceType]{
		TypeSuffix: "zenlayer_bmc_instance_types",
		Description: "Lists Zenlayer bare-metal instance types (hardware models, BMC `DescribeInstanceTypes`), filtered by " +
			"CPU, memory, bandwidth, disk, RAID, subnet and HA support as the API filters.",
		What: "listing BMC instance types",
		Filters: framework.Filters{
			"ids":            framework.IDsFilter("Instance type", zenlayer.MaxIDsPerCall),
			"image_id":       framework.StringFilter("Only types that can install this image."),
			"min_cpu_cores":  framework.Int64Filter("At least this many CPU cores."),
			"max_cpu_cores":  framework.Int64Filter("At most this many CPU cores."),
			"min_memory":     framework.Int64Filter("At least this much memory (GB)."),
			"max_memory":     framework.Int64Filter("At most this much memory (GB)."),
			"min_bandwidth":  framework.Int64Filter("A maximum public bandwidth of at least this (Mbps)."),
			"min_disk_size":  framework.Int64Filter("At least this much disk in total (GB)."),
			"max_disk_size":  framework.Int64Filter("At most this much disk in total (GB)."),
			"support_subnet": framework.BoolFilter("Only types that can (`true`) or cannot join a private subnet."),
			"is_ha":          framework.BoolFilter("Only high-availability (bonded NIC) types, or only others."),
			"support_raids":  framework.Int64sFilter("Only types that support every one of these fast RAID levels."),
		},
		Items:            "instance_types",
		ItemsDescription: "The matching instance types, sorted by id.",
		Columns: []framework.Column[zenlayer.BMCInstanceType]{
			framework.StringColumn("id", "Instance type id (a BMC instance's `instance_type_id`).",
				func(t *zenlayer.BMCInstanceType) string { return t.InstanceTypeID }),
			framework.StringColumn("description", "The hardware, as the API describes it.",
				func(t *zenlayer.BMCInstanceType) string { return t.Description }),
			framework.Int64Column("cpu_cores", "CPU cores.", func(t *zenlayer.BMCInstanceType) int { return t.CPUCoreCount }),
			framework.Int64Column("memory", "Memory (GB).", func(t *zenlayer.BMCInstanceType) int { return t.MemorySize }),
			framework.Int64Column("max_bandwidth", "Maximum public bandwidth (Mbps).",
				func(t *zenlayer.BMCInstanceType) int { return t.MaximumBandwidth }),
			framework.Int64Column("total_disk_size", "Disk in total (GB).",
				func(t *zenlayer.BMCInstanceType) int { return t.DiskInfo.TotalDiskSize }),
			framework.StringColumn("disk_description", "The disks, as the API describes them.",
				func(t *zenlayer.BMCInstanceType) string { return t.DiskInfo.DiskDescription }),
			framework.BoolColumn("support_subnet", "Whether it can join a private subnet.",
				func(t *zenlayer.BMCInstanceType) bool { return t.SupportSubnet }),
			framework.BoolColumn("is_ha", "Whether it is a high-availability (bonded NIC) type.",
				func(t *zenlayer.BMCInstanceType) bool { return t.IsHA }),
			framework.Int64sColumn("support_raids", "Fast RAID levels it supports (`raid_type`).",
				func(t *zenlayer.BMCInstanceType) []int { return t.SupportRaids }),
			framework.StringsColumn("image_ids", "Images it can install.", func(t *zenlayer.BMCInstanceType) []string { return t.ImageIDs }),
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *instanceTypesModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *instanceTypesModel, ids []string) ([]zenlayer.BMCInstanceType, error) {
			var raids []int64
			if !f.SupportRaids.IsNull() {
				if diags := f.SupportRaids.ElementsAs(ctx, &raids, false); diags.HasError() {
					return nil, fmt.Errorf("support_raids: %v", diags)
				}
			}
			return conn.DescribeBMCInstanceTypes(ctx, zenlayer.DescribeBMCInstanceTypesRequest{
				InstanceTypeIDs: ids, ImageID: f.ImageID.ValueString(),
				MinimumCPUCoreCount: f.MinCPU.ValueInt64Pointer(), MaximumCPUCoreCount: f.MaxCPU.ValueInt64Pointer(),
				MinimumMemorySize: f.MinMemory.ValueInt64Pointer(), MaximumMemorySize: f.MaxMemory.ValueInt64Pointer(),
				MinimumBandwidth: f.MinBandwidth.ValueInt64Pointer(), MinimumDiskSize: f.MinDisk.ValueInt64Pointer(),
				MaximumDiskSize: f.MaxDisk.ValueInt64Pointer(), SupportSubnet: f.SupportSubnet.ValueBoolPointer(),
				IsHA: f.IsHA.ValueBoolPointer(), SupportRaids: raids,
			})
		},
		Key: func(t *zenlayer.BMCInstanceType) string { return t.InstanceTypeID },
	})
}

type instanceTypesModel struct {
	IDs           types.List   `tfsdk:"ids"`
	ImageID       types.String `tfsdk:"image_id"`
	MinCPU        types.Int64  `tfsdk:"min_cpu_cores"`
	MaxCPU        types.Int64  `tfsdk:"max_cpu_cores"`
	MinMemory     types.Int64  `tfsdk:"min_memory"`
	MaxMemory     types.Int64  `tfsdk:"max_memory"`
	MinBandwidth  types.Int64  `tfsdk:"min_bandwidth"`
	MinDisk       types.Int64  `tfsdk:"min_disk_size"`
	MaxDisk       types.Int64  `tfsdk:"max_disk_size"`
	SupportSubnet types.Bool   `tfsdk:"support_subnet"`
	IsHA          types.Bool   `tfsdk:"is_ha"`
	SupportRaids  types.List   `tfsdk:"support_raids"`
	InstanceTypes types.List   `tfsdk:"instance_types"`
}
