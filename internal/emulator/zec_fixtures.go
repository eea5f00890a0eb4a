package emulator

import "time"

// The ZEC test knobs: fixtures, views and changes behind the provider's back.

// AddZECInstance places a running ZEC instance, with its system disk, in
// the emulator (a fixture for tests and the demo) and returns its id.
func (s *Server) AddZECInstance(zoneID, name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.zec.addInstance(zoneID, name, "RUNNING", 20, zecDefaultDiskCategory)
}

// AddZECDisk places an AVAILABLE data disk of size GiB in the emulator
// (a fixture for tests: an object to import) and returns its id.
func (s *Server) AddZECDisk(zoneID, name string, size int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &zecDisk{
		DiskID: s.zec.s.newID("disk"), DiskName: name, ZoneID: zoneID, DiskType: "DATA", Portable: true,
		DiskCategory: zecDefaultDiskCategory, DiskSize: size, DiskStatus: diskStatusAvailable,
		ChargeType: "POSTPAID", CreateTime: s.now().UTC().Format(time.RFC3339), ResourceGroupID: defaultResourceGroup,
	}
	s.zec.disks[d.DiskID] = d
	return d.DiskID
}

func (z *zecState) addInstance(zoneID, name, status string, systemDiskSize int, category string) string {
	id := z.s.newID("zec")
	i := &zecInstance{InstanceID: id, InstanceName: name, ZoneID: zoneID, Status: status}
	z.instances[id] = i
	z.fillInstanceDefaults(i)
	i.SystemDiskID = z.addLinkedDisk(i, name+"-system", "SYSTEM", category, systemDiskSize, diskStatusInUse).DiskID
	return id
}

// SetZECInstanceStatus changes an instance's status behind the provider's back (tests).
func (s *Server) SetZECInstanceStatus(id, status string) bool {
	return forceObject(s, s.zec.instances, id, func(i *zecInstance) { i.Status = status })
}

// ZECDisk returns a copy of a disk's public fields, or false if it is gone.
func (s *Server) ZECDisk(id string) (ZECDiskView, bool) {
	return viewOf(s, s.zec.disks, id, func(d *zecDisk) ZECDiskView {
		return ZECDiskView{ID: d.DiskID, Name: d.DiskName, Size: d.DiskSize, Status: d.DiskStatus, InstanceID: d.InstanceID, Type: d.DiskType}
	})
}

// ZECDiskView is what tests read of a disk.
type ZECDiskView struct {
	ID, Name, Status, InstanceID, Type string
	Size                               int
}

// DeleteZECDisk removes a disk behind the provider's back (tests: "disappears").
func (s *Server) DeleteZECDisk(id string) bool {
	return deleteObject(s, s.zec.disks, id)
}

// ReleaseZECDisk releases a disk behind the provider's back, as another
// client's ReleaseDisk would (tests: a disk already on its way into the
// recycle bin when the provider releases it). It reports whether the disk
// took the release.
func (s *Server) ReleaseZECDisk(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advanceAll()
	d := s.zec.disks[id]
	return d != nil && s.zec.releaseDisk(nil, d) == nil
}

// SetZECDiskStatus forces a disk's status (tests: a disk stuck or recycled behind Terraform's back).
func (s *Server) SetZECDiskStatus(id, status string) bool {
	return forceObject(s, s.zec.disks, id, func(d *zecDisk) { d.DiskStatus = status })
}

// ZECSystemDiskID is the id of an instance's system (boot) disk, or "".
func (s *Server) ZECSystemDiskID(instanceID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.zec.instances[instanceID]; i != nil {
		return i.SystemDiskID
	}
	return ""
}

// takeForcedFailure reports (and forgets) a failure set by FailZECInstanceOnce.
func (z *zecState) takeForcedFailure(action, id string) bool {
	key := action + "/" + id
	if z.forcedFailures[key] {
		delete(z.forcedFailures, key)
		return true
	}
	return false
}

// FailZECInstanceOnce makes the next call of a batch action ("StartInstances",
// "StopInstances" or "ReleaseInstances") answer id as failed in its
// instanceIds, without acting on it: the documented 200 answer with a failed
// id, as when the host cannot take the instance (tests).
func (s *Server) FailZECInstanceOnce(action, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.zec.forcedFailures == nil {
		s.zec.forcedFailures = map[string]bool{}
	}
	s.zec.forcedFailures[action+"/"+id] = true
}

// FailNextZECInstanceCreates makes the next n instances created end in
// CREATE_FAILED, whatever Options.CreateFailRate says (tests).
func (s *Server) FailNextZECInstanceCreates(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.zec.forcedCreateFailures = n
}

// ZECInstanceView is what tests read of a ZEC instance.
type ZECInstanceView struct {
	ID, Name, Status, ZoneID, InstanceType, ImageID, SystemDiskID string
	DataDiskIDs                                                   []string
}

// ZECInstance returns a copy of an instance's fields, or false if it is gone.
func (s *Server) ZECInstance(id string) (ZECInstanceView, bool) {
	return viewOf(s, s.zec.instances, id, func(i *zecInstance) ZECInstanceView {
		v := ZECInstanceView{ID: i.InstanceID, Name: i.InstanceName, Status: i.Status, ZoneID: i.ZoneID,
			InstanceType: i.InstanceType, ImageID: i.ImageID, SystemDiskID: i.SystemDiskID}
		for _, d := range sortedValues(s.zec.disks) {
			if d.InstanceID == id && d.DiskType == "DATA" {
				v.DataDiskIDs = append(v.DataDiskIDs, d.DiskID)
			}
		}
		return v
	})
}

// DeleteZECInstance removes an instance and its system disk behind the
// provider's back (tests: "disappears"); its data disks are left detached.
func (s *Server) DeleteZECInstance(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.zec.instances[id]
	if i == nil {
		return false
	}
	for _, d := range s.zec.disks {
		if d.InstanceID == id && d.DiskType == "DATA" {
			d.tl.clear()
			d.DiskStatus, d.InstanceID, d.InstanceName = diskStatusAvailable, "", ""
		}
	}
	s.zec.removeInstance(id)
	return true
}

// zecInstanceKnobs are the test knobs of the instance actions (embedded in zecState).
type zecInstanceKnobs struct {
	// forcedFailures are "action/id" keys set by FailZECInstanceOnce.
	forcedFailures map[string]bool
	// forcedCreateFailures counts the creates FailNextZECInstanceCreates still fails.
	forcedCreateFailures int
}
