package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// The ZEC catalogue lookups of version 2025-09-01: DescribeZones,
// DescribeImages and DescribeZoneInstanceConfigInfos, answered from the
// fixed catalogue (zec_catalog.go). Requests and answers are the SDK's
// (zenlayercloud-sdk-go v0.2.40 zenlayercloud/zec20250901/models.go
// DescribeZonesRequest/ZoneInfo, DescribeImagesRequest/Image,
// DescribeZoneInstanceConfigInfosRequest/InstanceTypeQuotaItem); the
// constraints and enums are the CLI specs' (zenlayercloud-cli
// apis/en-US/zec/describe-zones.yaml, describe-images.yaml,
// describe-zone-instance-config-infos.yaml).

// zecZoneInfo is a zone of the catalogue as DescribeZones answers it.
type zecZoneInfo struct {
	Name, TimeZone, City, CityCode, CountryCode, Country string
	HaVip                                                bool
}

// zecZoneInfos describe zecZones, one entry each.
var zecZoneInfos = map[string]zecZoneInfo{
	"asia-east-1a":      {"Hong Kong A", "Asia/Hong_Kong", "Hong Kong", "HKG", "HK", "Hong Kong", true},
	"asia-southeast-1a": {"Singapore A", "Asia/Singapore", "Singapore", "SIN", "SG", "Singapore", true},
	"na-west-1a":        {"Los Angeles A", "America/Los_Angeles", "Los Angeles", "LAX", "US", "United States", false},
	"eu-west-1a":        {"Frankfurt A", "Europe/Berlin", "Frankfurt", "FRA", "DE", "Germany", false},
}

// zecImageCategories are the categories of ZECImages (the CLI spec's
// "Image category": CentOS, Ubuntu, Windows, ...), by the id's prefix.
var zecImageCategories = []struct{ prefix, category string }{
	{"ubuntu", "Ubuntu"}, {"debian", "Debian"}, {"rocky", "Rocky Linux"}, {"windows", "Windows"}, {"generic", "Generic"},
}

// The enums of DescribeImages (describe-images.yaml).
var (
	zecImageTypes    = []string{"PUBLIC_IMAGE", "CUSTOM_IMAGE"}
	zecImageSources  = []string{"OFFICIAL", "MARKETING", "CUSTOM"}
	zecImageOSTypes  = []string{"linux", "bsd", "windows", "android", "any"}
	zecImageStatuses = []string{"CREATING", "AVAILABLE", "UNAVAILABLE", "SYNCING", "FAILED", "DELETING", "PROCESSING"}
)

// zecOutOfStock are the instance types a zone has none of
// (InstanceTypeQuotaItem.withStock false): "zone instanceType".
var zecOutOfStock = []string{"eu-west-1a z2a.mem.4"}

// zecTypeChargeTypes are the internetChargeTypes every instance type takes.
var zecTypeChargeTypes = []string{"ByBandwidth", "ByTrafficPackage", "BandwidthCluster"}

func (i zecImage) category(id string) string {
	for _, c := range zecImageCategories {
		if strings.HasPrefix(id, c.prefix) {
			return c.category
		}
	}
	return "Other"
}

// wireOSType is the image's osType as DescribeImages answers it: a Generic
// image is "any" (any other operating system).
func (i zecImage) wireOSType() string {
	if i.OSType == zecOSGeneric {
		return "any"
	}
	return i.osFamily()
}

// version is the image's imageVersion: its name less the category's words.
func (i zecImage) version(id string) string {
	v := strings.TrimSpace(strings.TrimPrefix(i.Name, i.category(id)))
	return strings.TrimSuffix(v, " 64bit")
}

// checkZone refuses a zone the catalogue does not have.
func checkZone(zone string) *errAPI {
	if !validZone(zone) {
		return apiErr(http.StatusBadRequest, codeZoneNotFound, "The specified zoneId `%s` is not found.", zone)
	}
	return nil
}

// checkEnum refuses a filter value that is not one of the enum's.
func checkEnum(name string, v *string, values []string) *errAPI {
	if v != nil && !slices.Contains(values, *v) {
		return apiErr(http.StatusBadRequest, codeInvalidValue, "%s must be one of %s, got %q.", name, strings.Join(values, ", "), *v)
	}
	return nil
}

// describeZones answers every zone, or those of zoneIds (an unknown id is
// left out), in the catalogue's order.
func (z *zecState) describeZones(req *call) (any, []string, error) {
	ids := req.strs("zoneIds")
	if e := checkIDFilter("zoneIds", ids); e != nil {
		return nil, nil, e
	}
	set := []map[string]any{}
	for _, zone := range zecZones {
		if len(ids) > 0 && !slices.Contains(ids, zone) {
			continue
		}
		info := zecZoneInfos[zone]
		set = append(set, map[string]any{
			"zoneId": zone, "regionId": zecRegionOf(zone), "zoneName": info.Name, "supportSecurityGroup": true,
			"timeZone": info.TimeZone, "cityName": info.City, "cityCode": info.CityCode, "countryCode": info.CountryCode,
			"countryName": info.Country, "supportHaVip": info.HaVip,
		})
	}
	return map[string]any{"zoneSet": set}, nil, nil
}

// describeImages answers the images of a zone (zoneId is required; every
// zone has every image), filtered: imageName is a fuzzy (case-insensitive
// substring) match, the others equal. The catalogue's images are all
// public, official and available, and carry no tags.
func (z *zecState) describeImages(req *call) (any, []string, error) {
	zone, e := req.required("zoneId")
	if e != nil {
		return nil, nil, e
	}
	if e := checkZone(zone); e != nil {
		return nil, nil, e
	}
	for _, f := range []struct {
		name   string
		values []string
	}{{"imageType", zecImageTypes}, {"imageSource", zecImageSources}, {"osType", zecImageOSTypes}, {"imageStatus", zecImageStatuses}} {
		if e := checkEnum(f.name, req.str(f.name), f.values); e != nil {
			return nil, nil, e
		}
	}
	name, category := strings.ToLower(stringOr(req.str("imageName"), "")), req.str("category")
	type entry struct {
		id  string
		img zecImage
	}
	all := map[string]entry{}
	for id, img := range ZECImages {
		all[id] = entry{id, img}
	}
	return describeObjects(req, "imageIds", all, func(e entry) string { return e.id }, func(entry) []Tag { return nil },
		func(e entry) bool {
			return strings.Contains(strings.ToLower(e.img.Name), name) && matches(category, e.img.category(e.id)) &&
				matches(req.str("imageType"), "PUBLIC_IMAGE") && matches(req.str("imageSource"), "OFFICIAL") &&
				matches(req.str("osType"), e.img.wireOSType()) && matches(req.str("imageStatus"), "AVAILABLE")
		},
		func(e entry) map[string]any {
			return map[string]any{
				"imageId": e.id, "imageName": e.img.Name, "imageType": "PUBLIC_IMAGE", "imageSource": "OFFICIAL",
				"imageSize": strconv.Itoa(e.img.MinDisk), "imageDescription": e.img.Name, "imageVersion": e.img.version(e.id),
				"imageStatus": "AVAILABLE", "nicNetworkType": nicNetworkTypes, "category": e.img.category(e.id),
				"osType": e.img.wireOSType(), "tags": wrapTags(nil),
			}
		})
}

// describeZoneInstanceConfigInfos answers the instance types of every zone,
// or of zoneId, or the one instanceType: one item per zone and type, in
// the order of zones and then of types. An unknown instanceType answers
// none.
func (z *zecState) describeZoneInstanceConfigInfos(req *call) (any, []string, error) {
	zone, typ := req.str("zoneId"), req.str("instanceType")
	if zone != nil && *zone != "" {
		if e := checkZone(*zone); e != nil {
			return nil, nil, e
		}
	} else {
		zone = nil
	}
	set := []map[string]any{}
	for _, zoneID := range zecZones {
		if !matches(zone, zoneID) {
			continue
		}
		for _, id := range sortedKeys(ZECInstanceTypes) {
			t := ZECInstanceTypes[id]
			if !matches(typ, id) {
				continue
			}
			set = append(set, map[string]any{
				"zoneId": zoneID, "instanceType": id, "instanceTypeName": t.name(id), "cpuCount": t.CPU, "memory": t.Memory,
				"bps": int64(min(t.CPU, 8)) * 1_000_000_000, "pps": int64(t.CPU) * 200_000,
				"internetMaxBandwidthOutLimit": min(t.CPU*500, 2000),
				"withStock":                    !slices.Contains(zecOutOfStock, zoneID+" "+id),
				"internetChargeTypes":          zecTypeChargeTypes,
			})
		}
	}
	return map[string]any{"instanceTypeQuotaSet": set}, nil, nil
}

// name is the instance type's instanceTypeName: its family and size.
func (t zecInstanceType) name(id string) string {
	family := "General Purpose"
	if strings.Contains(id, ".mem.") {
		family = "Memory Optimized"
	}
	return fmt.Sprintf("%s %dC%dG", family, t.CPU, t.Memory)
}
