package emulator

// The CloudDC test knobs: fixtures, views and changes behind the provider's back.

// CloudDCInstanceView is what tests read of a CloudDC instance.
type CloudDCInstanceView struct {
	ID, Name, State, ImageID, VpcID, ServerID, Password, Description string
	IPs                                                              []string
	SubnetIDs                                                        []string
	Metadata                                                         map[string]string
}

// CloudDCInstance returns a copy of an instance (terminated ones included
// while they are listed), or false once it is gone.
func (s *Server) CloudDCInstance(id string) (CloudDCInstanceView, bool) {
	return viewOf(s, s.huawei().instances, id, func(i *cdcInstance) CloudDCInstanceView {
		v := CloudDCInstanceView{ID: i.ID, Name: i.Name, State: i.State, ImageID: i.ImageID, VpcID: i.VpcID, ServerID: i.ServerID,
			Password: i.Password, Description: i.Description, Metadata: i.Metadata}
		for _, n := range i.NICs {
			v.IPs = append(v.IPs, n.IPv4Address)
			v.SubnetIDs = append(v.SubnetIDs, n.SubnetID)
		}
		return v
	})
}

// SetCloudDCInstanceState forces an instance's state behind the provider's
// back, dropping its pending transitions (tests).
func (s *Server) SetCloudDCInstanceState(id, state string) bool {
	return forceObject(s, s.huawei().instances, id, func(i *cdcInstance) { i.State = state })
}

// DeleteCloudDCInstance removes an instance at once behind the provider's
// back (tests: "disappears"); its server is ready again.
func (s *Server) DeleteCloudDCInstance(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.huawei()
	i := h.instances[id]
	if i == nil {
		return false
	}
	h.freeServer(i)
	delete(h.instances, id)
	return true
}

// AddCloudDCInstance places a running instance (HuaweiImageID, HuaweiVPCID,
// one NIC in HuaweiSubnetID) on a ready server: a fixture for tests and the
// demo. It returns the id, or "" if no server is ready.
func (s *Server) AddCloudDCInstance(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.huawei()
	srv, e := h.pickServer(nil)
	if e != nil {
		return ""
	}
	nics, e := h.resolveNICs(HuaweiVPCID, []cdcNIC{{SubnetID: HuaweiSubnetID}}, "")
	if e != nil {
		return ""
	}
	now := s.now()
	h.created++
	i := &cdcInstance{ID: h.newUUID(), Name: name, VpcID: HuaweiVPCID, NICs: nics, ImageID: HuaweiImageID, State: cdcStateRunning,
		OperationState: "install-succeed", ServerID: srv.ID, CreatedAt: now, UpdatedAt: now, LaunchedAt: now, Password: "Fixture-Passw0rd", seq: h.created}
	srv.ManageState = "in-use"
	h.instances[i.ID] = i
	return i.ID
}

// SetHuaweiServerState changes a physical server's manage_state (tests: no ready server).
func (s *Server) SetHuaweiServerState(id, state string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	srv := s.huawei().servers[id]
	if srv == nil {
		return false
	}
	srv.ManageState = state
	return true
}
