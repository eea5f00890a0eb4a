package emulator

// The BMC test knobs: fixtures, views and changes behind the provider's back.

// BMCInstanceView is what tests read of a BMC instance.
type BMCInstanceView struct {
	ID, Name, Hostname, ZoneID, InstanceTypeID, ImageID, Status string
	ChargeType, InternetChargeType, SubnetID, ResourceGroupID   string
	Bandwidth, Period                                           int
	AutoRenew                                                   bool
	PublicIP                                                    string
	KeyID                                                       string
}

// BMCInstance returns a copy of a BMC instance's fields, or false if it is gone.
func (s *Server) BMCInstance(id string) (BMCInstanceView, bool) {
	return viewOf(s, s.bmcOf().instances, id, func(i *bmcInstance) BMCInstanceView {
		v := BMCInstanceView{
			ID: i.InstanceID, Name: i.InstanceName, Hostname: i.Hostname, ZoneID: i.ZoneID, InstanceTypeID: i.Type.InstanceTypeID,
			Status: i.InstanceStatus, ChargeType: i.InstanceChargeType, InternetChargeType: i.InternetChargeType,
			ResourceGroupID: i.ResourceGroupID, Bandwidth: i.BandwidthOutMbps, AutoRenew: i.AutoRenew, PublicIP: i.PrimaryPublicIPAddress,
			ImageID: valueOr(i.ImageID, ""), Period: valueOr(i.Period, 0), KeyID: i.KeyID,
		}
		if len(i.SubnetIDs) > 0 {
			v.SubnetID = i.SubnetIDs[0]
		}
		return v
	})
}

// SetBMCInstanceStatus forces an instance's status and cancels its pending
// transitions (tests: an instance stopped, terminated or restored behind
// the provider's back). Setting RECYCLE also starts the recycle bin's
// 24-hour retention.
func (s *Server) SetBMCInstanceStatus(id, status string) bool {
	b := s.bmcOf()
	return forceObject(s, b.instances, id, func(i *bmcInstance) {
		i.InstanceStatus = status
		if status == bmcStatusRecycle {
			b.scheduleAutoRelease(i, s.now())
		}
	})
}

// DeleteBMCInstance removes an instance behind the provider's back (tests: "disappears").
func (s *Server) DeleteBMCInstance(id string) bool {
	return deleteObject(s, s.bmcOf().instances, id)
}

// AddBMCInstance places a RUNNING POSTPAID instance of the first catalogue
// type and image in zoneID (a fixture for tests and the demo) and returns its id.
func (s *Server) AddBMCInstance(zoneID, name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.bmcOf()
	c := &bmcCreate{zone: zoneID, typ: &bmcInstanceTypes[0], img: &bmcImages[0], charge: bmcChargePostpaid, internet: "ByBandwidth", bandwidth: 1}
	i := b.newInstance(c, name, name)
	i.InstanceStatus = bmcStatusRunning
	b.instances[i.InstanceID] = i
	return i.InstanceID
}
