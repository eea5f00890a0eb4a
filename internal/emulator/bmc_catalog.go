package emulator

import (
	"net/http"
	"slices"
	"strings"
)

// The BMC emulator's fixed catalogue: zones, instance types, images and
// subnets. Every instance type is sold in every zone and takes every image.

type bmcZone struct {
	ZoneID, ZoneName, CityName, AreaName string
	// CloudRouter is isCloudRouterAvailable, BYOIP isByoipEnabled (2026-02-01).
	CloudRouter, BYOIP bool
}

var bmcZones = []bmcZone{
	{ZoneID: "SEL-A", ZoneName: "Seoul A", CityName: "Seoul", AreaName: "Asia Pacific", CloudRouter: true},
	{ZoneID: "HKG-A", ZoneName: "Hong Kong A", CityName: "Hong Kong", AreaName: "Asia Pacific", CloudRouter: true, BYOIP: true},
	{ZoneID: "LAX-A", ZoneName: "Los Angeles A", CityName: "Los Angeles", AreaName: "North America", BYOIP: true},
	{ZoneID: "FRA-A", ZoneName: "Frankfurt A", CityName: "Frankfurt", AreaName: "Europe"},
}

var bmcZoneNamesZH = map[string]string{"SEL-A": "首尔A", "HKG-A": "香港A", "LAX-A": "洛杉矶A", "FRA-A": "法兰克福A"}

type bmcDisk struct {
	DiskSize  int `json:"diskSize"`
	DiskCount int `json:"diskCount"`
}

type bmcDiskInfo struct {
	TotalDiskSize   int       `json:"totalDiskSize"`
	DiskDescription string    `json:"diskDescription"`
	Disks           []bmcDisk `json:"disks"`
}

// bmcInstanceType is an instance type of the catalogue; wire is its InstanceType.
type bmcInstanceType struct {
	InstanceTypeID, Description  string
	CPUCoreCount                 int
	CPUDetail, BaseFrequency     string
	CPUThreads                   int
	MemorySize, MaximumBandwidth int
	SupportRaids                 []int
	SupportSubnet, IsHA          bool
	DiskInfo                     bmcDiskInfo

	// defaultTrafficPackage is the free traffic package (TB) of ByTrafficPackage.
	defaultTrafficPackage float64
}

// wire is the type as DescribeInstanceTypes (with the images it takes) and
// DescribeInstances (imageIds nil) answer it. The catalogue has no GPU
// types: vpuVendor, vpuCard and vpuCount (2026-02-01) are null.
func (t *bmcInstanceType) wire(imageIDs []string) map[string]any {
	return map[string]any{
		"imageIds": imageIDs, "instanceTypeId": t.InstanceTypeID, "description": t.Description, "cpuCoreCount": t.CPUCoreCount,
		"cpuDetail": t.CPUDetail, "cpuCores": t.CPUCoreCount, "cpuThreads": t.CPUThreads, "baseFrequency": t.BaseFrequency,
		"memorySize": t.MemorySize, "maximumBandwidth": t.MaximumBandwidth, "supportRaids": t.SupportRaids,
		"supportSubnet": t.SupportSubnet, "isHA": t.IsHA, "diskInfo": t.DiskInfo,
	}
}

var bmcInstanceTypes = []bmcInstanceType{
	{
		InstanceTypeID: "S9I", Description: "Intel E-2278G, 8 cores, 32 GB, 2 x 480 GB SSD",
		CPUCoreCount: 8, CPUDetail: "Intel Xeon E-2278G", CPUThreads: 16, BaseFrequency: "3.4GHz", MemorySize: 32, MaximumBandwidth: 1000, SupportRaids: []int{0, 1}, SupportSubnet: true,
		DiskInfo:              bmcDiskInfo{TotalDiskSize: 960, DiskDescription: "2 x 480 GB SSD", Disks: []bmcDisk{{DiskSize: 480, DiskCount: 2}}},
		defaultTrafficPackage: 10,
	},
	{
		InstanceTypeID: "M6C", Description: "2 x Intel Silver 4214, 24 cores, 128 GB, 4 x 960 GB SSD",
		CPUCoreCount: 24, CPUDetail: "2 x Intel Xeon Silver 4214", CPUThreads: 48, BaseFrequency: "2.2GHz", MemorySize: 128, MaximumBandwidth: 10000, SupportRaids: []int{0, 1, 5, 10}, SupportSubnet: true,
		DiskInfo:              bmcDiskInfo{TotalDiskSize: 3840, DiskDescription: "4 x 960 GB SSD", Disks: []bmcDisk{{DiskSize: 960, DiskCount: 4}}},
		defaultTrafficPackage: 20,
	},
	{
		InstanceTypeID: "L6H", Description: "2 x AMD EPYC 7543, 64 cores, 512 GB, 2 x 960 GB SSD + 2 x 3840 GB NVMe, HA network",
		CPUCoreCount: 64, CPUDetail: "2 x AMD EPYC 7543", CPUThreads: 128, BaseFrequency: "2.8GHz", MemorySize: 512, MaximumBandwidth: 20000, SupportRaids: []int{0, 1, 5, 10}, SupportSubnet: true, IsHA: true,
		DiskInfo: bmcDiskInfo{TotalDiskSize: 9600, DiskDescription: "2 x 960 GB SSD + 2 x 3840 GB NVMe",
			Disks: []bmcDisk{{DiskSize: 960, DiskCount: 2}, {DiskSize: 3840, DiskCount: 2}}},
		defaultTrafficPackage: 50,
	},
}

// bmcImage is an image of the catalogue, as DescribeImages answers it.
type bmcImage struct {
	ImageID   string `json:"imageId"`
	ImageName string `json:"imageName"`
	Catalog   string `json:"catalog"`
	ImageType string `json:"imageType"`
	OSType    string `json:"osType"`
}

var bmcImages = []bmcImage{
	{ImageID: "img-ubuntu-2204", ImageName: "Ubuntu22.04-x86_64", Catalog: "ubuntu", ImageType: "PUBLIC_IMAGE", OSType: "linux"},
	{ImageID: "img-debian-12", ImageName: "Debian12-x86_64", Catalog: "debian", ImageType: "PUBLIC_IMAGE", OSType: "linux"},
	{ImageID: "img-centos-79", ImageName: "CentOS7.9-x86_64", Catalog: "centos", ImageType: "PUBLIC_IMAGE", OSType: "linux"},
	{ImageID: "img-windows-2022", ImageName: "WindowsServer2022-Standard", Catalog: "windows", ImageType: "PUBLIC_IMAGE", OSType: "windows"},
	{ImageID: "img-esxi-8", ImageName: "ESXi8.0", Catalog: "esxi", ImageType: "PUBLIC_IMAGE", OSType: "linux"},
}

// bmcSubnets maps the catalogue's subnets to their zones (one per zone, two in
// SEL-A to move a machine between).
var bmcSubnets = map[string]string{
	"subnet-sel-a-1": "SEL-A", "subnet-sel-a-2": "SEL-A", "subnet-hkg-a-1": "HKG-A", "subnet-lax-a-1": "LAX-A", "subnet-fra-a-1": "FRA-A",
}

var bmcInternetChargeTypes = []string{"ByBandwidth", "ByTrafficPackage", "ByInstanceBandwidth95", "ByClusterBandwidth95"}

func bmcZoneByID(id string) *bmcZone {
	return findByID(bmcZones, id, func(z *bmcZone) string { return z.ZoneID })
}

func bmcTypeByID(id string) *bmcInstanceType {
	return findByID(bmcInstanceTypes, id, func(t *bmcInstanceType) string { return t.InstanceTypeID })
}

func bmcImageByID(id string) *bmcImage {
	return findByID(bmcImages, id, func(i *bmcImage) string { return i.ImageID })
}

func bmcZoneNotFound(id string) *errAPI {
	return apiErr(http.StatusNotFound, bmcCodeZoneNotFound, "The specified zoneId `%s` is not found.", id)
}

func bmcTypeNotFound(id string) *errAPI {
	return apiErr(http.StatusNotFound, bmcCodeInstanceTypeNotFound, "The specified instanceTypeId `%s` is not found.", id)
}

func bmcImageNotFound(id string) *errAPI {
	return apiErr(http.StatusNotFound, bmcCodeImageNotFound, "The specified imageId `%s` is not found.", id)
}

func (b *bmcState) describeZones(req *call) (any, []string, error) {
	lang := valueOr(req.str("acceptLanguage"), "en-US")
	if lang != "en-US" && lang != "zh-CN" {
		return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "acceptLanguage must be zh-CN or en-US, got %q.", lang)
	}
	cloudRouter := req.flag("isCloudRouterAvailable")
	set := []map[string]any{}
	for _, z := range bmcZones {
		if cloudRouter != nil && z.CloudRouter != *cloudRouter {
			continue
		}
		name := z.ZoneName
		if lang == "zh-CN" {
			name = bmcZoneNamesZH[z.ZoneID]
		}
		set = append(set, map[string]any{"zoneId": z.ZoneID, "zoneName": name, "cityName": z.CityName, "areaName": z.AreaName,
			"isCloudRouterAvailable": z.CloudRouter, "isByoipEnabled": z.BYOIP})
	}
	return map[string]any{"zoneSet": set}, nil, nil
}

func (b *bmcState) describeInstanceTypes(req *call) (any, []string, error) {
	ids := req.strs("instanceTypeIds")
	if e := checkIDFilter("instanceTypeIds", ids); e != nil {
		return nil, nil, e
	}
	if imageID := req.str("imageId"); imageID != nil && bmcImageByID(*imageID) == nil {
		return nil, nil, bmcImageNotFound(*imageID)
	}
	within := func(v int, least, most string) bool {
		lo, hi := req.integer(least), req.integer(most)
		return (lo == nil || v >= *lo) && (hi == nil || v <= *hi)
	}
	subnet, ha, raids := req.flag("supportSubnet"), req.flag("isHA"), req.ints("supportRaids")
	out := []map[string]any{}
	for _, t := range bmcInstanceTypes {
		switch {
		case len(ids) > 0 && !slices.Contains(ids, t.InstanceTypeID):
		case !within(t.CPUCoreCount, "minimumCpuCoreCount", "maximumCpuCoreCount"),
			!within(t.MemorySize, "minimumMemorySize", "maximumMemorySize"),
			!within(t.MaximumBandwidth, "minimumBandwidth", ""),
			!within(t.DiskInfo.TotalDiskSize, "minimumDiskSize", "maximumDiskSize"):
		case subnet != nil && t.SupportSubnet != *subnet:
		case ha != nil && t.IsHA != *ha:
		case slices.ContainsFunc(raids, func(r int) bool { return !slices.Contains(t.SupportRaids, r) }):
		default:
			out = append(out, t.wire(bmcImageIDs()))
		}
	}
	return map[string]any{"instanceTypes": out}, nil, nil
}

func bmcImageIDs() []string {
	ids := make([]string, 0, len(bmcImages))
	for _, img := range bmcImages {
		ids = append(ids, img.ImageID)
	}
	return ids
}

func (b *bmcState) describeImages(req *call) (any, []string, error) {
	ids, name, imageType := req.strs("imageIds"), req.str("imageName"), req.str("imageType")
	if e := checkIDFilter("imageIds", ids); e != nil {
		return nil, nil, e
	}
	if typeID := req.str("instanceTypeId"); typeID != nil && bmcTypeByID(*typeID) == nil {
		return nil, nil, bmcTypeNotFound(*typeID)
	}
	if imageType != nil && *imageType != "PUBLIC_IMAGE" && *imageType != "CUSTOM_IMAGE" {
		return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "imageType must be PUBLIC_IMAGE or CUSTOM_IMAGE, got %q.", *imageType)
	}
	// The documents capitalise catalog and osType and the answers are lower
	// case: compare without case.
	eq := func(p *string, v string) bool { return p == nil || strings.EqualFold(*p, v) }
	out := []bmcImage{}
	for _, img := range bmcImages {
		switch {
		case len(ids) > 0 && !slices.Contains(ids, img.ImageID):
		case name != nil && !strings.Contains(strings.ToLower(img.ImageName), strings.ToLower(*name)):
		case !eq(req.str("catalog"), img.Catalog), !eq(imageType, img.ImageType), !eq(req.str("osType"), img.OSType):
		default:
			out = append(out, img)
		}
	}
	return map[string]any{"images": out}, nil, nil
}

func bmcZoneIndex(zone string) int {
	for i, z := range bmcZones {
		if z.ZoneID == zone {
			return i
		}
	}
	return 0
}
