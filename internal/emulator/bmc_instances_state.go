package emulator

import (
	"net/http"
	"time"
)

// BMC instances live through lazy status machines:
//
//	CreateInstances   PENDING → CREATING → INSTALLING → RUNNING
//	                  (CREATE_FAILED / INSTALL_FAILED with Options.CreateFailRate
//	                  or an async-fail fault; without an image there is no INSTALLING)
//	StopInstances     RUNNING → STOPPING → STOPPED
//	StartInstances    STOPPED → BOOTING → RUNNING
//	TerminateInstance RUNNING/STOPPED/INSTALL_FAILED → RECYCLE at once
//	                  (auto-released 24 h later); CREATE_FAILED → gone at once;
//	                  PREPAID → renewal cancelled, the instance stays
//	ReleaseInstances  RECYCLE → gone at once (the API's enum has neither
//	                  RECYCLING nor RELEASING: there is no status to show
//	                  an instance being released in)

// bmcRecycleRetention is how long the recycle bin keeps a terminated instance.
const bmcRecycleRetention = 24 * time.Hour

// recycled reports whether an instance is in the recycle bin.
func (i *bmcInstance) recycled() bool { return i.InstanceStatus == bmcStatusRecycle }

// scheduleAutoRelease frees a recycled instance when the bin's retention ends.
func (b *bmcState) scheduleAutoRelease(i *bmcInstance, from time.Time) {
	id := i.InstanceID
	i.tl.after(from, bmcRecycleRetention, func() {
		if i.InstanceStatus == bmcStatusRecycle {
			delete(b.instances, id)
		}
	})
}

// scheduleCreate plays PENDING → CREATING → INSTALLING → RUNNING, ending in
// CREATE_FAILED or INSTALL_FAILED for a share of Options.CreateFailRate
// and under an async-fail fault.
func (b *bmcState) scheduleCreate(i *bmcInstance, now time.Time, image bool) {
	d := b.s.opts.Durations
	failed := ""
	fail := b.s.randFloat() < b.s.opts.CreateFailRate
	if b.s.asyncFailHere(i.InstanceID) {
		fail = true
	}
	if fail {
		failed = bmcStatusCreateFailed
		if image && b.s.randFloat() < 0.5 {
			failed = bmcStatusInstallFailed
		}
	}
	i.tl.after(now, d.BMCCreate/3, func() { i.InstanceStatus = bmcStatusCreating })
	switch {
	case failed == bmcStatusCreateFailed:
		i.tl.after(now, d.BMCCreate, func() { i.InstanceStatus = bmcStatusCreateFailed })
	case !image:
		// No operating system to install (it is installed later over IPMI or iPXE).
		i.tl.after(now, d.BMCCreate, func() { i.InstanceStatus = bmcStatusRunning })
	default:
		i.tl.after(now, d.BMCCreate, func() { i.InstanceStatus = bmcStatusInstalling })
		end := bmcStatusRunning
		if failed != "" {
			end = failed
		}
		i.tl.after(now, d.BMCCreate+d.BMCInstall, func() { i.InstanceStatus = end })
	}
}

func bmcRecycledErr(id string) *errAPI {
	return apiErr(http.StatusForbidden, bmcCodeRecycled, "Instance %s is in the recycle bin; operations on instances in the recycle bin are not supported.", id)
}

// idleIn is the check of a power action: an instance in the recycle bin is
// refused with OPERATION_DENIED_INSTANCE_RECYCLED, one that is not idle in
// status from with code ("only RUNNING instances can be stopped").
func idleIn(from, code, verb string) func(*bmcInstance) *errAPI {
	return func(i *bmcInstance) *errAPI {
		switch {
		case i.recycled():
			return bmcRecycledErr(i.InstanceID)
		case i.InstanceStatus != from || i.tl.busy():
			return apiErr(http.StatusForbidden, code, "Instance %s is %s; only %s instances can be %s.", i.InstanceID, i.InstanceStatus, from, verb)
		}
		return nil
	}
}

// moveTo is the change of a power action (StopInstances, StartInstances):
// the instance is via at once and to after d.
func (b *bmcState) moveTo(via, to string, d time.Duration) func(*bmcInstance, time.Time) {
	return func(i *bmcInstance, now time.Time) {
		i.InstanceStatus = via
		i.tl.after(now, d, func() { i.InstanceStatus = to })
	}
}

// recycle moves a terminated instance to the recycle bin (RECYCLE) at
// once, abandoning a power operation in progress; the bin releases it
// bmcRecycleRetention later.
func (b *bmcState) recycle(i *bmcInstance) {
	now := b.s.now()
	i.tl.clear()
	i.InstanceStatus = bmcStatusRecycle
	b.scheduleAutoRelease(i, now)
}

// release frees a recycled instance: it is gone at once.
func (b *bmcState) release(i *bmcInstance, _ time.Time) {
	delete(b.instances, i.InstanceID)
}
