package emulator

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// createDisks follows CreateDisks: each disk is CREATING, then AVAILABLE,
// or ATTACHING and IN_USE when it is made for an instance.
func (z *zecState) createDisks(req *createDisksReq) (map[string]any, []string, error) {
	c, e := z.checkCreateDisks(req)
	if e != nil {
		return nil, nil, e
	}
	now := z.s.now()
	d := z.s.opts.Durations
	ids := make([]string, 0, c.amount)
	for range c.amount {
		disk := &zecDisk{
			DiskID: z.s.newID("disk"), DiskName: c.name, ZoneID: c.zone, DiskType: "DATA", Portable: true,
			DiskCategory: c.category, DiskSize: c.size, DiskStatus: diskStatusCreating, ChargeType: c.chargeType,
			CreateTime: now.UTC().Format(time.RFC3339), ResourceGroupID: c.resourceGroup, Tags: wrapTags(c.tags),
		}
		if c.inst != nil {
			disk.InstanceID, disk.InstanceName = c.inst.InstanceID, c.inst.InstanceName
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

func (z *zecState) describeDisks(req *describeDisksReq) (map[string]any, []string, error) {
	pageSize, pageNum, e := checkDescribe("diskIds", req.DiskIDs, req.TagKeys, req.Tags, req.PageSize, req.PageNum)
	if e != nil {
		return nil, nil, e
	}
	match := filterSorted(z.disks, func(d *zecDisk) bool {
		switch {
		case len(req.DiskIDs) > 0 && !slices.Contains(req.DiskIDs, d.DiskID):
		case req.DiskName != nil && !strings.Contains(d.DiskName, *req.DiskName):
		case req.DiskStatus != nil && d.DiskStatus != *req.DiskStatus:
		case req.DiskType != nil && d.DiskType != *req.DiskType:
		case req.DiskCategory != nil && d.DiskCategory != *req.DiskCategory:
		case req.InstanceID != nil && d.InstanceID != *req.InstanceID:
		case req.ZoneID != nil && d.ZoneID != *req.ZoneID:
		case req.ResourceGroupID != nil && d.ResourceGroupID != *req.ResourceGroupID:
		case !hasTags(d.Tags.list(), req.TagKeys, req.Tags):
		default:
			return true
		}
		return false
	})
	return describeAnswer(match, pageSize, pageNum, func(d *zecDisk) zecDisk { return *d }), req.DiskIDs, nil
}

func (z *zecState) attachDisks(req *struct {
	DiskIDs    []string `json:"diskIds"`
	InstanceID *string  `json:"instanceId"`
}) (map[string]any, []string, error) {
	if e := checkDiskIDs(req.DiskIDs); e != nil {
		return nil, req.DiskIDs, e
	}
	if req.InstanceID == nil || *req.InstanceID == "" {
		return nil, req.DiskIDs, errMissing("instanceId")
	}
	inst, e := z.instance(*req.InstanceID)
	if e != nil {
		return nil, req.DiskIDs, e
	}
	if inst.Status != "RUNNING" && inst.Status != "STOPPED" {
		return nil, req.DiskIDs, apiErr(http.StatusBadRequest, "UNSUPPORTED_OPERATION_INSTANCE_STATUS", "Disks cannot be attached to an instance in status %s.", inst.Status)
	}
	if z.dataDiskCount(inst.InstanceID)+len(req.DiskIDs) > zecMaxDataDisks {
		return nil, req.DiskIDs, apiErr(http.StatusBadRequest, "LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH", "An instance can have at most %d data disks.", zecMaxDataDisks)
	}
	disks := make([]*zecDisk, 0, len(req.DiskIDs))
	for _, id := range req.DiskIDs {
		d, e := z.disk(id)
		if e != nil {
			return nil, req.DiskIDs, e
		}
		if !d.Portable {
			return nil, req.DiskIDs, apiErr(http.StatusBadRequest, "INVALID_DISK_NOT_PORTABLE", "Disk %s is not detachable.", id)
		}
		if d.InstanceID != "" {
			return nil, req.DiskIDs, apiErr(http.StatusBadRequest, "UNSUPPORTED_OPERATION_DISK_ATTACHED", "Disk %s is already attached to instance %s.", id, d.InstanceID)
		}
		if d.DiskStatus != diskStatusAvailable || diskBusy(d) {
			return nil, req.DiskIDs, apiErr(http.StatusBadRequest, "UNSUPPORTED_OPERATION_DISK_STATUS", "Disk %s is %s; only AVAILABLE disks can be attached.", id, d.DiskStatus)
		}
		if d.ZoneID != inst.ZoneID {
			return nil, req.DiskIDs, apiErr(http.StatusBadRequest, "INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED", "Disk %s is in zone %s and instance %s in zone %s.", id, d.ZoneID, inst.InstanceID, inst.ZoneID)
		}
		disks = append(disks, d)
	}
	now := z.s.now()
	for _, d := range disks {
		d.DiskStatus, d.InstanceID, d.InstanceName = diskStatusAttaching, inst.InstanceID, inst.InstanceName
		d.tl.after(now, z.s.opts.Durations.DiskAttach, func() { d.DiskStatus = diskStatusInUse })
	}
	return nil, req.DiskIDs, nil
}

func (z *zecState) detachDisks(req *struct {
	DiskIDs           []string `json:"diskIds"`
	InstanceCheckFlag *bool    `json:"instanceCheckFlag"`
}) (map[string]any, []string, error) {
	if e := checkDiskIDs(req.DiskIDs); e != nil {
		return nil, req.DiskIDs, e
	}
	// instanceCheckFlag defaults to true: detach only from a stopped instance.
	check := req.InstanceCheckFlag == nil || *req.InstanceCheckFlag
	failed := []string{}
	disks := make([]*zecDisk, 0, len(req.DiskIDs))
	owner := ""
	for _, id := range req.DiskIDs {
		d, e := z.disk(id)
		if e != nil {
			return nil, req.DiskIDs, e
		}
		if !d.Portable || d.DiskType == "SYSTEM" {
			return nil, req.DiskIDs, apiErr(http.StatusBadRequest, "INVALID_DISK_NOT_PORTABLE", "Disk %s is not detachable.", id)
		}
		if owner != "" && d.InstanceID != owner {
			return nil, req.DiskIDs, apiErr(http.StatusBadRequest, codeInvalidParameter, "All disks of one DetachDisks call must be attached to the same instance.")
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
	// If any disk cannot be detached, nothing is done.
	if len(failed) > 0 {
		return map[string]any{"failedDiskIds": failed}, req.DiskIDs, nil
	}
	now := z.s.now()
	for _, d := range disks {
		d.DiskStatus = diskStatusDetaching
		d.tl.after(now, z.s.opts.Durations.DiskDetach, func() {
			d.DiskStatus, d.InstanceID, d.InstanceName = diskStatusAvailable, "", ""
		})
	}
	return map[string]any{"failedDiskIds": failed}, req.DiskIDs, nil
}

func (z *zecState) resizeDisk(req *struct {
	DiskID   *string `json:"diskId"`
	DiskSize *int    `json:"diskSize"`
}) (map[string]any, []string, error) {
	if req.DiskID == nil || *req.DiskID == "" {
		return nil, nil, errMissing("diskId")
	}
	ids := []string{*req.DiskID}
	if req.DiskSize == nil {
		return nil, ids, errMissing("diskSize")
	}
	d, e := z.disk(*req.DiskID)
	if e != nil {
		return nil, ids, e
	}
	if *req.DiskSize <= d.DiskSize {
		return nil, ids, apiErr(http.StatusBadRequest, "INVALID_DISK_SIZE", "diskSize must be larger than the current size %d GiB (disks only grow), got %d.", d.DiskSize, *req.DiskSize)
	}
	if *req.DiskSize > zecDiskMaxSize {
		return nil, ids, apiErr(http.StatusBadRequest, "INVALID_DISK_SIZE", "diskSize must be at most %d GiB, got %d.", zecDiskMaxSize, *req.DiskSize)
	}
	if (d.DiskStatus != diskStatusAvailable && d.DiskStatus != diskStatusInUse) || diskBusy(d) {
		return nil, ids, apiErr(http.StatusBadRequest, "UNSUPPORTED_OPERATION_DISK_STATUS", "Disk %s is %s and cannot be resized now.", d.DiskID, d.DiskStatus)
	}
	prev, size := d.DiskStatus, *req.DiskSize
	d.DiskStatus = diskStatusChanging
	d.tl.after(z.s.now(), z.s.opts.Durations.DiskResize, func() { d.DiskStatus, d.DiskSize = prev, size })
	return nil, ids, nil
}

func (z *zecState) modifyDisksAttributes(req *struct {
	DiskIDs  []string `json:"diskIds"`
	DiskName *string  `json:"diskName"`
}) (map[string]any, []string, error) {
	if len(req.DiskIDs) == 0 {
		return nil, nil, errMissing("diskIds")
	}
	if len(req.DiskIDs) > maxIDsPerCall {
		return nil, req.DiskIDs, apiErr(http.StatusBadRequest, codeInvalidValue, "diskIds may hold at most %d ids.", maxIDsPerCall)
	}
	if req.DiskName == nil {
		return nil, req.DiskIDs, errMissing("diskName")
	}
	if e := checkDiskName(*req.DiskName); e != nil {
		return nil, req.DiskIDs, e
	}
	for _, id := range req.DiskIDs {
		if _, e := z.disk(id); e != nil {
			return nil, req.DiskIDs, e
		}
	}
	for _, id := range req.DiskIDs {
		z.disks[id].DiskName = *req.DiskName
	}
	return nil, req.DiskIDs, nil
}

// releaseDisk follows the ReleaseDisk document: a boot disk is refused
// (INVALID_DISK_NOT_PORTABLE), a disk that is not AVAILABLE (or RECYCLED)
// is refused (UNSUPPORTED_OPERATION_DISK_STATUS), an unknown one is
// INVALID_DISK_NOT_FOUND. In recycle mode the first release moves an
// AVAILABLE disk to the recycle bin; a release of a RECYCLED disk frees it.
func (z *zecState) releaseDisk(req *struct {
	DiskID *string `json:"diskId"`
}) (map[string]any, []string, error) {
	if req.DiskID == nil || *req.DiskID == "" {
		return nil, nil, errMissing("diskId")
	}
	ids := []string{*req.DiskID}
	d, e := z.disk(*req.DiskID)
	if e != nil {
		return nil, ids, e
	}
	if !d.Portable || d.DiskType == "SYSTEM" {
		return nil, ids, apiErr(http.StatusBadRequest, "INVALID_DISK_NOT_PORTABLE", "Disk is not detachable.")
	}
	now := z.s.now()
	switch {
	case d.DiskStatus == diskStatusAvailable && !diskBusy(d) && z.s.opts.ZECReleaseMode == ReleaseRecycle:
		d.DiskStatus = diskStatusRecycling
		d.tl.after(now, z.s.opts.Durations.DiskRecycle, func() { d.DiskStatus = diskStatusRecycled })
	case (d.DiskStatus == diskStatusAvailable || d.DiskStatus == diskStatusRecycled) && !diskBusy(d):
		d.DiskStatus = diskStatusDeleting
		id := d.DiskID
		d.tl.after(now, z.s.opts.Durations.DiskRelease, func() { delete(z.disks, id) })
	default:
		return nil, ids, apiErr(http.StatusBadRequest, "UNSUPPORTED_OPERATION_DISK_STATUS", "Operations on the disk with current status are not supported.")
	}
	return nil, ids, nil
}
