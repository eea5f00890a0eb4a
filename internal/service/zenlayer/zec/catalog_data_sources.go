package zec

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The lookups of the ZEC catalogue: zones, images, instance types and the
// account's key pairs, so that a configuration needs no ids copied from a
// console. Each is a framework.Lookup of the API's Describe action
// (zec20250901 DescribeZones, DescribeImages,
// DescribeZoneInstanceConfigInfos; ccs20250901 DescribeKeyPairs) with the
// filters it takes.

// NewZonesDataSource is the constructor of cloudcompute_zenlayer_zec_zones.
func NewZonesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Lookup[zonesModel, zenlayer.Client, zenlayer.ZECZone]{
		TypeSuffix:  "zenlayer_zec_zones",
		Description: "Lists the zones that sell Zenlayer Elastic Compute (ZEC `DescribeZones`).",
		What:        "listing ZEC zones",
		Filters: framework.Filters{
			"ids": framework.IDsFilter("Zone", zenlayer.MaxIDsPerCall),
		},
		Items:            "zones",
		ItemsDescription: "The zones, sorted by id.",
		Columns: []framework.Column[zenlayer.ZECZone]{
			framework.StringColumn("id", "Zone id, for example `asia-east-1a` (a ZEC disk's or instance's `zone_id`).",
				func(z *zenlayer.ZECZone) string { return z.ZoneID }),
			framework.StringColumn("region_id", "Region of the zone, for example `asia-east-1`.",
				func(z *zenlayer.ZECZone) string { return z.RegionID }),
			framework.StringColumn("name", "Zone name.", func(z *zenlayer.ZECZone) string { return z.ZoneName }),
			framework.StringColumn("time_zone", "Time zone of the zone, for example `Asia/Hong_Kong`.",
				func(z *zenlayer.ZECZone) string { return z.TimeZone }),
			framework.StringColumn("city_name", "City of the zone.", func(z *zenlayer.ZECZone) string { return z.CityName }),
			framework.StringColumn("city_code", "Three-letter code of the city, for example `HKG`.",
				func(z *zenlayer.ZECZone) string { return z.CityCode }),
			framework.StringColumn("country_code", "Country of the zone, ISO 3166-1 alpha-2 (for example `US`).",
				func(z *zenlayer.ZECZone) string { return z.CountryCode }),
			framework.StringColumn("country_name", "Country of the zone.", func(z *zenlayer.ZECZone) string { return z.CountryName }),
			framework.BoolColumn("support_ha_vip", "Whether the zone supports high-availability virtual IPs.",
				func(z *zenlayer.ZECZone) bool { return z.SupportHaVip }),
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *zonesModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, _ *zonesModel, ids []string) ([]zenlayer.ZECZone, error) {
			return conn.DescribeZECZones(ctx, ids)
		},
		Key: func(z *zenlayer.ZECZone) string { return z.ZoneID },
	})
}

type zonesModel struct {
	IDs   types.List `tfsdk:"ids"`
	Zones types.List `tfsdk:"zones"`
}

// The enums of DescribeImages (zenlayercloud-cli apis/en-US/zec/describe-images.yaml).
var (
	imageTypes    = []string{"PUBLIC_IMAGE", "CUSTOM_IMAGE"}
	imageSources  = []string{"OFFICIAL", "MARKETING", "CUSTOM"}
	imageOSTypes  = []string{"linux", "bsd", "windows", "android", "any"}
	imageStatuses = []string{"CREATING", "AVAILABLE", "UNAVAILABLE", "SYNCING", "FAILED", "DELETING", "PROCESSING"}
)

// NewImagesDataSource is the constructor of cloudcompute_zenlayer_zec_images.
func NewImagesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Lookup[imagesModel, zenlayer.Client, zenlayer.ZECImage]{
		TypeSuffix: "zenlayer_zec_images",
		Description: "Lists the images a Zenlayer ZEC instance of a zone can run (ZEC `DescribeImages`), filtered as the API " +
			"filters. All filters are combined.",
		What: "listing ZEC images",
		Filters: framework.Filters{
			"zone_id":      framework.RequiredFilter("Zone whose images are listed (the API requires it)."),
			"ids":          framework.IDsFilter("Image", zenlayer.MaxIDsPerCall),
			"name":         framework.StringFilter("Only images whose name contains this text (the API's fuzzy match)."),
			"category":     framework.StringFilter("Only images of this category, for example `Ubuntu`, `Debian` or `Windows`."),
			"image_type":   framework.OneOfFilter("Only images of this type", imageTypes...),
			"image_source": framework.OneOfFilter("Only images of this source", imageSources...),
			"os_type":      framework.OneOfFilter("Only images of this operating system type (`any` is any other, a Generic image)", imageOSTypes...),
			"status":       framework.OneOfFilter("Only images in this status", imageStatuses...),
			"tags":         zentags.Filter("images"),
		},
		Items:            "images",
		ItemsDescription: "The matching images, sorted by id.",
		Columns: []framework.Column[zenlayer.ZECImage]{
			framework.StringColumn("id", "Image id (a ZEC instance's `image_id`).", func(i *zenlayer.ZECImage) string { return i.ImageID }),
			framework.StringColumn("name", "Image name.", func(i *zenlayer.ZECImage) string { return i.ImageName }),
			framework.StringColumn("image_type", "`PUBLIC_IMAGE` or `CUSTOM_IMAGE`.", func(i *zenlayer.ZECImage) string { return i.ImageType }),
			framework.StringColumn("image_source", "`OFFICIAL`, `MARKETING` or `CUSTOM`.",
				func(i *zenlayer.ZECImage) string { return i.ImageSource }),
			framework.StringColumn("size", "Image size, as the API gives it (GiB).", func(i *zenlayer.ZECImage) string { return i.ImageSize }),
			framework.StringColumn("description", "Image description.", func(i *zenlayer.ZECImage) string { return i.ImageDescription }),
			framework.StringColumn("version", "Image version, for example `22.04 LTS`.",
				func(i *zenlayer.ZECImage) string { return i.ImageVersion }),
			framework.StringColumn("status", "Image status, for example `AVAILABLE`.", func(i *zenlayer.ZECImage) string { return i.ImageStatus }),
			framework.StringsColumn("nic_network_types", "vNIC types the image supports (`Auto`, `FailOver`, `VirtioOnly`, `VfOnly`).",
				func(i *zenlayer.ZECImage) []string { return i.NicNetworkType }),
			framework.StringColumn("category", "Image category, for example `Ubuntu`.", func(i *zenlayer.ZECImage) string { return i.Category }),
			framework.StringColumn("os_type", "Operating system type: `linux`, `bsd`, `windows`, `android` or `any`.",
				func(i *zenlayer.ZECImage) string { return i.OSType }),
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *imagesModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *imagesModel, ids []string) ([]zenlayer.ZECImage, error) {
			return conn.DescribeZECImages(ctx, zenlayer.DescribeZECImagesRequest{
				ZoneID: f.ZoneID.ValueString(), ImageIDs: ids, ImageName: f.Name.ValueString(), Category: f.Category.ValueString(),
				ImageType: f.ImageType.ValueString(), ImageSource: f.ImageSource.ValueString(), OSType: f.OSType.ValueString(),
				ImageStatus: f.Status.ValueString(), TagFilters: zenlayer.TagFilters{Tags: zentags.FilterTags(ctx, f.Tags)},
			})
		},
		Key: func(i *zenlayer.ZECImage) string { return i.ImageID },
	})
}

type imagesModel struct {
	ZoneID      types.String `tfsdk:"zone_id"`
	IDs         types.List   `tfsdk:"ids"`
	Name        types.String `tfsdk:"name"`
	Category    types.String `tfsdk:"category"`
	ImageType   types.String `tfsdk:"image_type"`
	ImageSource types.String `tfsdk:"image_source"`
	OSType      types.String `tfsdk:"os_type"`
	Status      types.String `tfsdk:"status"`
	Tags        types.Map    `tfsdk:"tags"`
	Images      types.List   `tfsdk:"images"`
}

// NewInstanceTypesDataSource is the constructor of cloudcompute_zenlayer_zec_instance_types.
func NewInstanceTypesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Lookup[instanceTypesModel, zenlayer.Client, zenlayer.ZECInstanceType]{
		TypeSuffix: "zenlayer_zec_instance_types",
		Description: "Lists the Zenlayer ZEC instance types each zone sells (ZEC `DescribeZoneInstanceConfigInfos`), one item per " +
			"zone and type, smallest first. The API filters by zone and type; the CPU, memory and stock filters are applied to its answer.",
		What: "listing ZEC instance types",
		Filters: framework.Filters{
			"zone_id":       framework.StringFilter("Only the types of this zone."),
			"instance_type": framework.StringFilter("Only this type, for example `z2a.cpu.1`."),
			"min_cpu_count": framework.Int64Filter("At least this many CPU cores."),
			"max_cpu_count": framework.Int64Filter("At most this many CPU cores."),
			"min_memory":    framework.Int64Filter("At least this much memory (GiB)."),
			"max_memory":    framework.Int64Filter("At most this much memory (GiB)."),
			"with_stock":    framework.BoolFilter("Only types in stock (`true`) or out of stock (`false`)."),
		},
		Items:            "instance_types",
		ItemsDescription: "The matching types, sorted by CPU cores, memory, id and zone (the smallest first).",
		Columns: []framework.Column[zenlayer.ZECInstanceType]{
			framework.StringColumn("id", "Instance type (a ZEC instance's `instance_type`).",
				func(t *zenlayer.ZECInstanceType) string { return t.InstanceType }),
			framework.StringColumn("zone_id", "Zone that sells it.", func(t *zenlayer.ZECInstanceType) string { return t.ZoneID }),
			framework.StringColumn("name", "Name of the type.", func(t *zenlayer.ZECInstanceType) string { return t.InstanceTypeName }),
			framework.Int64Column("cpu_count", "CPU cores.", func(t *zenlayer.ZECInstanceType) int { return t.CPUCount }),
			framework.Int64Column("memory", "Memory (GiB).", func(t *zenlayer.ZECInstanceType) int { return t.Memory }),
			framework.Int64Column("bps", "Bandwidth cap per vNIC (bits per second).", func(t *zenlayer.ZECInstanceType) int64 { return t.Bps }),
			framework.Int64Column("pps", "Packet rate cap per vNIC (packets per second).",
				func(t *zenlayer.ZECInstanceType) int64 { return t.Pps }),
			framework.Int64Column("internet_max_bandwidth_out_limit", "Outbound public bandwidth cap (Mbps).",
				func(t *zenlayer.ZECInstanceType) int { return t.InternetMaxBandwidthOutLimit }),
			framework.BoolColumn("with_stock", "Whether the zone has it in stock.", func(t *zenlayer.ZECInstanceType) bool { return t.WithStock }),
			framework.StringsColumn("internet_charge_types", "How its public traffic can be billed (a ZEC instance's `public_network.internet_charge_type`).",
				func(t *zenlayer.ZECInstanceType) []string { return t.InternetChargeTypes }),
		},
		Client: (*conns.Client).ZenlayerClient,
		List: func(ctx context.Context, conn *zenlayer.Client, f *instanceTypesModel, _ []string) ([]zenlayer.ZECInstanceType, error) {
			all, err := conn.DescribeZECInstanceTypes(ctx, f.ZoneID.ValueString(), f.InstanceType.ValueString())
			if err != nil {
				return nil, err
			}
			return slices.DeleteFunc(all, func(t zenlayer.ZECInstanceType) bool { return !f.keeps(&t) }), nil
		},
		// Smallest first: instance_types[0] is the smallest type that passes the filters.
		Key: func(t *zenlayer.ZECInstanceType) string {
			return fmt.Sprintf("%06d %08d %s %s", t.CPUCount, t.Memory, t.InstanceType, t.ZoneID)
		},
	})
}

type instanceTypesModel struct {
	ZoneID        types.String `tfsdk:"zone_id"`
	InstanceType  types.String `tfsdk:"instance_type"`
	MinCPU        types.Int64  `tfsdk:"min_cpu_count"`
	MaxCPU        types.Int64  `tfsdk:"max_cpu_count"`
	MinMemory     types.Int64  `tfsdk:"min_memory"`
	MaxMemory     types.Int64  `tfsdk:"max_memory"`
	WithStock     types.Bool   `tfsdk:"with_stock"`
	InstanceTypes types.List   `tfsdk:"instance_types"`
}

// keeps applies the filters the API does not take.
func (f *instanceTypesModel) keeps(t *zenlayer.ZECInstanceType) bool {
	within := func(v int, lo, hi types.Int64) bool {
		return (lo.IsNull() || int64(v) >= lo.ValueInt64()) && (hi.IsNull() || int64(v) <= hi.ValueInt64())
	}
	return within(t.CPUCount, f.MinCPU, f.MaxCPU) && within(t.Memory, f.MinMemory, f.MaxMemory) &&
		(f.WithStock.IsNull() || f.WithStock.ValueBool() == t.WithStock)
}

// NewKeyPairsDataSource is the constructor of cloudcompute_zenlayer_zec_key_pairs.
func NewKeyPairsDataSource() datasource.DataSource {
	return framework.NewListing(framework.Lookup[keyPairsModel, zenlayer.Client, zenlayer.KeyPair]{
		TypeSuffix: "zenlayer_zec_key_pairs",
		Description: "Lists the SSH key pairs of the Zenlayer account (`DescribeKeyPairs` of the key pair service, `ccs`), " +
			"whose ids a ZEC instance's `key_id` takes.",
		What: "listing key pairs",
		Filters: framework.Filters{
			"ids":  framework.IDsFilter("Key pair", zenlayer.MaxIDsPerCall),
			"name": framework.StringFilter("Only key pairs whose name contains this text (the API's fuzzy match)."),
		},
		Items:            "key_pairs",
		ItemsDescription: "The matching key pairs, sorted by id.",
		Columns: []framework.Column[zenlayer.KeyPair]{
			framework.StringColumn("id", "Key pair id (a ZEC instance's `key_id`).", func(k *zenlayer.KeyPair) string { return k.KeyID }),
			framework.StringColumn("name", "Key pair name.", func(k *zenlayer.KeyPair) string { return k.KeyName }),
			framework.StringColumn("public_key", "Public key, in OpenSSH form.", func(k *zenlayer.KeyPair) string { return k.PublicKey }),
			framework.StringColumn("description", "Description of the key pair.", func(k *zenlayer.KeyPair) string { return k.KeyDescription }),
			framework.StringColumn("create_time", "When the key pair was created (`YYYY-MM-ddTHH:mm:ssZ`).",
				func(k *zenlayer.KeyPair) string { return k.CreateTime }),
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *keyPairsModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *keyPairsModel, ids []string) ([]zenlayer.KeyPair, error) {
			return conn.DescribeKeyPairs(ctx, zenlayer.DescribeKeyPairsRequest{KeyIDs: ids, KeyName: f.Name.ValueString()})
		},
		Key: func(k *zenlayer.KeyPair) string { return k.KeyID },
	})
}

type keyPairsModel struct {
	IDs      types.List   `tfsdk:"ids"`
	Name     types.String `tfsdk:"name"`
	KeyPairs types.List   `tfsdk:"key_pairs"`
}
