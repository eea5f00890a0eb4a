package emulator

import (
	"slices"
	"time"
)

// ZEC instances live through lazy status machines:
//
//	CreateZecInstances PENDING → DEPLOYING → RUNNING, or CREATE_FAILED
//	                   (Options.CreateFailRate, an async-fail fault,
//	                   FailNextZECInstanceCreates); their disks CREATING → IN_USE
//	StopInstances      RUNNING → STOPPING → STOPPED
//	StartInstances     STOPPED → BOOTING (or STARTING, Options.ZECStartingStatus) → RUNNING
//	ReleaseInstances   RUNNING/STOPPED → RECYCLING → RECYCLE (ReleaseRecycle);
//	                   otherwise, and from RECYCLE or CREATE_FAILED,
//	                   RELEASING → gone, with the system disk (and the data
//	                   disks, unless dependResource is false)

// instInOperation are the statuses in which an instance is busy with an
// operation: every other operation is answered OPERATION_DENIED_INSTANCE_IN_OPERATION.
var instInOperation = []string{
	instStatusPending, instStatusDeploying, instStatusStarting, instStatusBooting, instStatusStopping, instStatusReboot,
	instStatusRebuilding, instStatusImaging, instStatusResizing, instStatusReleasing, instStatusRecycling,
}

func instanceInOperation(i *zecInstance) bool {
	return slices.Contains(instInOperation, i.Status) || i.tl.busy()
}

// acceptsFrom is the check of a batch action that takes instances in one of
// the statuses from: an instance busy with an operation is refused with
// OPERATION_DENIED_INSTANCE_IN_OPERATION, one in any other status with
// UNSUPPORTED_OPERATION_INSTANCE_STATUS.
func acceptsFrom(from ...string) func(*zecInstance) *errAPI {
	return func(i *zecInstance) *errAPI {
		switch {
		case instanceInOperation(i):
			return errInOperation(i)
		case !slices.Contains(from, i.Status):
			return errInstanceStatus(i)
		}
		return nil
	}
}

// moveTo is the change of a power action (StartInstances, StopInstances):
// the instance is via at once and to after d.
func (z *zecState) moveTo(via, to string, d time.Duration) func(*zecInstance) {
	return func(i *zecInstance) {
		i.Status = via
		i.tl.after(z.s.now(), d, func() { i.Status = to })
	}
}

// release is what ReleaseInstances does to an instance. Depending on
// Options.ZECReleaseMode, a running or stopped instance is freed
// (RELEASING → gone) or moved to the recycle bin (RECYCLING → RECYCLE); a
// recycled or CREATE_FAILED instance is freed. The system disk goes with the
// instance. With dependents the attached data disks go too; without, they
// are detached and stay (AVAILABLE).
func (z *zecState) release(i *zecInstance, dependents bool) {
	now := z.s.now()
	d := z.s.opts.Durations
	i.releaseDependents = dependents
	if !dependents {
		z.detachDataDisks(i, now)
	}
	if z.s.opts.ZECReleaseMode == ReleaseRecycle && (i.Status == instStatusRunning || i.Status == instStatusStopped) {
		i.Status = instStatusRecycling
		z.setLinkedDiskStatus(i, diskStatusRecycling)
		i.tl.after(now, d.InstanceRecycle, func() {
			i.Status = instStatusRecycle
			z.setLinkedDiskStatus(i, diskStatusRecycled)
		})
		return
	}
	i.Status = instStatusReleasing
	z.setLinkedDiskStatus(i, diskStatusDeleting)
	i.tl.after(now, d.InstanceRelease, func() { z.removeInstance(i.InstanceID) })
}

// detachDataDisks detaches the portable data disks of an instance at once
// (DETACHING → AVAILABLE).
func (z *zecState) detachDataDisks(i *zecInstance, now time.Time) {
	for _, d := range sortedValues(z.disks) {
		if d.InstanceID != i.InstanceID || d.DiskType != "DATA" || !d.Portable {
			continue
		}
		d.tl.clear()
		d.DiskStatus, d.InstanceID, d.InstanceName = diskStatusDetaching, "", ""
		d.tl.after(now, z.s.opts.Durations.DiskDetach, func() { d.DiskStatus = diskStatusAvailable })
	}
}

// setLinkedDiskStatus sets the status of every disk still linked to i.
func (z *zecState) setLinkedDiskStatus(i *zecInstance, status string) {
	for _, d := range z.disks {
		if d.InstanceID == i.InstanceID {
			d.tl.clear()
			d.DiskStatus = status
		}
	}
}

// removeInstance deletes an instance with every disk still linked to it
// (its system disk, and its data disks when they are released with it).
func (z *zecState) removeInstance(id string) {
	delete(z.instances, id)
	for _, d := range sortedValues(z.disks) {
		if d.InstanceID == id {
			delete(z.disks, d.DiskID)
		}
	}
}

// scheduleCreate plays PENDING → DEPLOYING → RUNNING for a new instance and
// turns its linked disks IN_USE with it. The create ends in CREATE_FAILED
// instead when FailNextZECInstanceCreates asked for it, under an async-fail
// fault, or for a share of Options.CreateFailRate.
func (z *zecState) scheduleCreate(inst *zecInstance, linked []*zecDisk, now time.Time) {
	d := z.s.opts.Durations
	final := instStatusRunning
	if z.forcedCreateFailures > 0 {
		z.forcedCreateFailures--
		final = instStatusCreateFailed
	} else if z.s.asyncFailHere(inst.InstanceID) {
		final = instStatusCreateFailed
	} else if z.s.opts.CreateFailRate > 0 && z.s.randFloat() < z.s.opts.CreateFailRate {
		final = instStatusCreateFailed
	}
	inst.tl.after(now, d.InstanceCreate/5, func() { inst.Status = instStatusDeploying })
	inst.tl.after(now, d.InstanceCreate, func() {
		inst.Status = final
		for _, disk := range linked {
			if z.disks[disk.DiskID] == disk && disk.DiskStatus == diskStatusCreating {
				disk.DiskStatus = diskStatusInUse
			}
		}
	})
}
