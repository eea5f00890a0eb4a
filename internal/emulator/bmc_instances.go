package emulator

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// bmcInstance is an instance as DescribeInstances answers it (InstanceInfo).
type bmcInstance struct {
	InstanceID             string          `json:"instanceId"`
	ZoneID                 string          `json:"zoneId"`
	InstanceName           string          `json:"instanceName"`
	Hostname               string          `json:"hostname"`
	InstanceTypeID         string          `json:"instanceTypeId"`
	InstanceType           bmcInstanceType `json:"instanceType"`
	ImageID                *string         `json:"imageId"`
	ImageName              *string         `json:"imageName"`
	IpxeURL                *string         `json:"ipxeUrl"`
	InstanceChargeType     string          `json:"instanceChargeType"`
	BandwidthOutMbps       int             `json:"bandwidthOutMbps"`
	TrafficPackageSize     *float64        `json:"trafficPackageSize"`
	InternetChargeType     string          `json:"internetChargeType"`
	Period                 *int            `json:"period"`
	PrimaryPublicIPAddress string          `json:"primaryPublicIpAddress"`
	PublicIPAddresses      []string        `json:"publicIpAddresses"`
	PrivateIPAddresses     []string        `json:"privateIpAddresses"`
	IPv6Addresses          []string        `json:"ipv6Addresses"`
	SubnetIDs              []string        `json:"subnetIds"`
	CreateTime             string          `json:"createTime"`
	ExpiredTime            *string         `json:"expiredTime"`
	ResourceGroupID        string          `json:"resourceGroupId"`
	ResourceGroupName      string          `json:"resourceGroupName"`
	InstanceStatus         string          `json:"instanceStatus"`
	Partitions             []bmcPartition  `json:"partitions"`
	RaidConfig             *bmcRaidConfig  `json:"raidConfig"`
	Nic                    *bmcNic         `json:"nic"`
	AutoRenew              bool            `json:"autoRenew"`
	ClusterID              *string         `json:"clusterId,omitempty"`
	Tags                   *tagSet         `json:"tags"`

	timed
}

// instance finds an instance by id.
func (b *bmcState) instance(id string) (*bmcInstance, *errAPI) {
	i := b.instances[id]
	if i == nil {
		return nil, apiErr(http.StatusNotFound, bmcCodeInstanceNotFound, "Instance %s does not exist.", id)
	}
	return i, nil
}

// newInstance builds an instance (PENDING) of a checked create, named name with hostname host.
func (b *bmcState) newInstance(c *bmcCreate, name, host string) *bmcInstance {
	now := b.s.now().UTC()
	b.ipSeq++
	n := b.ipSeq
	t := c.typ
	typ := *t
	typ.ImageIDs = nil
	i := &bmcInstance{
		InstanceID: b.newInstanceID(), ZoneID: c.zone, InstanceName: name, Hostname: host,
		InstanceTypeID: t.InstanceTypeID, InstanceType: typ, InstanceChargeType: c.charge,
		BandwidthOutMbps: c.bandwidth, InternetChargeType: c.internet,
		PrimaryPublicIPAddress: fmt.Sprintf("203.0.%d.%d", 113+n/250%8, 1+n%250),
		PrivateIPAddresses:     []string{fmt.Sprintf("10.%d.%d.%d", 10+bmcZoneIndex(c.zone), n/250%250, 1+n%250)},
		IPv6Addresses:          []string{fmt.Sprintf("2001:db8:%x::%x", 10+bmcZoneIndex(c.zone), n)},
		SubnetIDs:              []string{},
		CreateTime:             now.Format(time.RFC3339), ResourceGroupID: defaultResourceGroup, ResourceGroupName: "Default Resource Group",
		InstanceStatus: bmcStatusPending, Partitions: c.partitions, RaidConfig: c.raid, ClusterID: c.clusterID,
	}
	i.PublicIPAddresses = []string{i.PrimaryPublicIPAddress}
	i.Tags = wrapTags(c.tags)
	if c.img != nil {
		id, name := c.img.ImageID, c.img.ImageName
		i.ImageID, i.ImageName = &id, &name
	} else if c.ipxeURL != "" {
		i.IpxeURL = &c.ipxeURL
	}
	if i.Partitions == nil {
		i.Partitions = []bmcPartition{}
	}
	wan, lan := "wan0", "lan0"
	if t.IsHA {
		wan, lan = "bond0", "bond1"
	}
	if c.nic != nil && c.nic.WanName != nil {
		wan = *c.nic.WanName
	}
	if c.nic != nil && c.nic.LanName != nil {
		lan = *c.nic.LanName
	}
	i.Nic = &bmcNic{WanName: &wan, LanName: &lan}
	if c.resourceGroup != "" {
		i.ResourceGroupID, i.ResourceGroupName = c.resourceGroup, c.resourceGroup
	}
	if c.subnet != "" {
		i.SubnetIDs = []string{c.subnet}
	}
	if c.internet == "ByTrafficPackage" {
		size := valueOr(c.trafficPackage, t.defaultTrafficPackage)
		i.TrafficPackageSize = &size
	}
	if c.charge == bmcChargePrepaid && c.period > 0 {
		period := c.period
		expires := now.AddDate(0, period, 0).Format(time.RFC3339)
		i.Period, i.ExpiredTime, i.AutoRenew = &period, &expires, true
	}
	return i
}

// newInstanceID is a numeric string, as the API's instance ids are.
func (b *bmcState) newInstanceID() string {
	b.s.seq++
	return strconv.FormatInt(1_700_000_000_000+int64(b.s.seq), 10)
}
