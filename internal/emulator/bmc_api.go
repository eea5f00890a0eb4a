package emulator

// The versions of service bmc and the shape of each action in them: the
// SDK's packages bmc20221120 and bmc20260201 (zenlayercloud-sdk-go v0.2.40,
// client.go APIVersion; models.go <Action>Request and
// <Action>Response.Response). 2026-02-01 takes no sshKeys and answers the
// GPU (vpu*) of instance types, an instance's primary IPv6 address and
// whether a zone takes BYOIP.
var bmcVersions = map[string]apiVersion{
	"2022-11-20": bmcShapes(bmcVersionDiff{login: `password keyId sshKeys[]`}),
	"2026-02-01": bmcShapes(bmcVersionDiff{login: `password keyId`, instanceType: `vpuVendor vpuCard vpuCount:i`,
		instance: `primaryPublicIPv6Address`, zone: `isByoipEnabled:b`}),
}

// bmcVersionDiff is what a BMC version adds to the fields both have.
type bmcVersionDiff struct {
	// login is CreateInstances' login fields; the others are the fields a
	// version adds to InstanceType, InstanceInfo and ZoneInfo.
	login, instanceType, instance, zone string
}

func bmcShapes(v bmcVersionDiff) apiVersion {
	instanceType := specBMCInstanceType + " " + v.instanceType
	return shapes(map[string][2]string{
		"CreateInstances": {`zoneId instanceChargeType instanceChargePrepaid{period:i} instanceTypeId imageId ipxeUrl
			resourceGroupId instanceName hostname amount:i ` + v.login + ` internetChargeType internetMaxBandwidthOut:i
			trafficPackageSize:n subnetId raidConfig{` + specBMCRaid + `} partitions[{` + specBMCPartition + `}]
			nic{wanName lanName} userData clusterId enablePrimaryIPv6:b` + specMarketing + specTagAssociation + `enableGatewayMode:b`,
			`requestId instanceIdSet[] orderNumber`},
		"DescribeInstances": {`instanceIds[] zoneId resourceGroupId instanceTypeId internetChargeType imageId subnetId
			instanceStatus instanceName hostname publicIpAddresses[] privateIpAddresses[] pageNum:i pageSize:i` + specTagFilter,
			`requestId totalCount:i dataSet[{instanceId zoneId instanceName hostname instanceTypeId instanceType{` + instanceType + `}
			imageId imageName ipxeUrl instanceChargeType bandwidthOutMbps:i trafficPackageSize:n internetChargeType period:i
			primaryPublicIpAddress publicIpAddresses[] privateIpAddresses[] ipv6Addresses[] subnetIds[] createTime expiredTime
			resourceGroupId resourceGroupName instanceStatus partitions[{` + specBMCPartition + `}] raidConfig{` + specBMCRaid + `}
			nic{wanName lanName} autoRenew:b keyId` + specTagAssociation + `enableGatewayMode:b ` + v.instance + `}]`},
		"StartInstances":           {`instanceIds[]`, specRequestID},
		"StopInstances":            {`instanceIds[]`, specRequestID},
		"RebootInstances":          {`instanceIds[]`, specRequestID},
		"ModifyInstancesAttribute": {`instanceIds[] instanceName`, specRequestID},
		"TerminateInstance":        {`instanceId`, specRequestID},
		"ReleaseInstances":         {`instanceIds[]`, specRequestID},
		"DescribeZones": {`acceptLanguage isCloudRouterAvailable:b`,
			`requestId zoneSet[{zoneId zoneName cityName areaName isCloudRouterAvailable:b ` + v.zone + `}]`},
		"DescribeInstanceTypes": {`imageId instanceTypeIds[] minimumCpuCoreCount:i maximumCpuCoreCount:i minimumMemorySize:i
			maximumMemorySize:i minimumBandwidth:i supportRaids[]:i supportSubnet:b minimumDiskSize:i maximumDiskSize:i isHA:b`,
			`requestId instanceTypes[{` + instanceType + `}]`},
		"DescribeImages": {`imageIds[] imageName catalog imageType osType instanceTypeId`,
			`requestId images[{imageId imageName catalog imageType osType}]`},
		// ReinstallInstanceRequest (2022-11-20 also takes sshKeys) and
		// ReInstallInstanceResponse / ReinstallInstanceResponse.
		"ReinstallInstance": {`instanceId imageId ipxeUrl hostname ` + v.login + ` raidConfig{` + specBMCRaid + `}
			partitions[{` + specBMCPartition + `}] nic{wanName lanName} userData`, specRequestID},
		// ModifyInstanceBandwidthRequest, ModifyInstanceBandwidthResponseParams.
		"ModifyInstanceBandwidth": {`instanceId bandwidthOutMbps:i`, `requestId orderNumber`},
		// ModifyInstanceTrafficPackageRequest, ModifyInstanceTrafficPackage(Size)ResponseParams.
		"ModifyInstanceTrafficPackage": {`instanceId trafficPackageSize:n`, `requestId orderNumber`},
		// DescribeInstanceInternetStatusRequest, InstanceInternetStatus;
		// Cancel{InstanceBandwidth,InstanceTrafficPackage}DowngradeRequest.
		"DescribeInstanceInternetStatus": {`instanceId`, `requestId instanceId instanceName internetMaxBandwidthOut:i
			modifiedInternetMaxBandwidthOut:i modifiedBandwidthStatus trafficPackageSize:n modifiedTrafficPackageSize:n
			modifiedTrafficPackageStatus`},
		"CancelInstanceBandwidthDowngrade":      {`instanceId`, specRequestID},
		"CancelInstanceTrafficPackageDowngrade": {`instanceId`, specRequestID},
		// AssociateSubnetInstancesRequest (AssociateSubnetInstanceIpAddress /
		// AssociateSubnetInstance items), UnAssociateSubnetInstanceRequest.
		"AssociateSubnetInstances":  {`subnetId subnetInstanceList[{instanceId privateIpAddress}]`, specRequestID},
		"UnAssociateSubnetInstance": {`subnetId instanceId`, specRequestID},
	})
}

// Models of the BMC packages' models.go that several actions share:
// RaidConfig, Partition and InstanceType (as in bmc20221120).
const (
	specBMCRaid         = `raidType:i customRaids[{raidType:i diskSequence[]:i}]`
	specBMCPartition    = `fsPath fsType size:i`
	specBMCInstanceType = `imageIds[] instanceTypeId description cpuCoreCount:i cpuDetail cpuCores:i cpuThreads:i
		baseFrequency memorySize:i maximumBandwidth:i supportRaids[]:i supportSubnet:b isHA:b
		diskInfo{totalDiskSize:i diskDescription disks[{diskSize:i diskCount:i}]}`
)
