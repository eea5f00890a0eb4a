package emulator

import (
	"net/http"
	"time"
)

// The BMC (bare metal) backend: Zenlayer API 2.0 service "bmc", version
// 2022-11-20. Instances live through lazy status machines:
//
//	CreateInstances   PENDING → CREATING → INSTALLING → RUNNING
//	                  (CREATE_FAILED / INSTALL_FAILED with Options.CreateFailRate;
//	                  without an image there is no INSTALLING)
//	StopInstances     RUNNING → STOPPING → STOPPED
//	StartInstances    STOPPED → BOOTING → RUNNING
//	TerminateInstance RUNNING/STOPPED/INSTALL_FAILED → RECYCLING → RECYCLE
//	                  (auto-released 24 h later); CREATE_FAILED → gone at once;
//	                  PREPAID → renewal cancelled, the instance stays
//	ReleaseInstances  RECYCLE → RELEASING → gone
func init() {
	registerBackend("bmc", func(s *Server) backend { return newBMCState(s) })
}

// BMC instance statuses.
const (
	bmcStatusPending       = "PENDING"
	bmcStatusCreating      = "CREATING"
	bmcStatusCreateFailed  = "CREATE_FAILED"
	bmcStatusInstalling    = "INSTALLING"
	bmcStatusInstallFailed = "INSTALL_FAILED"
	bmcStatusRunning       = "RUNNING"
	bmcStatusStopping      = "STOPPING"
	bmcStatusStopped       = "STOPPED"
	bmcStatusBooting       = "BOOTING"
	bmcStatusRecycling     = "RECYCLING"
	bmcStatusRecycle       = "RECYCLE"
	bmcStatusReleasing     = "RELEASING"
)

var bmcStatuses = []string{
	bmcStatusPending, bmcStatusCreating, bmcStatusCreateFailed, bmcStatusInstalling, bmcStatusInstallFailed,
	bmcStatusRunning, bmcStatusStopping, bmcStatusStopped, bmcStatusBooting, bmcStatusRecycling, bmcStatusRecycle,
	bmcStatusReleasing,
}

// bmcRecycleRetention is how long the recycle bin keeps a terminated instance.
const bmcRecycleRetention = 24 * time.Hour

const (
	bmcChargePrepaid  = "PREPAID"
	bmcChargePostpaid = "POSTPAID"
)

// BMC error codes (the API documents; HTTP statuses as the documents give them).
const (
	bmcCodeInstanceNotFound      = "INVALID_INSTANCE_NOT_FOUND"
	bmcCodeNotRecycled           = "OPERATION_DENIED_INSTANCE_NOT_RECYCLED"
	bmcCodeRecycled              = "OPERATION_DENIED_INSTANCE_RECYCLED"
	bmcCodeCreating              = "OPERATION_DENIED_INSTANCE_CREATING"
	bmcCodeInstalling            = "OPERATION_DENIED_INSTANCE_STATUS_INSTALLING"
	bmcCodeNotRunning            = "OPERATION_DENIED_INSTANCE_NOT_RUNNING"
	bmcCodeNotStopped            = "OPERATION_DENIED_INSTANCE_NOT_STOPPED"
	bmcCodeZoneNotFound          = "INVALID_ZONE_NOT_FOUND"
	bmcCodeInstanceTypeNotFound  = "INVALID_INSTANCE_TYPE_NOT_FOUND"
	bmcCodeImageNotFound         = "INVALID_IMAGE_NOT_FOUND"
	bmcCodeSubnetNotFound        = "INVALID_SUBNET_NOT_FOUND"
	bmcCodeSubnetZoneMismatch    = "INVALID_SUBNET_ZONE_MISMATCH"
	bmcCodeChargeTypeNotSupport  = "INVALID_CHARGE_TYPE_NOT_SUPPORT"
	bmcCodeBandwidthExceed       = "INVALID_BANDWIDTH_VALUE_EXCEED_MAXIMUM"
	bmcCodeHostnameExceed        = "INVALID_PARAMETER_HOSTNAME_EXCEED"
	bmcCodeHostnameMalformed     = "INVALID_PARAMETER_HOSTNAME_MALFORMED"
	bmcCodeNameExceed            = "INVALID_PARAMETER_INSTANCE_NAME_EXCEED"
	bmcCodePasswordMalformed     = "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED"
	bmcCodeLoginConflict         = "INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT"
	bmcCodeSSHKeyMalformed       = "INVALID_PARAMETER_SSH_KEY_MALFORMED"
	bmcCodeSSHKeyDuplicate       = "INVALID_PARAMETER_SSH_KEY_DUPLICATE"
	bmcCodeRaidConflict          = "INVALID_RAID_CONFIG_FAST_CUSTOM_CONFLICT"
	bmcCodeRaidNotSupport        = "INVALID_INSTANCE_TYPE_RAID_NOT_SUPPORT"
	bmcCodeRaidDiskMismatch      = "INVALID_PARAMETER_VALUE_RAID_DISK_MISMATCH"
	bmcCodeRaidDiskDisorder      = "INVALID_PARAMETER_VALUE_RAID_DISK_DISORDER"
	bmcCodeRaidSequenceDuplicate = "INVALID_PARAMETER_VALUE_RAID_DISK_SEQUENCE_DUPLICATE"
	bmcCodeRaidSequenceRange     = "INVALID_PARAMETER_VALUE_RAID_DISK_SEQUENCE_RANGE"
	bmcCodeNicNameConflict       = "INVALID_PARAMETER_NIC_NAME_CONFLICT"
	bmcCodeNicNameMalformed      = "INVALID_PARAMETER_NIC_NAME_MALFORMED"
	bmcCodePartitionImageNotSet  = "INVALID_PARTITION_IMAGE_NOT_SET"
	bmcCodePartitionSizeNotFull  = "INVALID_PARTITION_SIZE_NOT_FULL"
	bmcCodePartitionDuplicate    = "INVALID_PARTITION_DUPLICATE_FILE_PATH"
	bmcCodePartitionMissingRoot  = "INVALID_PARTITION_MISSING_REQUIRED_FILE_PATH"
	bmcCodePartitionMalformed    = "INVALID_PARTITION_MALFORMED"
	bmcCodePartitionNoType       = "INVALID_PARTITION_NO_TYPE"
	bmcCodePartitionOrder        = "INVALID_PARTITION_INVALID_ORDER"
)

const (
	bmcMaxAmount  = 100
	bmcNameMaxLen = 64
	bmcMaxSSHKeys = 5
)

type bmcState struct {
	s         *Server
	instances map[string]*bmcInstance
	// ipSeq numbers the addresses handed out.
	ipSeq int
}

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

type bmcRaidConfig struct {
	RaidType    *int            `json:"raidType,omitempty"`
	CustomRaids []bmcCustomRaid `json:"customRaids,omitempty"`
}

type bmcCustomRaid struct {
	RaidType     *int  `json:"raidType"`
	DiskSequence []int `json:"diskSequence"`
}

type bmcPartition struct {
	FsPath *string `json:"fsPath"`
	FsType *string `json:"fsType"`
	Size   *int    `json:"size"`
}

type bmcNic struct {
	WanName *string `json:"wanName,omitempty"`
	LanName *string `json:"lanName,omitempty"`
}

func newBMCState(s *Server) *bmcState {
	return &bmcState{s: s, instances: map[string]*bmcInstance{}}
}

func (b *bmcState) zenlayerService() string { return "bmc" }

func (b *bmcState) actions() map[string]zenlayerAction {
	return map[string]zenlayerAction{
		"CreateInstances":          b.createInstances,
		"DescribeInstances":        b.describeInstances,
		"StartInstances":           b.startInstances,
		"StopInstances":            b.stopInstances,
		"ModifyInstancesAttribute": b.modifyInstancesAttribute,
		"TerminateInstance":        b.terminateInstance,
		"ReleaseInstances":         b.releaseInstances,
		"DescribeZones":            b.describeZones,
		"DescribeInstanceTypes":    b.describeInstanceTypes,
		"DescribeImages":           b.describeImages,
	}
}

// advance applies due transitions. Called with s.mu held.
func (b *bmcState) advance(now time.Time) {
	advanceEach(b.instances, now)
}

// inventory lists the instances as "bmc_instance". Called with s.mu held.
func (b *bmcState) inventory(inv map[string][]string) {
	addInventory(inv, "bmc_instance", b.instances)
}

// bmcOf is the server's BMC backend.
func (s *Server) bmcOf() *bmcState {
	return backendOf[*bmcState](s, "bmc")
}

func (b *bmcState) instance(id string) (*bmcInstance, *errAPI) {
	i := b.instances[id]
	if i == nil {
		return nil, apiErr(http.StatusNotFound, bmcCodeInstanceNotFound, "Instance %s does not exist.", id)
	}
	return i, nil
}

// recycled reports whether an instance is in (or on its way into or out of) the recycle bin.
func (i *bmcInstance) recycled() bool {
	switch i.InstanceStatus {
	case bmcStatusRecycling, bmcStatusRecycle, bmcStatusReleasing:
		return true
	}
	return false
}

// BMCInstanceView is what tests read of a BMC instance.
type BMCInstanceView struct {
	ID, Name, Hostname, ZoneID, InstanceTypeID, ImageID, Status string
	ChargeType, InternetChargeType, SubnetID, ResourceGroupID   string
	Bandwidth, Period                                           int
	AutoRenew                                                   bool
	PublicIP                                                    string
}

// BMCInstance returns a copy of a BMC instance's fields, or false if it is gone.
func (s *Server) BMCInstance(id string) (BMCInstanceView, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advanceAll()
	i := s.bmcOf().instances[id]
	if i == nil {
		return BMCInstanceView{}, false
	}
	v := BMCInstanceView{
		ID: i.InstanceID, Name: i.InstanceName, Hostname: i.Hostname, ZoneID: i.ZoneID, InstanceTypeID: i.InstanceTypeID,
		Status: i.InstanceStatus, ChargeType: i.InstanceChargeType, InternetChargeType: i.InternetChargeType,
		ResourceGroupID: i.ResourceGroupID, Bandwidth: i.BandwidthOutMbps, AutoRenew: i.AutoRenew, PublicIP: i.PrimaryPublicIPAddress,
	}
	if i.ImageID != nil {
		v.ImageID = *i.ImageID
	}
	if i.Period != nil {
		v.Period = *i.Period
	}
	if len(i.SubnetIDs) > 0 {
		v.SubnetID = i.SubnetIDs[0]
	}
	return v, true
}

// SetBMCInstanceStatus forces an instance's status and cancels its pending
// transitions (tests: an instance stopped, terminated or restored behind
// the provider's back). Setting RECYCLE also starts the recycle bin's
// 24-hour retention.
func (s *Server) SetBMCInstanceStatus(id, status string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.bmcOf()
	i := b.instances[id]
	if i == nil {
		return false
	}
	i.tl.clear()
	i.InstanceStatus = status
	if status == bmcStatusRecycle {
		b.scheduleAutoRelease(i, s.now())
	}
	return true
}

// DeleteBMCInstance removes an instance behind the provider's back (tests: "disappears").
func (s *Server) DeleteBMCInstance(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.bmcOf()
	if _, ok := b.instances[id]; !ok {
		return false
	}
	delete(b.instances, id)
	return true
}

// AddBMCInstance places a RUNNING POSTPAID instance of the first catalogue
// type and image in zoneID (a fixture for tests and the demo) and returns its id.
func (s *Server) AddBMCInstance(zoneID, name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.bmcOf()
	t := &bmcInstanceTypes[0]
	img := bmcImages[0]
	i := b.newInstance(bmcCreateReq{}, zoneID, t, &img, name, name, bmcChargePostpaid, "ByBandwidth", 1)
	i.InstanceStatus = bmcStatusRunning
	b.instances[i.InstanceID] = i
	return i.InstanceID
}

// scheduleAutoRelease frees a recycled instance when the bin's retention ends.
func (b *bmcState) scheduleAutoRelease(i *bmcInstance, from time.Time) {
	id := i.InstanceID
	i.tl.after(from, bmcRecycleRetention, func() {
		if i.InstanceStatus == bmcStatusRecycle {
			delete(b.instances, id)
		}
	})
}
