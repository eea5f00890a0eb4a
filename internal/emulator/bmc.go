package emulator

import (
	"time"
)

// The BMC (bare metal) backend: Zenlayer API 2.0 service "bmc", version
// 2022-11-20: instances (bmc_instances*.go, their status machine in
// bmc_instances_state.go) over a fixed catalogue (bmc_catalog.go).
func init() {
	registerBackend("bmc", func(s *Server) backend { return newBMCState(s) })
}

// Charge types of BMC instances.
const (
	bmcChargePrepaid  = "PREPAID"
	bmcChargePostpaid = "POSTPAID"
)

// bmcState is the BMC backend.
type bmcState struct {
	s         *Server
	instances map[string]*bmcInstance
	// ipSeq numbers the addresses handed out.
	ipSeq int
}

func newBMCState(s *Server) *bmcState {
	return &bmcState{s: s, instances: map[string]*bmcInstance{}}
}

func (b *bmcState) service() zenlayerService {
	return zenlayerService{name: "bmc", versions: bmcVersions, actions: map[string]zenlayerAction{
		"CreateInstances":          b.createInstances,
		"DescribeInstances":        b.describeInstances,
		"StartInstances":           b.startInstances,
		"StopInstances":            b.stopInstances,
		"RebootInstances":          b.rebootInstances, // zenlayer_reboot.go
		"ModifyInstancesAttribute": b.modifyInstancesAttribute,
		"TerminateInstance":        b.onInstance(b.terminateInstance),
		"ReleaseInstances":         b.releaseInstances,
		"DescribeZones":            b.describeZones,
		"DescribeInstanceTypes":    b.describeInstanceTypes,
		"DescribeImages":           b.describeImages,
		// bmc_instances_modify.go
		"ReinstallInstance":            b.onInstance(b.reinstallInstance),
		"ModifyInstanceBandwidth":      b.modifyInstanceBandwidth,
		"ModifyInstanceTrafficPackage": b.modifyInstanceTrafficPackage,
		"AssociateSubnetInstances":     b.associateSubnetInstances,
		// bmc_internet.go
		"DescribeInstanceInternetStatus":        b.describeInstanceInternetStatus,
		"CancelInstanceBandwidthDowngrade":      b.onInstance(b.cancelBandwidthDowngrade),
		"CancelInstanceTrafficPackageDowngrade": b.onInstance(b.cancelTrafficPackageDowngrade),
		"UnAssociateSubnetInstance":             b.unAssociateSubnetInstance,
	}}
}

// advance applies due transitions. Called with s.mu held.
func (b *bmcState) advance(now time.Time) {
	advanceEach(b.instances, now)
	for _, i := range sortedValues(b.instances) {
		i.netTL.advance(now)
	}
}

// inventory lists the instances as "bmc_instance". Called with s.mu held.
func (b *bmcState) inventory(inv map[string][]string) {
	addInventory(inv, "bmc_instance", b.instances)
}

// bmcOf is the server's BMC backend.
func (s *Server) bmcOf() *bmcState {
	return backendOf[*bmcState](s, "bmc")
}
