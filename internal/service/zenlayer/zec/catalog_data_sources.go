package zec

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
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
		Attributes: map[string]schema.Attribute{
			"id":             framework.ComputedString("Zone id, for example `asia-east-1a` (a ZEC disk's or instance's `zone_id`)."),
			"region_id":      framework.ComputedString("Region of the zone, for example `asia-east-1`."),
			"name":           framework.ComputedString("Zone name."),
			"time_zone":      framework.ComputedString("Time zone of the zone, for example `Asia/Hong_Kong`."),
			"city_name":      framework.ComputedString("City of the zone."),
			"city_code":      framework.ComputedString("Three-letter code of the city, for example `HKG`."),
			"country_code":   framework.ComputedString("Country of the zone, ISO 3166-1 alpha-2 (for example `US`)."),
			"country_name":   framework.ComputedString("Country of the zone."),
			"support_ha_vip": framework.ComputedBool("Whether the zone supports high-availability virtual IPs."),
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *zonesModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, _ *zonesModel, ids []string) ([]zenlayer.ZECZone, error) {
			return conn.DescribeZECZones(ctx, ids)
		},
		Key: func(z *zenlayer.ZECZone) string { return z.ZoneID },
		Item: func(z *zenlayer.ZECZone) any {
			return zoneItem{ID: z.ZoneID, RegionID: z.RegionID, Name: z.ZoneName, TimeZone: z.TimeZone, CityName: z.CityName,
				CityCode: z.CityCode, CountryCode: z.CountryCode, CountryName: z.CountryName, SupportHaVip: z.SupportHaVip}
		},
	})
}

type zonesModel struct {
	IDs   types.List `tfsdk:"ids"`
	Zones types.List `tfsdk:"zones"`
}

type zoneItem struct {
	ID           string `tfsdk:"id"`
	RegionID     string `tfsdk:"region_id"`
	Name         string `tfsdk:"name"`
	TimeZone     string `tfsdk:"time_zone"`
	CityName     string `tfsdk:"city_name"`
	CityCode     string `tfsdk:"city_code"`
	CountryCode  string `tfsdk:"country_code"`
	CountryName  string `tfsdk:"country_name"`
	SupportHaVip bool   `tfsdk:"support_ha_vip"`
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
			"tags":         framework.MapFilter(zentags.Filter("images")),
		},
		Items:            "images",
		ItemsDescription: "The matching images, sorted by id.",
		Attributes: map[string]schema.Attribute{
			"id":                framework.ComputedString("Image id (a ZEC instance's `image_id`)."),
			"name":              framework.ComputedString("Image name."),
			"image_type":        framework.ComputedString("`PUBLIC_IMAGE` or `CUSTOM_IMAGE`."),
			"image_source":      framework.ComputedString("`OFFICIAL`, `MARKETING` or `CUSTOM`."),
			"size":              framework.ComputedString("Image size, as the API gives it (GiB)."),
			"description":       framework.ComputedString("Image description."),
			"version":           framework.ComputedString("Image version, for example `22.04 LTS`."),
			"status":            framework.ComputedString("Image status, for example `AVAILABLE`."),
			"nic_network_types": framework.ComputedStrings("vNIC types the image supports (`Auto`, `FailOver`, `VirtioOnly`, `VfOnly`)."),
			"category":          framework.ComputedString("Image category, for example `Ubuntu`."),
			"os_type":           framework.ComputedString("Operating system type: `linux`, `bsd`, `windows`, `android` or `any`."),
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *imagesModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *imagesModel, ids []string) ([]zenlayer.ZECImage, error) {
			return conn.DescribeZECImages(ctx, zenlayer.DescribeZECImagesRequest{
				ZoneID: f.ZoneID.ValueString(), ImageIDs: ids, ImageName: f.Name.ValueString(), Category: f.Category.ValueString(),
				ImageType: f.ImageType.ValueString(), ImageSource: f.ImageSource.ValueString(), OSType: f.OSType.ValueString(),
				ImageStatus: f.Status.ValueString(), Tags: zentags.FilterTags(ctx, f.Tags),
			})
		},
		Key: func(i *zenlayer.ZECImage) string { return i.ImageID },
		Item: func(i *zenlayer.ZECImage) any {
			return imageItem{ID: i.ImageID, Name: i.ImageName, ImageType: i.ImageType, ImageSource: i.ImageSource, Size: i.ImageSize,
				Description: i.ImageDescription, Version: i.ImageVersion, Status: i.ImageStatus,
				NicNetworkTypes: append([]string{}, i.NicNetworkType...), Category: i.Category, OSType: i.OSType}
		},
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

type imageItem struct {
	ID              string   `tfsdk:"id"`
	Name            string   `tfsdk:"name"`
	ImageType       string   `tfsdk:"image_type"`
	ImageSource     string   `tfsdk:"image_source"`
	Size            string   `tfsdk:"size"`
	Description     string   `tfsdk:"description"`
	Version         string   `tfsdk:"version"`
	Status          string   `tfsdk:"status"`
	NicNetworkTypes []string `tfsdk:"nic_network_types"`
	Category        string   `tfsdk:"category"`
	OSType          string   `tfsdk:"os_type"`
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
		Attributes: map[string]schema.Attribute{
			"id":                               framework.ComputedString("Instance type (a ZEC instance's `instance_type`)."),
			"zone_id":                          framework.ComputedString("Zone that sells it."),
			"name":                             framework.ComputedString("Name of the type."),
			"cpu_count":                        framework.ComputedInt64("CPU cores."),
			"memory":                           framework.ComputedInt64("Memory (GiB)."),
			"bps":                              framework.ComputedInt64("Bandwidth cap per vNIC (bits per second)."),
			"pps":                              framework.ComputedInt64("Packet rate cap per vNIC (packets per second)."),
			"internet_max_bandwidth_out_limit": framework.ComputedInt64("Outbound public bandwidth cap (Mbps)."),
			"with_stock":                       framework.ComputedBool("Whether the zone has it in stock."),
			"internet_charge_types":            framework.ComputedStrings("How its public traffic can be billed (a ZEC instance's `public_network.internet_charge_type`)."),
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
		Item: func(t *zenlayer.ZECInstanceType) any {
			return instanceTypeItem{ID: t.InstanceType, ZoneID: t.ZoneID, Name: t.InstanceTypeName, CPUCount: int64(t.CPUCount),
				Memory: int64(t.Memory), Bps: t.Bps, Pps: t.Pps, InternetMaxBandwidthOutLimit: int64(t.InternetMaxBandwidthOutLimit),
				WithStock: t.WithStock, InternetChargeTypes: append([]string{}, t.InternetChargeTypes...)}
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

type instanceTypeItem struct {
	ID                           string   `tfsdk:"id"`
	ZoneID                       string   `tfsdk:"zone_id"`
	Name                         string   `tfsdk:"name"`
	CPUCount                     int64    `tfsdk:"cpu_count"`
	Memory                       int64    `tfsdk:"memory"`
	Bps                          int64    `tfsdk:"bps"`
	Pps                          int64    `tfsdk:"pps"`
	InternetMaxBandwidthOutLimit int64    `tfsdk:"internet_max_bandwidth_out_limit"`
	WithStock                    bool     `tfsdk:"with_stock"`
	InternetChargeTypes          []string `tfsdk:"internet_charge_types"`
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
		Attributes: map[string]schema.Attribute{
			"id":          framework.ComputedString("Key pair id (a ZEC instance's `key_id`)."),
			"name":        framework.ComputedString("Key pair name."),
			"public_key":  framework.ComputedString("Public key, in OpenSSH form."),
			"description": framework.ComputedString("Description of the key pair."),
			"create_time": framework.ComputedString("When the key pair was created (`YYYY-MM-ddTHH:mm:ssZ`)."),
		},
		Client: (*conns.Client).ZenlayerClient,
		IDs:    func(f *keyPairsModel) types.List { return f.IDs },
		List: func(ctx context.Context, conn *zenlayer.Client, f *keyPairsModel, ids []string) ([]zenlayer.KeyPair, error) {
			return conn.DescribeKeyPairs(ctx, zenlayer.DescribeKeyPairsRequest{KeyIDs: ids, KeyName: f.Name.ValueString()})
		},
		Key: func(k *zenlayer.KeyPair) string { return k.KeyID },
		Item: func(k *zenlayer.KeyPair) any {
			return keyPairItem{ID: k.KeyID, Name: k.KeyName, PublicKey: k.PublicKey, Description: k.KeyDescription, CreateTime: k.CreateTime}
		},
	})
}

type keyPairsModel struct {
	IDs      types.List   `tfsdk:"ids"`
	Name     types.String `tfsdk:"name"`
	KeyPairs types.List   `tfsdk:"key_pairs"`
}

type keyPairItem struct {
	ID          string `tfsdk:"id"`
	Name        string `tfsdk:"name"`
	PublicKey   string `tfsdk:"public_key"`
	Description string `tfsdk:"description"`
	CreateTime  string `tfsdk:"create_time"`
}
