package emulator

// Test knobs of the in-place changes of instances and disks
// (zec_instances_modify.go): what tests read of them, and changes behind
// the provider's back (drift).

// ZECInstanceDetail is what tests read of an instance beyond ZECInstanceView:
// what the create kept that no answer shows, and how often it was reset.
type ZECInstanceDetail struct {
	SecurityGroupID, KeyID, UserData, TimeZone, NicName string
	EnableAgent, EnableIPForward, NestedVirtualization  bool
	// Network is the create's public network fields (internetChargeType,
	// bandwidth, ...), as JSON values.
	Network map[string]any
	// Resets and PasswordResets count ResetInstance and ResetInstancePassword.
	Resets, PasswordResets int
}

// ZECInstanceDetails returns a copy of an instance's details, or false if it is gone.
func (s *Server) ZECInstanceDetails(id string) (ZECInstanceDetail, bool) {
	return viewOf(s, s.zec.instances, id, func(i *zecInstance) ZECInstanceDetail {
		network := map[string]any{}
		for k, v := range i.Network {
			network[k] = v
		}
		return ZECInstanceDetail{SecurityGroupID: i.SecurityGroupID, KeyID: i.KeyID, UserData: i.UserData, TimeZone: i.TimeZone,
			NicName: i.NicName, EnableAgent: i.EnableAgent, EnableIPForward: i.EnableIPForward,
			NestedVirtualization: i.NestedVirtualization, Network: network, Resets: i.Resets, PasswordResets: i.PasswordResets}
	})
}

// SetZECInstanceSecurityGroup binds an instance's vNIC to another security
// group behind the provider's back (tests: drift).
func (s *Server) SetZECInstanceSecurityGroup(id, securityGroupID string) bool {
	return forceObject(s, s.zec.instances, id, func(i *zecInstance) { i.SecurityGroupID = securityGroupID })
}

// SetZECInstanceIPForward turns an instance's IP forwarding on or off
// behind the provider's back (tests: drift).
func (s *Server) SetZECInstanceIPForward(id string, on bool) bool {
	return forceObject(s, s.zec.instances, id, func(i *zecInstance) { i.EnableIPForward = on })
}

// SetZECInstanceType changes an instance's type behind the provider's back
// (tests: drift).
func (s *Server) SetZECInstanceType(id, instanceType string) bool {
	t, ok := ZECInstanceTypes[instanceType]
	return ok && forceObject(s, s.zec.instances, id, func(i *zecInstance) {
		i.InstanceType, i.CPU, i.Memory = instanceType, t.CPU, t.Memory
	})
}

// SetZECDiskBursting turns a disk's bursting on or off behind the
// provider's back (tests: drift).
func (s *Server) SetZECDiskBursting(id string, on bool) bool {
	return forceObject(s, s.zec.disks, id, func(d *zecDisk) { d.Bursting = on })
}

// ZECDiskBursting reports a disk's burstingEnabled, and false if it is gone.
func (s *Server) ZECDiskBursting(id string) (bursting, ok bool) {
	v, ok := viewOf(s, s.zec.disks, id, func(d *zecDisk) bool { return d.Bursting })
	return v, ok
}
