package emulator

import (
	"time"
)

// zecState is the ZEC backend: Zenlayer API 2.0 service "zec", disks and
// instances (zec_disks*.go, zec_instances*.go) over a fixed catalogue
// (zec_catalog.go).
type zecState struct {
	s         *Server
	disks     map[string]*zecDisk
	instances map[string]*zecInstance

	zecInstanceKnobs // the test knobs of the instance actions (zec_fixtures.go)
}

func init() {
	registerBackend("zec", func(s *Server) backend { return newZECState(s) })
}

func newZECState(s *Server) *zecState {
	return &zecState{s: s, disks: map[string]*zecDisk{}, instances: map[string]*zecInstance{}}
}

func (z *zecState) service() zenlayerService {
	return zenlayerService{name: "zec", versions: zecVersions, actions: map[string]zenlayerAction{
		"CreateDisks":           z.createDisks,
		"DescribeDisks":         z.describeDisks,
		"AttachDisks":           z.attachDisks,
		"DetachDisks":           z.detachDisks,
		"ResizeDisk":            z.onDisk(z.resizeDisk),
		"ModifyDisksAttributes": z.modifyDisksAttributes,
		"ReleaseDisk":           z.onDisk(z.releaseDisk),
		"DescribeDiskCategory":  z.describeDiskCategory,

		"CreateZecInstances":       z.createZecInstances,
		"DescribeInstances":        z.describeInstances,
		"DescribeInstancesStatus":  z.describeInstancesStatus,
		"StartInstances":           z.startInstances,
		"StopInstances":            z.stopInstances,
		"RebootInstances":          z.rebootInstances, // zenlayer_reboot.go
		"ModifyInstancesAttribute": z.modifyInstancesAttribute,
		"ReleaseInstances":         z.releaseInstances,

		// zec_instances_modify.go (version 2025-09-01)
		"ModifyInstanceType":              z.onInstance(z.modifyInstanceType),
		"ResetInstance":                   z.onInstance(z.resetInstance),
		"ResetInstancePassword":           z.onInstance(z.resetInstancePassword),
		"ModifyNetworkInterfaceAttribute": onOne("nicId", z.nicOwner, z.modifyNetworkInterfaceAttribute),
		"StartIpForward":                  z.onInstance(ipForward(true)),
		"StopIpForward":                   z.onInstance(ipForward(false)),

		// zec_lookups.go (version 2025-09-01)
		"DescribeZones":                   z.describeZones,
		"DescribeImages":                  z.describeImages,
		"DescribeZoneInstanceConfigInfos": z.describeZoneInstanceConfigInfos,
	}}
}

// advance applies due transitions. Called with s.mu held.
func (z *zecState) advance(now time.Time) {
	advanceEach(z.disks, now)
	advanceEach(z.instances, now)
}

// inventory lists the disks and instances. Called with s.mu held.
func (z *zecState) inventory(inv map[string][]string) {
	addInventory(inv, "zec_disk", z.disks)
	addInventory(inv, "zec_instance", z.instances)
}
