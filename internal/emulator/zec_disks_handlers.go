package emulator

import (
	"net/http"
	"strings"
	"time"
)

// createDisks follows CreateDisks: each disk is CREATING, then AVAILABLE,
// or ATTACHING and IN_USE when it is made for an instance.
func (z *zecState) createDisks(req *call) (any, []string, error) {
	c, e := z.checkCreateDisks(req)
	if e != nil {
		return nil, nil, e
	}
	now := z.s.now()
	d := z.s.opts.Durations
	ids := make([]string, 0, c.amount)
	for n := range c.amount {
		disk := &zecDisk{
			DiskID: z.s.newID("disk"), DiskName: c.name, ZoneID: c.zone, DiskType: "DATA", Portable: true,
			DiskCategory: c.category, DiskSize: c.size, DiskStatus: diskStatusCreating, ChargeType: c.chargeType,
			CreateTime: now.UTC().Format(time.RFC3339), ResourceGroupID: c.resourceGroup, Tags: wrapTags(c.tags),
			Bursting: c.bursting, Marketing: c.marketing,
		}
		if inst := c.instanceFor(n); inst != nil {
			disk.InstanceID, disk.InstanceName = inst.InstanceID, inst.InstanceName
			disk.tl.after(now, d.DiskCreate, func() { disk.DiskStatus = diskStatusAttaching })
			disk.tl.after(now, d.DiskCreate+d.DiskAttach, func() { disk.DiskStatus = diskStatusInUse })
		} else {
			disk.tl.after(now, d.DiskCreate, func() { disk.DiskStatus = diskStatusAvailable })
		}
		z.disks[disk.DiskID] = disk
		ids = append(ids, disk.DiskID)
	}
	return map[string]any{"diskIds": ids, "orderNumber": "order-" + ids[0]}, ids, nil
}

func (z *zecState) describeDisks(req *call) (any, []string, error) {
	// Every disk can have snapshots: snapshotAbility false matches none.
	name, snapshots := req.str("diskName"), req.flag("snapshotAbility")
	return describeObjects(req, "diskIds", z.disks, func(d *zecDisk) string { return d.DiskID }, func(d *zecDisk) []Tag { return d.Tags.list() },
		func(d *zecDisk) bool {
			return (name == nil || strings.Contains(d.DiskName, *name)) && (snapshots == nil || *snapshots) &&
				matches(req.str("regionId"), zecRegionOf(d.ZoneID)) && matches(req.str("diskStatus"), d.DiskStatus) &&
				matches(req.str("diskType"), d.DiskType) && matches(req.str("diskCategory"), d.DiskCategory) &&
				matches(req.str("instanceId"), d.InstanceID) && matches(req.str("zoneId"), d.ZoneID) &&
				matches(req.str("resourceGroupId"), d.ResourceGroupID)
		}, (*zecDisk).wire)
}

func (z *zecState) attachDisks(req *call) (any, []string, error) {
	ids := req.strs("diskIds")
	if e := checkDiskIDs(ids); e != nil {
		return nil, ids, e
	}
	instanceID, e := req.required("instanceId")
	if e != nil {
		return nil, ids, e
	}
	inst, e := z.instance(instanceID)
	if e != nil {
		return nil, ids, e
	}
	if inst.Status != "RUNNING" && inst.Status != "STOPPED" {
		return nil, ids, apiErr(http.StatusBadRequest, codeUnsupportedInstanceStatus, "Disks cannot be attached to an instance in status %s.", inst.Status)
	}
	if z.dataDiskCount(inst.InstanceID)+len(ids) > zecMaxDataDisks {
		return nil, ids, apiErr(http.StatusBadRequest, codeAttachLimit, "An instance can have at most %d data disks.", zecMaxDataDisks)
	}
	disks := make([]*zecDisk, 0, len(ids))
	for _, id := range ids {
		d, e := z.disk(id)
		if e != nil {
			return nil, ids, e
		}
		if !d.Portable {
			return nil, ids, apiErr(http.StatusBadRequest, codeDiskNotPortable, "Disk %s is not detachable.", id)
		}
		if d.InstanceID != "" {
			return nil, ids, apiErr(http.StatusBadRequest, codeDiskAttached, "Disk %s is already attached to instance %s.", id, d.InstanceID)
		}
		if d.DiskStatus != diskStatusAvailable || diskBusy(d) {
			return nil, ids, apiErr(http.StatusBadRequest, codeDiskStatus, "Disk %s is %s; only AVAILABLE disks can be attached.", id, d.DiskStatus)
		}
		if d.ZoneID != inst.ZoneID {
			return nil, ids, apiErr(http.StatusBadRequest, codeDiskZoneMismatch, "Disk %s is in zone %s and instance %s in zone %s.", id, d.ZoneID, inst.InstanceID, inst.ZoneID)
		}
		disks = append(disks, d)
	}
	now := z.s.now()
	for _, d := range disks {
		d.DiskStatus, d.InstanceID, d.InstanceName = diskStatusAttaching, inst.InstanceID, inst.InstanceName
		d.tl.after(now, z.s.opts.Durations.DiskAttach, func() { d.DiskStatus = diskStatusInUse })
	}
	return nil, ids, nil
}

func (z *zecState) detachDisks(req *call) (any, []string, error) {
	ids := req.strs("diskIds")
	if e := checkDiskIDs(ids); e != nil {
		return nil, ids, e
	}
	// instanceCheckFlag defaults to true: detach only from a stopped instance.
	check := valueOr(req.flag("instanceCheckFlag"), true)
	failed := []string{}
	disks := make([]*zecDisk, 0, len(ids))
	owner := ""
	for _, id := range ids {
		d, e := z.disk(id)
		if e != nil {
			return nil, ids, e
		}
		if !d.Portable || d.DiskType == "SYSTEM" {
			return nil, ids, apiErr(http.StatusBadRequest, codeDiskNotPortable, "Disk %s is not detachable.", id)
		}
		if owner != "" && d.InstanceID != owner {
			return nil, ids, apiErr(http.StatusBadRequest, codeInvalidParameter, "All disks of one DetachDisks call must be attached to the same instance.")
		}
		owner = d.InstanceID
		inst := z.instances[d.InstanceID]
		switch {
		case d.DiskStatus != diskStatusInUse || diskBusy(d):
			failed = append(failed, id)
		case check && inst != nil && inst.Status != "STOPPED":
			failed = append(failed, id)
		default:
			disks = append(disks, d)
		}
	}
	// If any disk cannot be detached, nothing is done. Version 2024-04-01
	// answers no failedDiskIds: the call fails instead.
	switch {
	case len(failed) > 0 && !req.answers("failedDiskIds"):
		return nil, ids, apiErr(http.StatusBadRequest, codeDiskStatus,
			"Disks %v cannot be detached now: they are not IN_USE, or their instance is not STOPPED (instanceCheckFlag).", failed)
	case len(failed) > 0:
		return map[string]any{"failedDiskIds": failed}, ids, nil
	}
	now := z.s.now()
	for _, d := range disks {
		d.DiskStatus = diskStatusDetaching
		d.tl.after(now, z.s.opts.Durations.DiskDetach, func() {
			d.DiskStatus, d.InstanceID, d.InstanceName = diskStatusAvailable, "", ""
		})
	}
	return map[string]any{"failedDiskIds": failed}, ids, nil
}

func (z *zecState) resizeDisk(req *call, d *zecDisk) *errAPI {
	newSize := req.integer("diskSize")
	if newSize == nil {
		return errMissing("diskSize")
	}
	if *newSize <= d.DiskSize {
		return apiErr(http.StatusBadRequest, codeDiskSize, "diskSize must be larger than the current size %d GiB (disks only grow), got %d.", d.DiskSize, *newSize)
	}
	if *newSize > zecDiskMaxSize {
		return apiErr(http.StatusBadRequest, codeDiskSize, "diskSize must be at most %d GiB, got %d.", zecDiskMaxSize, *newSize)
	}
	if (d.DiskStatus != diskStatusAvailable && d.DiskStatus != diskStatusInUse) || diskBusy(d) {
		return apiErr(http.StatusBadRequest, codeDiskStatus, "Disk %s is %s and cannot be resized now.", d.DiskID, d.DiskStatus)
	}
	prev, size := d.DiskStatus, *newSize
	d.DiskStatus = diskStatusChanging
	d.tl.after(z.s.now(), z.s.opts.Durations.DiskResize, func() { d.DiskStatus, d.DiskSize = prev, size })
	return nil
}

func (z *zecState) modifyDisksAttributes(req *call) (any, []string, error) {
	return renaming[*zecDisk]{ids: "diskIds", name: "diskName", find: z.disk, check: checkDiskName,
		set: func(d *zecDisk, name string) { d.DiskName = name }}.run(req)
}

// releaseDisk follows the ReleaseDisk document: a boot disk is refused
// (INVALID_DISK_NOT_PORTABLE), a disk that is not AVAILABLE (or RECYCLED)
// is refused (UNSUPPORTED_OPERATION_DISK_STATUS), an unknown one is
// INVALID_DISK_NOT_FOUND, and one on its way into the recycle bin
// (RECYCLING) UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE. In recycle mode the
// first release moves an AVAILABLE disk to the recycle bin; a release of a
// RECYCLED disk frees it. It reads nothing of the request but diskId: the
// fixtures release a disk with it too, without one.
func (z *zecState) releaseDisk(_ *call, d *zecDisk) *errAPI {
	if !d.Portable || d.DiskType == "SYSTEM" {
		return apiErr(http.StatusBadRequest, codeDiskNotPortable, "Disk is not detachable.")
	}
	now := z.s.now()
	switch {
	case d.DiskStatus == diskStatusRecycling:
		return apiErr(http.StatusBadRequest, codeDiskBeingRecycled, "Disk %s is being moved to the recycle bin.", d.DiskID)
	case d.DiskStatus == diskStatusAvailable && !diskBusy(d) && z.s.opts.ZECReleaseMode == ReleaseRecycle:
		d.DiskStatus = diskStatusRecycling
		d.tl.after(now, z.s.opts.Durations.DiskRecycle, func() { d.DiskStatus = diskStatusRecycled })
	case (d.DiskStatus == diskStatusAvailable || d.DiskStatus == diskStatusRecycled) && !diskBusy(d):
		d.DiskStatus = diskStatusDeleting
		id := d.DiskID
		d.tl.after(now, z.s.opts.Durations.DiskRelease, func() { delete(z.disks, id) })
	default:
		return apiErr(http.StatusBadRequest, codeDiskStatus, "Operations on the disk with current status are not supported.")
	}
	return nil
}

// onDisk is the action act on the one disk named by diskId.
func (z *zecState) onDisk(act func(req *call, d *zecDisk) *errAPI) zenlayerAction {
	return onOne("diskId", z.disk, act)
}
