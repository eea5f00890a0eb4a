package emulator

// The versions of service bmc and the shape of each action in them.
var bmcVersions = map[string]apiVersion{
	// zenlayercloud-sdk-go v0.2.40 zenlayercloud/bmc20221120 (client.go
	// APIVersion; models.go <Action>Request and <Action>Response.Response).
	"2022-11-20": shapes(map[string][2]string{
		"CreateInstances": {`zoneId instanceChargeType instanceChargePrepaid{period:i} instanceTypeId imageId ipxeUrl
			resourceGroupId instanceName hostname amount:i password keyId sshKeys[] internetChargeType
			internetMaxBandwidthOut:i trafficPackageSize:n subnetId raidConfig{` + specBMCRaid + `} partitions[{` + specBMCPartition + `}]
			nic{wanName lanName} userData clusterId enablePrimaryIPv6:b` + specMarketing + specTagAssociation + `enableGatewayMode:b`,
			`requestId instanceIdSet[] orderNumber`},
		"DescribeInstances": {`instanceIds[] zoneId resourceGroupId instanceTypeId internetChargeType imageId subnetId
			instanceStatus instanceName hostname publicIpAddresses[] privateIpAddresses[] pageNum:i pageSize:i` + specTagFilter,
			`requestId totalCount:i dataSet[{instanceId zoneId instanceName hostname instanceTypeId instanceType{` +
				specBMCInstanceType2022 + `} imageId imageName ipxeUrl instanceChargeType bandwidthOutMbps:i trafficPackageSize:n
			internetChargeType period:i primaryPublicIpAddress publicIpAddresses[] privateIpAddresses[] ipv6Addresses[]
			subnetIds[] createTime expiredTime resourceGroupId resourceGroupName instanceStatus partitions[{` + specBMCPartition + `}]
			raidConfig{` + specBMCRaid + `} nic{wanName lanName} autoRenew:b keyId` + specTagAssociation + `enableGatewayMode:b}]`},
		"StartInstances":           {`instanceIds[]`, specRequestID},
		"StopInstances":            {`instanceIds[]`, specRequestID},
		"ModifyInstancesAttribute": {`instanceIds[] instanceName`, specRequestID},
		"TerminateInstance":        {`instanceId`, specRequestID},
		"ReleaseInstances":         {`instanceIds[]`, specRequestID},
		"DescribeZones": {`acceptLanguage isCloudRouterAvailable:b`,
			`requestId zoneSet[{zoneId zoneName cityName areaName isCloudRouterAvailable:b}]`},
		"DescribeInstanceTypes": {`imageId instanceTypeIds[] minimumCpuCoreCount:i maximumCpuCoreCount:i minimumMemorySize:i
			maximumMemorySize:i minimumBandwidth:i supportRaids[]:i supportSubnet:b minimumDiskSize:i maximumDiskSize:i isHA:b`,
			`requestId instanceTypes[{` + specBMCInstanceType2022 + `}]`},
		"DescribeImages": {`imageIds[] imageName catalog imageType osType instanceTypeId`,
			`requestId images[{imageId imageName catalog imageType osType}]`},
	}),
}

// Models of bmc20221120/models.go that several actions share: RaidConfig,
// Partition and InstanceType.
const (
	specBMCRaid             = `raidType:i customRaids[{raidType:i diskSequence[]:i}]`
	specBMCPartition        = `fsPath fsType size:i`
	specBMCInstanceType2022 = `imageIds[] instanceTypeId description cpuCoreCount:i cpuDetail cpuCores:i cpuThreads:i
		baseFrequency memorySize:i maximumBandwidth:i supportRaids[]:i supportSubnet:b isHA:b
		diskInfo{totalDiskSize:i diskDescription disks[{diskSize:i diskCount:i}]}`
)
