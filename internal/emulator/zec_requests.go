package emulator

import (
	"encoding/json"
)

// The bodies of the ZEC actions that are named types, as the API documents
// define them (the smaller ones are declared in their handler's signature).
// Pointers tell an absent field from a zero one.

// createDisksReq is the body of CreateDisks.
type createDisksReq struct {
	ZoneID          *string `json:"zoneId"`
	DiskName        *string `json:"diskName"`
	DiskSize        *int    `json:"diskSize"`
	DiskAmount      *int    `json:"diskAmount"`
	DiskCategory    *string `json:"diskCategory"`
	InstanceID      *string `json:"instanceId"`
	SnapshotID      *string `json:"snapshotId"`
	ResourceGroupID *string `json:"resourceGroupId"`
	ChargeType      *string `json:"chargeType"`
	Tags            *struct {
		Tags []Tag `json:"tags"`
	} `json:"tags"`
}

// describeDisksReq is the body of DescribeDisks.
type describeDisksReq struct {
	DiskIDs         []string `json:"diskIds"`
	DiskName        *string  `json:"diskName"`
	DiskStatus      *string  `json:"diskStatus"`
	DiskType        *string  `json:"diskType"`
	DiskCategory    *string  `json:"diskCategory"`
	InstanceID      *string  `json:"instanceId"`
	ZoneID          *string  `json:"zoneId"`
	ResourceGroupID *string  `json:"resourceGroupId"`
	TagKeys         []string `json:"tagKeys"`
	Tags            []Tag    `json:"tags"`
	PageSize        *int     `json:"pageSize"`
	PageNum         *int     `json:"pageNum"`
}

// zecDiskSpec is a systemDisk or dataDisks entry of CreateZecInstances.
type zecDiskSpec struct {
	DiskSize        *int    `json:"diskSize"`
	DiskAmount      *int    `json:"diskAmount"`
	DiskCategory    *string `json:"diskCategory"`
	BurstingEnabled *bool   `json:"burstingEnabled"`
}

// createZecInstancesReq is the body of CreateZecInstances.
type createZecInstancesReq struct {
	ZoneID             *string         `json:"zoneId"`
	ImageID            *string         `json:"imageId"`
	InstanceType       *string         `json:"instanceType"`
	SubnetID           *string         `json:"subnetId"`
	InstanceCount      *int            `json:"instanceCount"`
	InstanceName       *string         `json:"instanceName"`
	TimeZone           *string         `json:"timeZone"`
	Password           *string         `json:"password"`
	KeyID              *string         `json:"keyId"`
	NicNetworkType     *string         `json:"nicNetworkType"`
	SystemDisk         *zecDiskSpec    `json:"systemDisk"`
	DataDisks          []zecDiskSpec   `json:"dataDisks"`
	SecurityGroupID    *string         `json:"securityGroupId"`
	LanIP              *string         `json:"lanIp"`
	EnableAgent        *bool           `json:"enableAgent"`
	EnableIPForward    *bool           `json:"enableIpForward"`
	InternetChargeType *string         `json:"internetChargeType"`
	TrafficPackageSize *float64        `json:"trafficPackageSize"`
	Bandwidth          *int            `json:"bandwidth"`
	EipBindType        *string         `json:"eipBindType"`
	EipV4Type          *string         `json:"eipV4Type"`
	NetworkLineType    *string         `json:"networkLineType"`
	IPStackType        *string         `json:"ipStackType"`
	ClusterID          *string         `json:"clusterId"`
	IPv6ClusterID      *string         `json:"ipv6ClusterId"`
	ResourceGroupID    *string         `json:"resourceGroupId"`
	MarketingOptions   json.RawMessage `json:"marketingOptions"`
	Tags               *tagSet         `json:"tags"`
	UserData           *string         `json:"userData"`
	InstanceOptions    *struct {
		NestedVirtualization *bool `json:"nestedVirtualization"`
	} `json:"instanceOptions"`
}

// describeInstancesReq is the body of DescribeInstances.
type describeInstancesReq struct {
	InstanceIDs     []string `json:"instanceIds"`
	ZoneID          *string  `json:"zoneId"`
	ImageID         *string  `json:"imageId"`
	IPv4Address     *string  `json:"ipv4Address"`
	IPv6Address     *string  `json:"ipv6Address"`
	Status          *string  `json:"status"`
	Name            *string  `json:"name"`
	PageSize        *int     `json:"pageSize"`
	PageNum         *int     `json:"pageNum"`
	ResourceGroupID *string  `json:"resourceGroupId"`
	TagKeys         []string `json:"tagKeys"`
	Tags            []Tag    `json:"tags"`
}
