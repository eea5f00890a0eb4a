package emulator

import (
	"net/http"
)

// Limits of the disk actions.
const (
	zecDiskMinSize     = 20
	zecDiskMaxSize     = 32768
	zecMaxDisksPerCall = 10 // AttachDisks / DetachDisks
	zecMaxCreateDisks  = 50 // CreateDisks diskAmount
	zecMaxDataDisks    = 10 // per instance
	zecDiskNameMaxLen  = 64
)

// ZEC disks live through lazy status machines:
//
//	CreateDisks  CREATING → AVAILABLE, or → ATTACHING → IN_USE with an instanceId
//	AttachDisks  AVAILABLE → ATTACHING → IN_USE
//	DetachDisks  IN_USE → DETACHING → AVAILABLE
//	ResizeDisk   AVAILABLE/IN_USE → CHANGING → as before, larger
//	ReleaseDisk  AVAILABLE → RECYCLING → RECYCLED (ReleaseRecycle);
//	             otherwise, and from RECYCLED, DELETING → gone

// zecDisk is a disk as the emulator keeps it; wire is its DiskInfo.
type zecDisk struct {
	DiskID, DiskName, ZoneID, DiskType string
	Portable                           bool
	DiskCategory                       string
	DiskSize                           int
	DiskStatus                         string
	InstanceID, InstanceName           string
	ChargeType, CreateTime             string
	ResourceGroupID                    string
	Tags                               *tagSet
	// Bursting is burstingEnabled (CreateDisks, or the disk spec of CreateZecInstances).
	Bursting bool
	// Marketing is the marketingOptions the disk was bought with (kept; no answer shows it).
	Marketing params

	timed
}

// wire is the disk as DescribeDisks answers it (DiskInfo of either
// version: the version's model keeps its own fields). A disk has no serial
// number, snapshot policy or subscription in the emulator: those are null.
func (d *zecDisk) wire() map[string]any {
	return map[string]any{
		"diskId": d.DiskID, "diskName": d.DiskName, "regionId": zecRegionOf(d.ZoneID), "zoneId": d.ZoneID, "diskType": d.DiskType,
		"portable": d.Portable, "diskCategory": d.DiskCategory, "diskSize": d.DiskSize, "diskStatus": d.DiskStatus,
		"instanceId": nilIfEmpty(d.InstanceID), "instanceName": nilIfEmpty(d.InstanceName), "chargeType": d.ChargeType,
		"createTime": d.CreateTime, "resourceGroupId": d.ResourceGroupID, "resourceGroupName": resourceGroupName(d.ResourceGroupID),
		"snapshotAbility": true, "tags": d.Tags, "burstingEnabled": d.Bursting,
	}
}

func (z *zecState) dataDiskCount(instanceID string) int {
	n := 0
	for _, d := range z.disks {
		if d.InstanceID == instanceID && d.DiskType == "DATA" {
			n++
		}
	}
	return n
}

// diskBusy reports whether a disk is in the middle of an operation.
func diskBusy(d *zecDisk) bool {
	switch d.DiskStatus {
	case diskStatusAvailable, diskStatusInUse, diskStatusRecycled:
		return d.tl.busy()
	}
	return true
}

func (z *zecState) disk(id string) (*zecDisk, *errAPI) {
	d := z.disks[id]
	if d == nil {
		return nil, apiErr(http.StatusNotFound, codeDiskNotFound, "Disk does not exist.")
	}
	return d, nil
}

// addLinkedDisk adds a disk of instance i, its system disk or a data disk
// made with it: POSTPAID, in i's zone and resource group, created with it.
func (z *zecState) addLinkedDisk(i *zecInstance, name, diskType, category string, size int, status string) *zecDisk {
	d := &zecDisk{
		DiskID: z.s.newID("disk"), DiskName: name, ZoneID: i.ZoneID, DiskType: diskType, Portable: diskType == "DATA",
		DiskCategory: category, DiskSize: size, DiskStatus: status, InstanceID: i.InstanceID, InstanceName: i.InstanceName,
		ChargeType: "POSTPAID", CreateTime: i.CreateTime, ResourceGroupID: i.ResourceGroupID, Marketing: i.Marketing,
	}
	z.disks[d.DiskID] = d
	return d
}
