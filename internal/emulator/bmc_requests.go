package emulator

// The bodies of the BMC actions that are named types, as the API documents
// (and SDK bmc20221120) define them (the smaller ones are declared in their
// handler's signature). Pointers tell an absent field from a zero one.

// bmcCreateReq is the body of CreateInstances.
type bmcCreateReq struct {
	ZoneID                *string `json:"zoneId"`
	InstanceChargeType    *string `json:"instanceChargeType"`
	InstanceChargePrepaid *struct {
		Period *int `json:"period"`
	} `json:"instanceChargePrepaid"`
	InstanceTypeID          *string        `json:"instanceTypeId"`
	ImageID                 *string        `json:"imageId"`
	IpxeURL                 *string        `json:"ipxeUrl"`
	ResourceGroupID         *string        `json:"resourceGroupId"`
	InstanceName            *string        `json:"instanceName"`
	Hostname                *string        `json:"hostname"`
	Amount                  *int           `json:"amount"`
	Password                *string        `json:"password"`
	SSHKeys                 []string       `json:"sshKeys"`
	InternetChargeType      *string        `json:"internetChargeType"`
	InternetMaxBandwidthOut *int           `json:"internetMaxBandwidthOut"`
	TrafficPackageSize      *float64       `json:"trafficPackageSize"`
	SubnetID                *string        `json:"subnetId"`
	RaidConfig              *bmcRaidConfig `json:"raidConfig"`
	Partitions              []bmcPartition `json:"partitions"`
	Nic                     *bmcNic        `json:"nic"`
	ClusterID               *string        `json:"clusterId"`
	// Tags (SDK bmc20221120 CreateInstancesRequest.Tags, a TagAssociation:
	// {"tags": [{"key", "value"}]}), as the official provider sends them.
	Tags *tagSet `json:"tags"`

	// KeyID is an SSH key pair's id, the replacement of the deprecated
	// sshKeys (at most one of password, sshKeys and keyId).
	KeyID *string `json:"keyId"`
}

// bmcRaidConfig is the raidConfig of CreateInstances, answered as given in InstanceInfo.
type bmcRaidConfig struct {
	RaidType    *int            `json:"raidType,omitempty"`
	CustomRaids []bmcCustomRaid `json:"customRaids,omitempty"`
}

// bmcCustomRaid is one custom RAID of a raidConfig.
type bmcCustomRaid struct {
	RaidType     *int  `json:"raidType"`
	DiskSequence []int `json:"diskSequence"`
}

// bmcPartition is one partition of CreateInstances, answered as given in InstanceInfo.
type bmcPartition struct {
	FsPath *string `json:"fsPath"`
	FsType *string `json:"fsType"`
	Size   *int    `json:"size"`
}

// bmcNic is the nic of CreateInstances; InstanceInfo answers the names in effect.
type bmcNic struct {
	WanName *string `json:"wanName,omitempty"`
	LanName *string `json:"lanName,omitempty"`
}

// bmcDescribeReq is the body of DescribeInstances.
type bmcDescribeReq struct {
	InstanceIDs        []string `json:"instanceIds"`
	ZoneID             *string  `json:"zoneId"`
	ResourceGroupID    *string  `json:"resourceGroupId"`
	InstanceTypeID     *string  `json:"instanceTypeId"`
	InternetChargeType *string  `json:"internetChargeType"`
	ImageID            *string  `json:"imageId"`
	SubnetID           *string  `json:"subnetId"`
	InstanceStatus     *string  `json:"instanceStatus"`
	InstanceName       *string  `json:"instanceName"`
	Hostname           *string  `json:"hostname"`
	PublicIPAddresses  []string `json:"publicIpAddresses"`
	PrivateIPAddresses []string `json:"privateIpAddresses"`
	// TagKeys and Tags filter by tag (SDK DescribeInstancesRequest.TagKeys,
	// .Tags: at most 20 each; an instance must carry every one).
	TagKeys  []string `json:"tagKeys"`
	Tags     []Tag    `json:"tags"`
	PageNum  *int     `json:"pageNum"`
	PageSize *int     `json:"pageSize"`
}

// bmcIDsReq is the body of the batch actions that take only instanceIds.
type bmcIDsReq struct {
	InstanceIDs []string `json:"instanceIds"`
}

// bmcDescribeTypesReq is the body of DescribeInstanceTypes.
type bmcDescribeTypesReq struct {
	ImageID             *string  `json:"imageId"`
	InstanceTypeIDs     []string `json:"instanceTypeIds"`
	MinimumCPUCoreCount *int     `json:"minimumCpuCoreCount"`
	MaximumCPUCoreCount *int     `json:"maximumCpuCoreCount"`
	MinimumMemorySize   *int     `json:"minimumMemorySize"`
	MaximumMemorySize   *int     `json:"maximumMemorySize"`
	MinimumBandwidth    *int     `json:"minimumBandwidth"`
	SupportRaids        []int    `json:"supportRaids"`
	SupportSubnet       *bool    `json:"supportSubnet"`
	MinimumDiskSize     *int     `json:"minimumDiskSize"`
	MaximumDiskSize     *int     `json:"maximumDiskSize"`
	IsHA                *bool    `json:"isHA"`
}
