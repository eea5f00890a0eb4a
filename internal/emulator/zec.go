package emulator

import (
	"slices"
	"time"
)

// Zones and disk categories the ZEC emulator knows.
var (
	zecZones          = []string{"asia-east-1a", "asia-southeast-1a", "na-west-1a", "eu-west-1a"}
	zecDiskCategories = []string{"Basic NVMe SSD", "Standard NVMe SSD"}
)

const zecDefaultDiskCategory = "Standard NVMe SSD"

const (
	zecDiskMinSize      = 20
	zecDiskMaxSize      = 32768
	zecMaxDisksPerCall  = 10 // AttachDisks / DetachDisks
	zecMaxCreateDisks   = 50 // CreateDisks diskAmount
	zecMaxDataDisks     = 10 // per instance
	zecDiskNameMaxLen   = 64
	diskStatusCreating  = "CREATING"
	diskStatusAvailable = "AVAILABLE"
	diskStatusAttaching = "ATTACHING"
	diskStatusInUse     = "IN_USE"
	diskStatusDetaching = "DETACHING"
	diskStatusChanging  = "CHANGING"
	diskStatusDeleting  = "DELETING"
	diskStatusRecycling = "RECYCLING"
	diskStatusRecycled  = "RECYCLED"
)

type zecState struct {
	s         *Server
	disks     map[string]*zecDisk
	instances map[string]*zecInstance

	zecInstanceKnobs // test knobs of the instance actions (zec_instances.go)
}

type zecDisk struct {
	DiskID          string  `json:"diskId"`
	DiskName        string  `json:"diskName"`
	ZoneID          string  `json:"zoneId"`
	DiskType        string  `json:"diskType"`
	Portable        bool    `json:"portable"`
	DiskCategory    string  `json:"diskCategory"`
	DiskSize        int     `json:"diskSize"`
	DiskStatus      string  `json:"diskStatus"`
	InstanceID      string  `json:"instanceId,omitempty"`
	InstanceName    string  `json:"instanceName,omitempty"`
	ChargeType      string  `json:"chargeType"`
	CreateTime      string  `json:"createTime"`
	ResourceGroupID string  `json:"resourceGroupId"`
	Tags            *tagSet `json:"tags,omitempty"`

	timed
}

// zecInstance is the part of a ZEC instance the disk actions need; the
// instance actions extend it.
type zecInstance struct {
	InstanceID   string `json:"instanceId"`
	InstanceName string `json:"instanceName"`
	ZoneID       string `json:"zoneId"`
	Status       string `json:"status"`
	SystemDiskID string `json:"-"`

	zecInstanceDetail // the instance actions' fields (zec_instances.go)

	timed
}

func init() {
	registerBackend("zec", func(s *Server) backend { return newZECState(s) })
}

func newZECState(s *Server) *zecState {
	return &zecState{s: s, disks: map[string]*zecDisk{}, instances: map[string]*zecInstance{}}
}

func (z *zecState) zenlayerService() string { return "zec" }

func (z *zecState) actions() map[string]zenlayerAction {
	return map[string]zenlayerAction{
		"CreateDisks":           z.createDisks,
		"DescribeDisks":         z.describeDisks,
		"AttachDisks":           z.attachDisks,
		"DetachDisks":           z.detachDisks,
		"ResizeDisk":            z.resizeDisk,
		"ModifyDisksAttributes": z.modifyDisksAttributes,
		"ReleaseDisk":           z.releaseDisk,
		"DescribeDiskCategory":  z.describeDiskCategory,

		"CreateZecInstances":       z.createZecInstances,
		"DescribeInstances":        z.describeInstances,
		"DescribeInstancesStatus":  z.describeInstancesStatus,
		"StartInstances":           z.startInstances,
		"StopInstances":            z.stopInstances,
		"ModifyInstancesAttribute": z.modifyInstancesAttribute,
		"ReleaseInstances":         z.releaseInstances,
	}
}

// advance applies due transitions. Called with s.mu held.
func (z *zecState) advance(now time.Time) {
	advanceEach(z.disks, now)
	advanceEach(z.instances, now)
}

// inventory lists the disks and instances. Called with s.mu held.
func (z *zecState) inventory(inv map[string][]string) {
	addInventory(inv, "zec_disk", z.disks)
	addInventory(inv, "zec_instance", z.instances)
}

// AddZECInstance places a running ZEC instance, with its system disk, in
// the emulator (a fixture for tests and the demo) and returns its id.
func (s *Server) AddZECInstance(zoneID, name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.zec.addInstance(zoneID, name, "RUNNING", 20, zecDefaultDiskCategory)
}

func (z *zecState) addInstance(zoneID, name, status string, systemDiskSize int, category string) string {
	id := z.s.newID("zec")
	diskID := z.s.newID("disk")
	z.instances[id] = &zecInstance{InstanceID: id, InstanceName: name, ZoneID: zoneID, Status: status, SystemDiskID: diskID}
	z.fillInstanceDefaults(z.instances[id])
	z.disks[diskID] = &zecDisk{
		DiskID: diskID, DiskName: name + "-system", ZoneID: zoneID, DiskType: "SYSTEM", Portable: false,
		DiskCategory: category, DiskSize: systemDiskSize, DiskStatus: diskStatusInUse, InstanceID: id, InstanceName: name,
		ChargeType: "POSTPAID", CreateTime: z.s.now().UTC().Format(time.RFC3339), ResourceGroupID: defaultResourceGroup,
	}
	return id
}

// SetZECInstanceStatus changes an instance's status behind the provider's back (tests).
func (s *Server) SetZECInstanceStatus(id, status string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.zec.instances[id]
	if i == nil {
		return false
	}
	i.tl.clear()
	i.Status = status
	return true
}

// ZECDisk returns a copy of a disk's public fields, or false if it is gone.
func (s *Server) ZECDisk(id string) (ZECDiskView, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advanceAll()
	d := s.zec.disks[id]
	if d == nil {
		return ZECDiskView{}, false
	}
	return ZECDiskView{ID: d.DiskID, Name: d.DiskName, Size: d.DiskSize, Status: d.DiskStatus, InstanceID: d.InstanceID, Type: d.DiskType}, true
}

// ZECDiskView is what tests read of a disk.
type ZECDiskView struct {
	ID, Name, Status, InstanceID, Type string
	Size                               int
}

// DeleteZECDisk removes a disk behind the provider's back (tests: "disappears").
func (s *Server) DeleteZECDisk(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.zec.disks[id]; !ok {
		return false
	}
	delete(s.zec.disks, id)
	return true
}

// SetZECDiskStatus forces a disk's status (tests: a disk stuck or recycled behind Terraform's back).
func (s *Server) SetZECDiskStatus(id, status string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.zec.disks[id]
	if d == nil {
		return false
	}
	d.tl.clear()
	d.DiskStatus = status
	return true
}

const defaultResourceGroup = "rg-default-emulator"

func validZone(zone string) bool { return slices.Contains(zecZones, zone) }

// ZECSystemDiskID is the id of an instance's system (boot) disk, or "".
func (s *Server) ZECSystemDiskID(instanceID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.zec.instances[instanceID]; i != nil {
		return i.SystemDiskID
	}
	return ""
}
