package zenlayer

import (
	"context"
)

// The ZEC catalogue lookups (version 2025-09-01: zenlayercloud-sdk-go
// zenlayercloud/zec20250901 DescribeZones, DescribeImages,
// DescribeZoneInstanceConfigInfos) and the account's key pairs (service
// ccs, zenlayercloud/ccs20250901 DescribeKeyPairs: zec20250901 has none
// of its own, and the official provider's zenlayercloud_key_pairs reads
// them there).

// CCS is the service of the account's key pairs.
var CCS = Service{Name: "ccs", Version: "2025-09-01"}

// ZECZone is a zone that sells ZEC (zec20250901 ZoneInfo).
type ZECZone struct {
	ZoneID       string `json:"zoneId"`
	RegionID     string `json:"regionId"`
	ZoneName     string `json:"zoneName"`
	TimeZone     string `json:"timeZone"`
	CityName     string `json:"cityName"`
	CityCode     string `json:"cityCode"`
	CountryCode  string `json:"countryCode"`
	CountryName  string `json:"countryName"`
	SupportHaVip bool   `json:"supportHaVip"`
}

// DescribeZECZones lists the zones, or those of ids.
func (c *Client) DescribeZECZones(ctx context.Context, ids []string) ([]ZECZone, error) {
	in := struct {
		ZoneIDs []string `json:"zoneIds,omitempty"`
	}{ids}
	return describeList[ZECZone](ctx, c, ZEC, "DescribeZones", "zoneSet", in)
}

// ZECImage is an image a ZEC instance can run (zec20250901 Image).
type ZECImage struct {
	ImageID          string   `json:"imageId"`
	ImageName        string   `json:"imageName"`
	ImageType        string   `json:"imageType"`
	ImageSource      string   `json:"imageSource"`
	ImageSize        string   `json:"imageSize"`
	ImageDescription string   `json:"imageDescription"`
	ImageVersion     string   `json:"imageVersion"`
	ImageStatus      string   `json:"imageStatus"`
	NicNetworkType   []string `json:"nicNetworkType"`
	Category         string   `json:"category"`
	OSType           string   `json:"osType"`
}

// DescribeZECImagesRequest filters DescribeImages (zec20250901
// DescribeImagesRequest); ZoneID is required.
type DescribeZECImagesRequest struct {
	ZoneID      string   `json:"zoneId"`
	ImageIDs    []string `json:"imageIds,omitempty"`
	ImageName   string   `json:"imageName,omitempty"`
	Category    string   `json:"category,omitempty"`
	ImageType   string   `json:"imageType,omitempty"`
	ImageSource string   `json:"imageSource,omitempty"`
	OSType      string   `json:"osType,omitempty"`
	ImageStatus string   `json:"imageStatus,omitempty"`
	TagFilters
	Paging
}

// DescribeZECImages lists every image matching in, following the pages.
func (c *Client) DescribeZECImages(ctx context.Context, in DescribeZECImagesRequest) ([]ZECImage, error) {
	return describePaged[ZECImage](ctx, c, ZEC, "DescribeImages", &in, &in.ImageIDs, &in.PageSize, &in.PageNum)
}

// ZECInstanceType is an instance type as a zone sells it (zec20250901
// InstanceTypeQuotaItem).
type ZECInstanceType struct {
	ZoneID                       string   `json:"zoneId"`
	InstanceType                 string   `json:"instanceType"`
	InstanceTypeName             string   `json:"instanceTypeName"`
	CPUCount                     int      `json:"cpuCount"`
	Memory                       int      `json:"memory"`
	Bps                          int64    `json:"bps"`
	Pps                          int64    `json:"pps"`
	InternetMaxBandwidthOutLimit int      `json:"internetMaxBandwidthOutLimit"`
	WithStock                    bool     `json:"withStock"`
	InternetChargeTypes          []string `json:"internetChargeTypes"`
}

// DescribeZECInstanceTypes lists the instance types of every zone, or of
// zoneID, or the one instanceType (either may be "").
func (c *Client) DescribeZECInstanceTypes(ctx context.Context, zoneID, instanceType string) ([]ZECInstanceType, error) {
	in := struct {
		ZoneID       string `json:"zoneId,omitempty"`
		InstanceType string `json:"instanceType,omitempty"`
	}{zoneID, instanceType}
	return describeList[ZECInstanceType](ctx, c, ZEC, "DescribeZoneInstanceConfigInfos", "instanceTypeQuotaSet", in)
}

// KeyPair is an SSH key pair of the account (ccs20250901 KeyPair).
type KeyPair struct {
	KeyID          string `json:"keyId"`
	KeyName        string `json:"keyName"`
	PublicKey      string `json:"publicKey"`
	KeyDescription string `json:"keyDescription"`
	CreateTime     string `json:"createTime"`
}

// DescribeKeyPairsRequest filters DescribeKeyPairs (ccs20250901
// DescribeKeyPairsRequest): KeyName is a fuzzy match.
type DescribeKeyPairsRequest struct {
	KeyIDs  []string `json:"keyIds,omitempty"`
	KeyName string   `json:"keyName,omitempty"`
	Paging
}

// DescribeKeyPairs lists every key pair matching in, following the pages.
func (c *Client) DescribeKeyPairs(ctx context.Context, in DescribeKeyPairsRequest) ([]KeyPair, error) {
	return describePaged[KeyPair](ctx, c, CCS, "DescribeKeyPairs", &in, &in.KeyIDs, &in.PageSize, &in.PageNum)
}
