package emulator

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// bmcInstance is an instance as the emulator keeps it; wire is its InstanceInfo.
type bmcInstance struct {
	InstanceID, ZoneID, InstanceName, Hostname string
	Type                                       *bmcInstanceType
	ImageID, ImageName, IpxeURL                *string
	InstanceChargeType                         string
	BandwidthOutMbps                           int
	TrafficPackageSize                         *float64
	InternetChargeType                         string
	Period                                     *int
	PrimaryPublicIPAddress                     string
	PublicIPAddresses, PrivateIPAddresses      []string
	IPv6Addresses, SubnetIDs                   []string
	CreateTime                                 string
	ExpiredTime                                *string
	ResourceGroupID, ResourceGroupName         string
	InstanceStatus                             string
	Partitions                                 []bmcPartition
	RaidConfig                                 *bmcRaidConfig
	Nic                                        *bmcNic
	AutoRenew                                  bool
	Tags                                       *tagSet
	// KeyID is the key pair the instance was made with (keyId), or "".
	KeyID             string
	EnableGatewayMode bool
	// Kept from the create, shown by no answer: clusterId, userData and marketingOptions.
	ClusterID *string
	UserData  string
	Marketing params
	// Reinstalls counts the ReinstallInstance calls that took effect.
	Reinstalls int
	// DowngradeBandwidth and DowngradeTrafficPackage are a PREPAID
	// machine's decrease ordered for the next billing cycle (nil: none).
	DowngradeBandwidth      *int
	DowngradeTrafficPackage *float64
	// BandwidthChange is the bandwidth (Mbps) a ModifyInstanceBandwidth
	// is setting, in the background (nil: none), on netTL; another is
	// refused meanwhile. It is no status change: the instance takes other
	// actions meanwhile (tl is not busy).
	BandwidthChange *int
	netTL           timeline
	// SubnetMove is the subnet the instance is joining or leaving
	// (AssociateSubnetInstances, UnAssociateSubnetInstance, carried out in
	// the background; "": none): another move is refused meanwhile.
	SubnetMove string

	timed
}

// wire is the instance as DescribeInstances answers it (InstanceInfo of
// either version).
func (i *bmcInstance) wire() map[string]any {
	ipv6 := any(nil)
	if len(i.IPv6Addresses) > 0 {
		ipv6 = i.IPv6Addresses[0]
	}
	return map[string]any{
		"instanceId": i.InstanceID, "zoneId": i.ZoneID, "instanceName": i.InstanceName, "hostname": i.Hostname,
		"instanceTypeId": i.Type.InstanceTypeID, "instanceType": i.Type.wire(nil), "imageId": i.ImageID, "imageName": i.ImageName,
		"ipxeUrl": i.IpxeURL, "instanceChargeType": i.InstanceChargeType, "bandwidthOutMbps": i.BandwidthOutMbps,
		"trafficPackageSize": i.TrafficPackageSize, "internetChargeType": i.InternetChargeType, "period": i.Period,
		"primaryPublicIpAddress": i.PrimaryPublicIPAddress, "primaryPublicIPv6Address": ipv6,
		"publicIpAddresses": i.PublicIPAddresses, "privateIpAddresses": i.PrivateIPAddresses, "ipv6Addresses": nonNil(i.IPv6Addresses),
		"subnetIds": i.SubnetIDs, "createTime": i.CreateTime, "expiredTime": i.ExpiredTime, "resourceGroupId": i.ResourceGroupID,
		"resourceGroupName": i.ResourceGroupName, "instanceStatus": i.InstanceStatus, "partitions": i.Partitions,
		"raidConfig": i.RaidConfig, "nic": i.Nic, "autoRenew": i.AutoRenew, "keyId": nilIfEmpty(i.KeyID), "tags": i.Tags,
		"enableGatewayMode": i.EnableGatewayMode,
	}
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
	i := &bmcInstance{
		InstanceID: b.newInstanceID(), ZoneID: c.zone, InstanceName: name, Hostname: host, Type: t, InstanceChargeType: c.charge,
		BandwidthOutMbps: c.bandwidth, InternetChargeType: c.internet,
		PrimaryPublicIPAddress: fmt.Sprintf("203.0.%d.%d", 113+n/250%8, 1+n%250),
		PrivateIPAddresses:     []string{fmt.Sprintf("10.%d.%d.%d", 10+bmcZoneIndex(c.zone), n/250%250, 1+n%250)},
		SubnetIDs:              []string{},
		CreateTime:             now.Format(time.RFC3339), ResourceGroupID: defaultResourceGroup, ResourceGroupName: resourceGroupName(defaultResourceGroup),
		InstanceStatus: bmcStatusPending, Partitions: c.partitions, RaidConfig: c.raid, ClusterID: c.clusterID,
		KeyID: c.keyID, EnableGatewayMode: c.gatewayMode, UserData: c.userData, Marketing: c.marketing,
	}
	if c.primaryIPv6 {
		i.IPv6Addresses = []string{fmt.Sprintf("2001:db8:%x::%x", 10+bmcZoneIndex(c.zone), n)}
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
