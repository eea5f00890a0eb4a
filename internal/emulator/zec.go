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

func (z *zecState) zenlayerService() string { return "zec" }

func (z *zecState) actions() map[string]zenlayerAction {
	return map[string]zenlayerAction{
		"CreateDisks":           action(z.createDisks),
		"DescribeDisks":         action(z.describeDisks),
		"AttachDisks":           action(z.attachDisks),
		"DetachDisks":           action(z.detachDisks),
		"ResizeDisk":            action(z.resizeDisk),
		"ModifyDisksAttributes": action(z.modifyDisksAttributes),
		"ReleaseDisk":           action(z.releaseDisk),
		"DescribeDiskCategory":  action(z.describeDiskCategory),

		"CreateZecInstances":       action(z.createZecInstances),
		"DescribeInstances":        action(z.describeInstances),
		"DescribeInstancesStatus":  action(z.describeInstancesStatus),
		"StartInstances":           action(z.startInstances),
		"StopInstances":            action(z.stopInstances),
		"RebootInstances":          action(z.rebootInstances),
		"ModifyInstancesAttribute": action(z.modifyInstancesAttribute),
		"ReleaseInstances":         action(z.releaseInstances),
	}
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
