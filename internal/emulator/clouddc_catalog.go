package emulator

import (
	"net/netip"
	"time"
)

// The CloudDC catalogue: the private images, the VPCs and subnets (and the
// addresses instances take in them) and the physical servers of the
// emulated project.

type cdcImage struct{ ID, Name, OSType string }

type cdcSubnet struct {
	ID, VpcID string
	prefix    netip.Prefix
	gateway   netip.Addr
}

type cdcServer struct {
	ID, Name, ManageState, PowerState string
	onboard                           time.Time
	// Tags are the server's tags (clouddc_tags.go), in the order they were set.
	Tags []cdcTag
}

func (h *huaweiState) initCatalogue() {
	h.images = map[string]cdcImage{
		HuaweiImageID:        {ID: HuaweiImageID, Name: "Ubuntu 22.04 server 64bit", OSType: "Linux"},
		HuaweiImageID2:       {ID: HuaweiImageID2, Name: "Huawei Cloud EulerOS 2.0 64bit", OSType: "Linux"},
		HuaweiWindowsImageID: {ID: HuaweiWindowsImageID, Name: "Windows Server 2022 Datacenter 64bit", OSType: "Windows"},
	}
	h.subnets = map[string]*cdcSubnet{}
	for _, sn := range []struct{ id, vpc, cidr string }{
		{HuaweiSubnetID, HuaweiVPCID, "192.168.0.0/24"},
		{HuaweiSubnetID2, HuaweiVPCID, "192.168.1.0/24"},
		{HuaweiSubnetID3, HuaweiVPCID2, "10.10.0.0/24"},
	} {
		p := netip.MustParsePrefix(sn.cidr)
		h.subnets[sn.id] = &cdcSubnet{ID: sn.id, VpcID: sn.vpc, prefix: p, gateway: p.Addr().Next()}
	}
	h.servers = map[string]*cdcServer{}
	for _, srv := range h.opts.Servers {
		h.servers[srv.ID] = &cdcServer{ID: srv.ID, Name: srv.Name, ManageState: srv.ManageState, PowerState: "on", onboard: h.s.now()}
	}
}

// checkImage refuses an image that is not one of the catalogue's.
func (h *huaweiState) checkImage(id string) *errAPI {
	if _, ok := h.images[id]; !ok {
		return invalidParam("image_id %s is not an available private image", id)
	}
	return nil
}

func (h *huaweiState) vpcExists(id string) bool {
	for _, sn := range h.subnets {
		if sn.VpcID == id {
			return true
		}
	}
	return false
}

// usedIPs are the addresses taken in a subnet, except by the instance skip.
func (h *huaweiState) usedIPs(subnetID, skip string) map[string]bool {
	used := map[string]bool{}
	for _, i := range h.instances {
		if i.ID == skip || i.State == cdcStateTerminated {
			continue
		}
		for _, n := range i.NICs {
			if n.SubnetID == subnetID {
				used[n.IPv4Address] = true
			}
		}
	}
	return used
}

// resolveNICs checks NICs against the VPC and allocates the addresses not given.
func (h *huaweiState) resolveNICs(vpcID string, nics []cdcNIC, skip string) ([]cdcNIC, *errAPI) {
	if len(nics) < 1 || len(nics) > cdcMaxNICs {
		return nil, invalidParam("network interfaces: 1 to %d are allowed, got %d", cdcMaxNICs, len(nics))
	}
	out := make([]cdcNIC, len(nics))
	taken := map[string]bool{}
	for k, n := range nics {
		if n.SubnetID == "" {
			return nil, missingParams("subnet_id")
		}
		sn := h.subnets[n.SubnetID]
		if sn == nil {
			return nil, invalidParam("subnet %s does not exist", n.SubnetID)
		}
		if sn.VpcID != vpcID {
			return nil, invalidParam("subnet %s is not in VPC %s: all network interfaces must be in the instance's VPC", n.SubnetID, vpcID)
		}
		used := h.usedIPs(sn.ID, skip)
		for ip := range taken {
			used[ip] = true
		}
		if n.IPv4Address != "" {
			addr, err := netip.ParseAddr(n.IPv4Address)
			if err != nil || !addr.Is4() {
				return nil, invalidParam("ip address %q is not an IPv4 address", n.IPv4Address)
			}
			last := sn.prefix.Addr().As4()
			last[3] |= 0xff
			if !sn.prefix.Contains(addr) || addr == sn.prefix.Addr() || addr == sn.gateway || addr == netip.AddrFrom4(last) {
				return nil, invalidParam("ip address %s is not a usable address of subnet %s (%s)", addr, sn.ID, sn.prefix)
			}
			if used[addr.String()] {
				return nil, invalidParam("ip address %s is already in use in subnet %s", addr, sn.ID)
			}
			out[k] = cdcNIC{SubnetID: sn.ID, IPv4Address: addr.String()}
		} else {
			addr := sn.prefix.Addr()
			for range cdcFirstHostOctet {
				addr = addr.Next()
			}
			for used[addr.String()] && sn.prefix.Contains(addr.Next()) {
				addr = addr.Next()
			}
			out[k] = cdcNIC{SubnetID: sn.ID, IPv4Address: addr.String()}
		}
		taken[out[k].IPv4Address] = true
	}
	return out, nil
}
