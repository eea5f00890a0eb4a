package emulator

// The versions of service zec and the shape of each action in them.
var zecVersions = map[string]apiVersion{
	// zenlayercloud-sdk-go v0.2.40 zenlayercloud/zec20250901 (client.go
	// APIVersion; models.go <Action>Request and <Action>Response.Response).
	"2025-09-01": shapes(zecBothVersions, map[string][2]string{
		"CreateDisks": {`zoneId diskName diskSize:i diskAmount:i instanceId resourceGroupId diskCategory snapshotId` +
			specMarketing + specTagAssociation + `instanceIds[] burstingEnabled:b`,
			`requestId diskIds[] orderNumber`},
		"DescribeDisks": {`diskIds[] diskName diskStatus diskType diskCategory instanceId zoneId pageNum:i pageSize:i
			regionId snapshotAbility:b resourceGroupId` + specTagFilter,
			`requestId totalCount:i dataSet[{diskId diskName regionId zoneId diskType portable:b diskCategory diskSize:i
			diskStatus instanceId instanceName createTime expiredTime period:i resourceGroupId resourceGroupName serial
			snapshotAbility:b autoSnapshotPolicyId` + specTagAssociation + `burstingEnabled:b}]`},
		"DetachDisks": {`diskIds[] instanceCheckFlag:b`, `requestId failedDiskIds[]`},
		"CreateZecInstances": {`zoneId imageId timeZone instanceType instanceName password keyId nicNetworkType
			instanceCount:i systemDisk{` + specZECSystemDisk2025 + `} dataDisks[{` + specZECDataDisk2025 + `}] securityGroupId
			subnetId lanIp enableAgent:b enableIpForward:b internetChargeType trafficPackageSize:n bandwidth:i eipBindType
			eipV4Type ipStackType networkLineType clusterId ipv6ClusterId resourceGroupId` + specMarketing +
			specTagAssociation + `userData instanceOptions{nestedVirtualization:b}`,
			`requestId orderNumber instanceIdSet[] instances[{instanceId diskIdSet[]}]`},
		"DescribeInstances": {`instanceIds[] zoneId imageId ipv4Address ipv6Address status name pageSize:i pageNum:i
			resourceGroupId` + specTagFilter,
			`requestId totalCount:i dataSet[{instanceId instanceName zoneId instanceType cpu:i memory:i imageId imageName
			timeZone nicNetworkType status systemDisk{` + specZECSystemDisk2025 + `} dataDisks[{` + specZECDataDisk2025 + `}]
			publicIpAddresses[] privateIpAddresses[] keyId subnetId securityGroupId enableAgent:b enableAgentMonitor:b
			enableIpForward:b createTime expiredTime resourceGroupId resourceGroupName nics[{` + specZECNic2025 + `}]` +
				specTagAssociation + `loadBalancerIds[] placementGroupId instanceOptions{nestedVirtualization:b}}]`},
		// The in-place changes of an instance (zec_instances_modify.go).
		"ModifyInstanceType": {`instanceId instanceType`, specRequestID},
		"ResetInstance": {`instanceId password keyId imageId timezone enableAgent:b instanceName userData`,
			specRequestID},
		"ResetInstancePassword":           {`instanceId password`, specRequestID},
		"ModifyNetworkInterfaceAttribute": {`nicId name securityGroupId`, specRequestID},
		"StartIpForward":                  {`instanceId`, specRequestID},
		"StopIpForward":                   {`instanceId`, specRequestID},
		// The catalogue lookups (zec_lookups.go).
		"DescribeZones": {`zoneIds[]`, `requestId zoneSet[{zoneId regionId zoneName supportSecurityGroup:b timeZone cityName
			cityCode countryCode countryName supportHaVip:b}]`},
		"DescribeImages": {`zoneId imageIds[] imageName category imageType imageSource osType imageStatus pageNum:i pageSize:i` +
			specTagFilter, `requestId totalCount:i dataSet[{imageId imageName imageType imageSource imageSize imageDescription
			imageVersion imageStatus nicNetworkType[] category osType` + specTagAssociation + `}]`},
		"DescribeZoneInstanceConfigInfos": {`zoneId instanceType`, `requestId instanceTypeQuotaSet[{zoneId instanceType
			instanceTypeName cpuCount:i memory:i bps:i pps:i internetMaxBandwidthOutLimit:i withStock:b internetChargeTypes[]}]`},
	}),
	// zenlayercloud-sdk-go v0.2.40 zenlayercloud/zec20240401: the version
	// the official provider (v0.2.28) releases, starts, stops and resizes
	// with. Disks have a chargeType and no tags; DetachDisks answers no
	// failedDiskIds; CreateDisks takes no tags; instances have no tags.
	"2024-04-01": shapes(zecBothVersions, map[string][2]string{
		"CreateDisks": {`zoneId diskName diskSize:i diskAmount:i instanceId resourceGroupId diskCategory snapshotId` + specMarketing,
			`requestId diskIds[] orderNumber`},
		"DescribeDisks": {`diskIds[] diskName diskStatus diskType diskCategory instanceId zoneId snapshotAbility:b pageSize:i
			pageNum:i resourceGroupId`,
			`requestId totalCount:i dataSet[{diskId diskName zoneId diskType portable:b diskCategory diskSize:i diskStatus
			instanceId instanceName chargeType createTime expiredTime period:i resourceGroupId resourceGroupName serial
			snapshotAbility:b autoSnapshotPolicyId}]`},
		"DetachDisks": {`diskIds[] instanceCheckFlag:b`, specRequestID},
		"CreateZecInstances": {`zoneId instanceType imageId resourceGroupId instanceName instanceCount:i password keyId
			internetChargeType trafficPackageSize:n bandwidth:i subnetId lanIp systemDisk{` + specZECSystemDisk2024 + `}
			dataDisks[{` + specZECDataDisk2024 + `}] timeZone enableAgent:b enableIpForward:b eipV4Type clusterId eipBindType` +
			specMarketing,
			`requestId orderNumber instanceIdSet[] instances[{instanceId diskIdSet[]}]`},
		"DescribeInstances": {`instanceIds[] zoneId imageId status name ipv4Address ipv6Address pageSize:i pageNum:i resourceGroupId`,
			`requestId totalCount:i dataSet[{instanceId instanceName zoneId cpu:i memory:i imageId imageName timeZone
			nicNetworkType instanceType status systemDisk{` + specZECSystemDisk2024 + `} dataDisks[{` + specZECDataDisk2024 + `}]
			publicIpAddresses[] privateIpAddresses[] keyId subnetId enableAgent:b enableAgentMonitor:b enableIpForward:b
			createTime expiredTime resourceGroupId resourceGroupName nics[{` + specZECNic2024 + `}]}]`},
	}),
}

// zecBothVersions are the actions whose request and answer are the same in
// both versions (the models of zec20250901 and zec20240401 alike).
var zecBothVersions = map[string][2]string{
	"AttachDisks":              {`diskIds[] instanceId`, specRequestID},
	"ResizeDisk":               {`diskId diskSize:i`, specRequestID},
	"ModifyDisksAttributes":    {`diskIds[] diskName`, specRequestID},
	"ReleaseDisk":              {`diskId`, specRequestID},
	"DescribeDiskCategory":     {`zoneId diskCategory`, `requestId categoryZoneSet[{zoneId categorySet[]}]`},
	"DescribeInstancesStatus":  {`instanceIds[] pageSize:i pageNum:i resourceGroupId`, `requestId totalCount:i dataSet[{instanceId instanceStatus}]`},
	"StartInstances":           {`instanceIds[]`, specFailedIDs},
	"StopInstances":            {`instanceIds[] forceShutdown:b`, specFailedIDs},
	"RebootInstances":          {`instanceIds[]`, specFailedIDs},
	"ModifyInstancesAttribute": {`instanceIds[] instanceName`, specRequestID},
	// dependResource: see zenlayerExtensions.
	"ReleaseInstances": {`instanceIds[] dependResource:b`, specFailedIDs},
}

// Models that several actions share: SystemDisk, DataDisk and NicInfo of
// zec20250901/models.go and of zec20240401/models.go.
const (
	specZECSystemDisk2024 = `diskId diskSize:i diskCategory`
	specZECDataDisk2024   = `diskId diskSize:i diskName diskCategory portable:b diskAmount:i`
	specZECNic2024        = `nicId name status nicType regionId nicSubnetType publicIpList[] privateIpList[] primaryIpv4
		primaryIpv6 ipv6Cidr secondaryIpv4s[] macAddress instanceId vpcId subnetId createTime updateTime
		resourceGroup{resourceGroupId resourceGroupName}`
	specZECSystemDisk2025 = `diskId diskSize:i diskCategory burstingEnabled:b`
	specZECDataDisk2025   = `diskId diskName diskSize:i diskAmount:i portable:b burstingEnabled:b diskCategory`
	specZECNic2025        = specZECNic2024 + ` securityGroupId` + specTagAssociation
)
