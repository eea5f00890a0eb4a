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
	// KeyID is the key pair installed, answered when one was given.
	KeyID *string `json:"keyId,omitempty"`

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

// newInstance builds an instance (PENDING) from a checked request.
func (b *bmcState) newInstance(req bmcCreateReq, zone string, t *bmcInstanceType, img *bmcImage, name, host, charge, internet string, bandwidth int) *bmcInstance {
	now := b.s.now().UTC()
	b.ipSeq++
	n := b.ipSeq
	typ := *t
	typ.ImageIDs = nil
	i := &bmcInstance{
		InstanceID: b.newInstanceID(), ZoneID: zone, InstanceName: name, Hostname: host,
		InstanceTypeID: t.InstanceTypeID, InstanceType: typ, InstanceChargeType: charge,
		BandwidthOutMbps: bandwidth, InternetChargeType: internet,
		PrimaryPublicIPAddress: fmt.Sprintf("203.0.%d.%d", 113+n/250%8, 1+n%250),
		PrivateIPAddresses:     []string{fmt.Sprintf("10.%d.%d.%d", 10+bmcZoneIndex(zone), n/250%250, 1+n%250)},
		IPv6Addresses:          []string{fmt.Sprintf("2001:db8:%x::%x", 10+bmcZoneIndex(zone), n)},
		SubnetIDs:              []string{},
		CreateTime:             now.Format(time.RFC3339), ResourceGroupID: defaultResourceGroup, ResourceGroupName: "Default Resource Group",
		InstanceStatus: bmcStatusPending, Partitions: req.Partitions, RaidConfig: req.RaidConfig, ClusterID: req.ClusterID,
	}
	i.PublicIPAddresses = []string{i.PrimaryPublicIPAddress}
	i.Tags = wrapTags(req.Tags.list())
	i.KeyID = req.KeyID
	if img != nil {
		id, name := img.ImageID, img.ImageName
		i.ImageID, i.ImageName = &id, &name
	} else if req.IpxeURL != nil && *req.IpxeURL != "" {
		i.IpxeURL = req.IpxeURL
	}
	if i.Partitions == nil {
		i.Partitions = []bmcPartition{}
	}
	wan, lan := "wan0", "lan0"
	if t.IsHA {
		wan, lan = "bond0", "bond1"
	}
	if req.Nic != nil && req.Nic.WanName != nil {
		wan = *req.Nic.WanName
	}
	if req.Nic != nil && req.Nic.LanName != nil {
		lan = *req.Nic.LanName
	}
	i.Nic = &bmcNic{WanName: &wan, LanName: &lan}
	if req.ResourceGroupID != nil && *req.ResourceGroupID != "" {
		i.ResourceGroupID, i.ResourceGroupName = *req.ResourceGroupID, *req.ResourceGroupID
	}
	if req.SubnetID != nil && *req.SubnetID != "" {
		i.SubnetIDs = []string{*req.SubnetID}
	}
	if internet == "ByTrafficPackage" {
		size := valueOr(req.TrafficPackageSize, t.defaultTrafficPackage)
		i.TrafficPackageSize = &size
	}
	if charge == bmcChargePrepaid && req.InstanceChargePrepaid != nil && req.InstanceChargePrepaid.Period != nil {
		period := *req.InstanceChargePrepaid.Period
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
