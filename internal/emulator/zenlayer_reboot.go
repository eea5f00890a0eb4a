package emulator

import (
	"net/http"
	"slices"
)

// RebootInstances of ZEC and BMC, as the public Zenlayer CLI specs say
// (zenlayer/zenlayercloud-cli apis/en-US/zec/reboot-instances.yaml, SDK
// version zec 2025-09-01, and apis/en-US/bmc/reboot-instances.yaml; the
// request of both is instanceIds, as zenlayercloud-sdk-go's
// bmc20221120/models.go RebootInstancesRequest has it):
//
//	ZEC RebootInstances RUNNING → REBOOT → RUNNING (Durations.InstanceStop + InstanceStart);
//	                    like StartInstances, refused ids are answered in instanceIds
//	BMC RebootInstances RUNNING | STOPPED → BOOTING → RUNNING (Durations.BMCStop + BMCStart);
//	                    like StartInstances, all or nothing

// zecStatusReboot is the status of a ZEC instance being rebooted.
const zecStatusReboot = "REBOOT"

// rebootInstances reboots RUNNING ZEC instances outside the recycle bin.
func (z *zecState) rebootInstances(req *call) (any, []string, error) {
	d := z.s.opts.Durations
	return z.batch("RebootInstances", req.strs("instanceIds"), acceptsFrom(instStatusRunning),
		z.moveTo(zecStatusReboot, instStatusRunning, d.InstanceStop+d.InstanceStart))
}

// rebootInstances reboots STOPPED or RUNNING BMC instances outside the
// recycle bin; any other status refuses the whole call.
func (b *bmcState) rebootInstances(req *call) (any, []string, error) {
	d := b.s.opts.Durations
	return b.allOrNothing(req, func(i *bmcInstance) *errAPI {
		switch {
		case i.recycled():
			return bmcRecycledErr(i.InstanceID)
		case !slices.Contains([]string{bmcStatusRunning, bmcStatusStopped}, i.InstanceStatus) || i.tl.busy():
			return apiErr(http.StatusForbidden, bmcCodeNotRunning, "Instance %s is %s; only STOPPED or RUNNING instances can be rebooted.",
				i.InstanceID, i.InstanceStatus)
		}
		return nil
	}, b.moveTo(bmcStatusBooting, bmcStatusRunning, d.BMCStop+d.BMCStart))
}
