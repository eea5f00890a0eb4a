package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// Error codes of the instance actions (StartInstances document and its siblings).
const (
	codeInstanceNotFound          = "INVALID_INSTANCE_NOT_FOUND"
	codeInstanceInOperation       = "OPERATION_DENIED_INSTANCE_IN_OPERATION"
	codeUnsupportedInstanceStatus = "UNSUPPORTED_OPERATION_INSTANCE_STATUS"
	codePasswordMalformed         = "INVALID_PASSWORD_MALFORMED"
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
	EnableAgent     bool
	EnableIPForward bool
	CreateTime      string
	ResourceGroupID string
	Tags            []Tag
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

// instanceInfo is an instance as DescribeInstances answers it.
type instanceInfo struct {
	InstanceID         string             `json:"instanceId"`
	InstanceName       string             `json:"instanceName"`
	ZoneID             string             `json:"zoneId"`
	InstanceType       string             `json:"instanceType"`
	CPU                int                `json:"cpu"`
	Memory             int                `json:"memory"`
	ImageID            string             `json:"imageId"`
	ImageName          string             `json:"imageName"`
	TimeZone           string             `json:"timeZone"`
	NicNetworkType     string             `json:"nicNetworkType"`
	Status             string             `json:"status"`
	SystemDisk         *instanceDiskInfo  `json:"systemDisk"`
	DataDisks          []instanceDiskInfo `json:"dataDisks"`
	PublicIPAddresses  []string           `json:"publicIpAddresses"`
	PrivateIPAddresses []string           `json:"privateIpAddresses"`
	KeyID              *string            `json:"keyId"`
	SubnetID           string             `json:"subnetId"`
	SecurityGroupID    string             `json:"securityGroupId"`
	EnableAgent        bool               `json:"enableAgent"`
	EnableAgentMonitor bool               `json:"enableAgentMonitor"`
	EnableIPForward    bool               `json:"enableIpForward"`
	CreateTime         string             `json:"createTime"`
	ResourceGroupID    string             `json:"resourceGroupId"`
	ResourceGroupName  string             `json:"resourceGroupName"`
	Tags               *tagSet            `json:"tags,omitempty"`
}

type instanceDiskInfo struct {
	DiskID       string `json:"diskId"`
	DiskName     string `json:"diskName,omitempty"`
	DiskSize     int    `json:"diskSize"`
	DiskCategory string `json:"diskCategory"`
	Portable     *bool  `json:"portable,omitempty"`
}

func (z *zecState) instanceInfo(i *zecInstance) instanceInfo {
	out := instanceInfo{
		InstanceID: i.InstanceID, InstanceName: i.InstanceName, ZoneID: i.ZoneID, InstanceType: i.InstanceType,
		CPU: i.CPU, Memory: i.Memory, ImageID: i.ImageID, ImageName: ZECImages[i.ImageID].Name, TimeZone: i.TimeZone,
		NicNetworkType: i.NicNetworkType, Status: i.Status, DataDisks: []instanceDiskInfo{},
		PublicIPAddresses: slices.Clone(i.PublicIPs), PrivateIPAddresses: slices.Clone(i.PrivateIPs),
		SubnetID: i.SubnetID, SecurityGroupID: i.SecurityGroupID, EnableAgent: i.EnableAgent, EnableAgentMonitor: i.EnableAgent,
		EnableIPForward: i.EnableIPForward, CreateTime: i.CreateTime, ResourceGroupID: i.ResourceGroupID,
		ResourceGroupName: "Default Resource Group", Tags: wrapTags(i.Tags),
	}
	if out.PublicIPAddresses == nil {
		out.PublicIPAddresses = []string{}
	}
	if i.KeyID != "" {
		out.KeyID = &i.KeyID
	}
	if sd := z.disks[i.SystemDiskID]; sd != nil {
		out.SystemDisk = &instanceDiskInfo{DiskID: sd.DiskID, DiskSize: sd.DiskSize, DiskCategory: sd.DiskCategory}
	}
	for _, d := range sortedValues(z.disks) {
		if d.InstanceID == i.InstanceID && d.DiskType == "DATA" {
			portable := d.Portable
			out.DataDisks = append(out.DataDisks, instanceDiskInfo{DiskID: d.DiskID, DiskName: d.DiskName, DiskSize: d.DiskSize, DiskCategory: d.DiskCategory, Portable: &portable})
		}
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
