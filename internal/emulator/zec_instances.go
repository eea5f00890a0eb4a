package emulator

import (
	"fmt"
	"net/http"
	"time"
)

// zecInstance is a ZEC instance as the emulator keeps it; instanceInfo is
// its wire form.
type zecInstance struct {
	InstanceID      string
	InstanceName    string
	ZoneID          string
	Status          string
	SystemDiskID    string
	InstanceType    string
	ImageID         string
	CPU, Memory     int
	TimeZone        string
	NicNetworkType  string
	SubnetID        string
	SecurityGroupID string
	KeyID           string
	PublicIPs       []string
	PrivateIPs      []string
	// IPv6 is the primary NIC's IPv6 address (ipStackType IPv6 or IPv4_IPv6).
	IPv6            string
	EnableAgent     bool
	EnableIPForward bool
	CreateTime      string
	ResourceGroupID string
	Tags            []Tag
	// NestedVirtualization is instanceOptions.nestedVirtualization.
	NestedVirtualization bool
	// Kept from the create, shown by no answer: the public network
	// (internetChargeType, bandwidth, trafficPackageSize, eipBindType,
	// eipV4Type, networkLineType, ipStackType, clusterId, ipv6ClusterId),
	// userData and marketingOptions.
	Network   params
	UserData  string
	Marketing params
	// NicName is the primary vNIC's name (ModifyNetworkInterfaceAttribute),
	// "<instanceName>-nic0" until it is set.
	NicName string
	// Resets and PasswordResets count ResetInstance and
	// ResetInstancePassword calls (no answer shows a password).
	Resets, PasswordResets int
	// releaseDependents is the dependResource of the release under way.
	releaseDependents bool

	timed
}

// fillInstanceDefaults completes an instance placed by a test fixture.
func (z *zecState) fillInstanceDefaults(i *zecInstance) {
	t := ZECInstanceTypes[zecDefaultInstanceType]
	i.InstanceType, i.ImageID, i.CPU, i.Memory = zecDefaultInstanceType, zecDefaultImage, t.CPU, t.Memory
	i.TimeZone, i.NicNetworkType, i.SubnetID, i.SecurityGroupID = "America/Los_Angeles", "Auto", zecDefaultSubnet, zecDefaultSG
	i.PrivateIPs = []string{z.privateIP("")}
	i.EnableAgent = true
	i.CreateTime = z.s.now().UTC().Format(time.RFC3339)
	i.ResourceGroupID = defaultResourceGroup
}

// privateIP returns lanIP if no instance uses it, else the next free address.
func (z *zecState) privateIP(lanIP string) string {
	used := map[string]bool{}
	for _, i := range z.instances {
		for _, ip := range i.PrivateIPs {
			used[ip] = true
		}
	}
	if lanIP != "" && !used[lanIP] {
		return lanIP
	}
	for n := len(z.instances) + 2; ; n++ {
		ip := fmt.Sprintf("10.0.%d.%d", (n/250)%250, n%250+2)
		if !used[ip] {
			return ip
		}
	}
}

// instanceInfo is an instance as DescribeInstances answers it (InstanceInfo
// of either version). An instance has one NIC, its primary one; it belongs
// to no load balancer or placement group and has no expiry (POSTPAID).
func (z *zecState) instanceInfo(i *zecInstance) map[string]any {
	nicSubnetType := "IPv4"
	if i.IPv6 != "" {
		nicSubnetType = "IPv4_IPv6"
	}
	nicName := i.NicName
	if nicName == "" {
		nicName = i.InstanceName + "-nic0"
	}
	dataDisks := []any{}
	for _, d := range sortedValues(z.disks) {
		if d.InstanceID == i.InstanceID && d.DiskType == "DATA" {
			dataDisks = append(dataDisks, map[string]any{"diskId": d.DiskID, "diskName": d.DiskName,
				"diskSize": d.DiskSize, "diskCategory": d.DiskCategory, "portable": d.Portable, "burstingEnabled": d.Bursting})
		}
	}
	out := map[string]any{"dataDisks": dataDisks,
		"instanceId": i.InstanceID, "instanceName": i.InstanceName, "zoneId": i.ZoneID, "instanceType": i.InstanceType,
		"cpu": i.CPU, "memory": i.Memory, "imageId": i.ImageID, "imageName": ZECImages[i.ImageID].Name, "timeZone": i.TimeZone,
		"nicNetworkType": i.NicNetworkType, "status": i.Status,
		"publicIpAddresses": nonNil(i.PublicIPs), "privateIpAddresses": nonNil(i.PrivateIPs), "keyId": nilIfEmpty(i.KeyID),
		"subnetId": i.SubnetID, "securityGroupId": i.SecurityGroupID, "enableAgent": i.EnableAgent, "enableAgentMonitor": i.EnableAgent,
		"enableIpForward": i.EnableIPForward, "createTime": i.CreateTime, "resourceGroupId": i.ResourceGroupID,
		"resourceGroupName": resourceGroupName(i.ResourceGroupID), "tags": wrapTags(i.Tags), "loadBalancerIds": []string{},
		"instanceOptions": map[string]any{"nestedVirtualization": i.NestedVirtualization},
		"nics": []any{map[string]any{
			"nicId": i.InstanceID + "-nic0", "name": nicName, "status": "IN_USE", "nicType": "Primary",
			"regionId": zecRegionOf(i.ZoneID), "nicSubnetType": nicSubnetType, "publicIpList": nonNil(i.PublicIPs),
			"privateIpList": nonNil(i.PrivateIPs), "primaryIpv4": i.PrivateIPs[0], "primaryIpv6": nilIfEmpty(i.IPv6),
			"secondaryIpv4s": []string{}, "instanceId": i.InstanceID, "subnetId": i.SubnetID, "createTime": i.CreateTime,
			"resourceGroup":   map[string]any{"resourceGroupId": i.ResourceGroupID, "resourceGroupName": resourceGroupName(i.ResourceGroupID)},
			"securityGroupId": i.SecurityGroupID,
		}},
	}
	if sd := z.disks[i.SystemDiskID]; sd != nil {
		out["systemDisk"] = map[string]any{"diskId": sd.DiskID, "diskSize": sd.DiskSize, "diskCategory": sd.DiskCategory, "burstingEnabled": sd.Bursting}
	}
	return out
}

// instance finds an instance by id.
func (z *zecState) instance(id string) (*zecInstance, *errAPI) {
	i := z.instances[id]
	if i == nil {
		return nil, apiErr(http.StatusNotFound, codeInstanceNotFound, "Instance %s does not exist.", id)
	}
	return i, nil
}

func errInOperation(i *zecInstance) *errAPI {
	return apiErr(http.StatusBadRequest, codeInstanceInOperation, "Instance %s is performing another operation (status %s).", i.InstanceID, i.Status)
}

func errInstanceStatus(i *zecInstance) *errAPI {
	return apiErr(http.StatusBadRequest, codeUnsupportedInstanceStatus, "Operations on instances in current state are not supported: instance %s is %s.", i.InstanceID, i.Status)
}
