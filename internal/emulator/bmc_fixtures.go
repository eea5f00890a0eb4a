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
	// UserData, the partitions and custom RAIDs are what the last install
	// (CreateInstances or ReinstallInstance) was given; Reinstalls counts the
	// ReinstallInstance calls that took effect.
	UserData           string
	Partitions         []BMCPartitionView
	CustomRaids        [][]int
	RaidType           *int
	TrafficPackageSize float64
	Reinstalls         int
	// DowngradeBandwidth and DowngradeTrafficPackage are the decreases a
	// PREPAID machine has ordered for its next billing cycle (0: none).
	DowngradeBandwidth      int
	DowngradeTrafficPackage float64
}

// BMCPartitionView is a partition of BMCInstanceView (Size 0: the rest).
type BMCPartitionView struct {
	FsPath, FsType string
	Size           int
}

// BMCInstance returns a copy of a BMC instance's fields, or false if it is gone.
func (s *Server) BMCInstance(id string) (BMCInstanceView, bool) {
	return viewOf(s, s.bmcOf().instances, id, func(i *bmcInstance) BMCInstanceView {
		v := BMCInstanceView{
			ID: i.InstanceID, Name: i.InstanceName, Hostname: i.Hostname, ZoneID: i.ZoneID, InstanceTypeID: i.Type.InstanceTypeID,
			Status: i.InstanceStatus, ChargeType: i.InstanceChargeType, InternetChargeType: i.InternetChargeType,
			ResourceGroupID: i.ResourceGroupID, Bandwidth: i.BandwidthOutMbps, AutoRenew: i.AutoRenew, PublicIP: i.PrimaryPublicIPAddress,
			ImageID: valueOr(i.ImageID, ""), Period: valueOr(i.Period, 0), KeyID: i.KeyID,
			UserData: i.UserData, TrafficPackageSize: valueOr(i.TrafficPackageSize, 0), Reinstalls: i.Reinstalls,
			DowngradeBandwidth: valueOr(i.DowngradeBandwidth, 0), DowngradeTrafficPackage: valueOr(i.DowngradeTrafficPackage, 0),
		}
		for _, p := range i.Partitions {
			v.Partitions = append(v.Partitions, BMCPartitionView{FsPath: valueOr(p.FsPath, ""), FsType: valueOr(p.FsType, ""), Size: valueOr(p.Size, 0)})
		}
		if i.RaidConfig != nil {
			v.RaidType = i.RaidConfig.RaidType
			for _, cr := range i.RaidConfig.CustomRaids {
				v.CustomRaids = append(v.CustomRaids, append([]int{valueOr(cr.RaidType, -1)}, cr.DiskSequence...))
			}
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

// SetBMCInstanceNetwork changes an instance's bandwidth (Mbps) and, when
// trafficTB >= 0, its traffic package behind the provider's back (tests:
// drift of what DescribeInstances reports).
func (s *Server) SetBMCInstanceNetwork(id string, mbps int, trafficTB float64) bool {
	return forceObject(s, s.bmcOf().instances, id, func(i *bmcInstance) {
		i.BandwidthOutMbps = mbps
		if trafficTB >= 0 {
			i.TrafficPackageSize = &trafficTB
		}
	})
}

// SetBMCInstancePartitions replaces an instance's partitions as
// DescribeInstances reports them (tests: drift).
func (s *Server) SetBMCInstancePartitions(id string, parts []BMCPartitionView) bool {
	return forceObject(s, s.bmcOf().instances, id, func(i *bmcInstance) {
		i.Partitions = []bmcPartition{}
		for _, p := range parts {
			path, typ, size := p.FsPath, p.FsType, p.Size
			part := bmcPartition{FsPath: &path, FsType: &typ}
			if size > 0 {
				part.Size = &size
			}
			i.Partitions = append(i.Partitions, part)
		}
	})
}
