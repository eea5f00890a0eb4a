package emulator

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// createZecInstances follows CreateZecInstances: each instance starts
// PENDING, is DEPLOYING and ends RUNNING (or CREATE_FAILED for a share of
// Options.CreateFailRate, or under an async-fail fault), with a system disk
// and the data disks asked for.
func (z *zecState) createZecInstances(req *call) (any, []string, error) {
	c, e := checkCreateInstances(req)
	if e != nil {
		return nil, nil, e
	}
	now := z.s.now()
	ids := make([]string, 0, len(c.names))
	created := make([]map[string]any, 0, len(c.names))
	for n := range c.names {
		inst := z.newInstance(req, c, n, now)
		sys := z.addLinkedDisk(inst, inst.InstanceName+"-system", "SYSTEM", c.sysCategory, c.sysSize, diskStatusCreating)
		sys.Bursting = c.sysBursting
		inst.SystemDiskID = sys.DiskID
		linked := []*zecDisk{sys}
		dataIDs := []string{}
		for k, spec := range c.dataDisks {
			name := stringOr(&spec.name, fmt.Sprintf("%s-data-%d", inst.InstanceName, k+1))
			dd := z.addLinkedDisk(inst, name, "DATA", spec.category, spec.size, diskStatusCreating)
			dd.Bursting = spec.bursting
			linked = append(linked, dd)
			dataIDs = append(dataIDs, dd.DiskID)
		}
		z.scheduleCreate(inst, linked, now)
		ids = append(ids, inst.InstanceID)
		created = append(created, map[string]any{"instanceId": inst.InstanceID, "diskIdSet": dataIDs})
	}
	return map[string]any{"orderNumber": "order-" + ids[0], "instanceIdSet": ids, "instances": created}, ids, nil
}

// newInstance adds the n-th instance of a checked create, PENDING.
func (z *zecState) newInstance(req *call, c *zecCreate, n int, now time.Time) *zecInstance {
	id := z.s.newID("zec")
	inst := &zecInstance{InstanceID: id, InstanceName: c.names[n], ZoneID: *req.str("zoneId"), Status: instStatusPending}
	inst.InstanceType, inst.ImageID, inst.CPU, inst.Memory = *req.str("instanceType"), *req.str("imageId"), c.itype.CPU, c.itype.Memory
	inst.TimeZone, inst.NicNetworkType = stringOr(req.str("timeZone"), "America/Los_Angeles"), c.nicType
	inst.SubnetID, inst.SecurityGroupID = *req.str("subnetId"), stringOr(req.str("securityGroupId"), zecDefaultSG)
	if c.hasKey {
		inst.KeyID = *req.str("keyId")
	}
	if n == 0 {
		inst.PrivateIPs = []string{z.privateIP(stringOr(req.str("lanIp"), ""))}
	} else {
		inst.PrivateIPs = []string{z.privateIP("")}
	}
	if stringOr(req.str("internetChargeType"), "") != "" {
		inst.PublicIPs = []string{fmt.Sprintf("203.0.113.%d", (z.s.seq%250)+2)}
	}
	inst.EnableAgent, inst.EnableIPForward = valueOr(req.flag("enableAgent"), true), valueOr(req.flag("enableIpForward"), false)
	inst.CreateTime = now.UTC().Format(time.RFC3339)
	inst.ResourceGroupID = stringOr(req.str("resourceGroupId"), defaultResourceGroup)
	inst.Tags = slices.Clone(c.tags)
	if c.ipStack != "IPv4" {
		inst.IPv6 = fmt.Sprintf("2001:db8:%x::%x", len(z.instances)+1, z.s.seq)
	}
	inst.NestedVirtualization = valueOr(req.obj("instanceOptions").flag("nestedVirtualization"), false)
	inst.UserData, inst.Marketing = stringOr(req.str("userData"), ""), req.obj("marketingOptions")
	inst.Network = params{}
	for _, k := range []string{"internetChargeType", "bandwidth", "trafficPackageSize", "eipBindType", "eipV4Type",
		"networkLineType", "ipStackType", "clusterId", "ipv6ClusterId"} {
		if req.has(k) {
			inst.Network[k] = req.params[k]
		}
	}
	z.instances[id] = inst
	return inst
}

func (z *zecState) describeInstances(req *call) (any, []string, error) {
	ipv4, name := req.str("ipv4Address"), req.str("name")
	return describeObjects(req, "instanceIds", z.instances, instanceID, func(i *zecInstance) []Tag { return i.Tags }, func(i *zecInstance) bool {
		return matches(req.str("zoneId"), i.ZoneID) && matches(req.str("imageId"), i.ImageID) && matches(req.str("status"), i.Status) &&
			matches(req.str("resourceGroupId"), i.ResourceGroupID) && matches(req.str("ipv6Address"), i.IPv6) &&
			(ipv4 == nil || slices.Contains(i.PrivateIPs, *ipv4) || slices.Contains(i.PublicIPs, *ipv4)) &&
			(name == nil || strings.Contains(i.InstanceName, *name))
	}, z.instanceInfo)
}

func (z *zecState) describeInstancesStatus(req *call) (any, []string, error) {
	return describeObjects(req, "instanceIds", z.instances, instanceID, func(*zecInstance) []Tag { return nil },
		func(i *zecInstance) bool { return matches(req.str("resourceGroupId"), i.ResourceGroupID) },
		func(i *zecInstance) map[string]any {
			return map[string]any{"instanceId": i.InstanceID, "instanceStatus": i.Status}
		})
}

func instanceID(i *zecInstance) string { return i.InstanceID }

// instanceIDs checks the instanceIds of a batch action (1 to 100 ids, all
// existing) and returns them without duplicates.
func (z *zecState) instanceIDs(ids []string) ([]*zecInstance, *errAPI) {
	return batchOf("instanceIds", ids, z.instance)
}

// batch runs a batch action (StartInstances, StopInstances, ReleaseInstances).
// check says why an instance cannot take the action (nil: it can). When
// every instance asked for is refused, the request fails with the first
// refusal's error code (so a single-instance request gets the code); when
// some are accepted, the action is applied to them and the refused ones are
// answered in instanceIds, "the ids that failed". An instance marked with
// FailZECInstanceOnce is answered as failed either way.
func (z *zecState) batch(action string, rawIDs []string, check func(*zecInstance) *errAPI, apply func(*zecInstance)) (any, []string, error) {
	insts, e := z.instanceIDs(rawIDs)
	if e != nil {
		return nil, rawIDs, e
	}
	var accepted []*zecInstance
	failed := []string{}
	var firstRefusal *errAPI
	for _, i := range insts {
		if z.takeForcedFailure(action, i.InstanceID) {
			failed = append(failed, i.InstanceID)
			continue
		}
		if e := check(i); e != nil {
			if firstRefusal == nil {
				firstRefusal = e
			}
			failed = append(failed, i.InstanceID)
			continue
		}
		accepted = append(accepted, i)
	}
	if len(accepted) == 0 && firstRefusal != nil {
		return nil, rawIDs, firstRefusal
	}
	for _, i := range accepted {
		apply(i)
	}
	return map[string]any{"instanceIds": failed}, rawIDs, nil
}

// startInstances follows the StartInstances document (seed 002): only
// STOPPED instances outside the recycle bin start; BOOTING (the status enum;
// STARTING, the document's word, with Options.ZECStartingStatus), then RUNNING.
func (z *zecState) startInstances(req *call) (any, []string, error) {
	return z.batch("StartInstances", req.strs("instanceIds"), acceptsFrom(instStatusStopped),
		z.moveTo(z.s.opts.ZECStartingStatus, instStatusRunning, z.s.opts.Durations.InstanceStart))
}

// stopInstances follows StopInstances: only RUNNING instances stop;
// STOPPING, then STOPPED. forceShutdown only changes how the guest is told.
func (z *zecState) stopInstances(req *call) (any, []string, error) {
	return z.batch("StopInstances", req.strs("instanceIds"), acceptsFrom(instStatusRunning),
		z.moveTo(instStatusStopping, instStatusStopped, z.s.opts.Durations.InstanceStop))
}

// releaseInstances follows ReleaseInstances: running, stopped, recycled and
// CREATE_FAILED instances are released (see release). dependResource
// (default true) says whether their data disks go with them.
func (z *zecState) releaseInstances(req *call) (any, []string, error) {
	dependents := valueOr(req.flag("dependResource"), true)
	return z.batch("ReleaseInstances", req.strs("instanceIds"),
		acceptsFrom(instStatusRunning, instStatusStopped, instStatusRecycle, instStatusCreateFailed),
		func(i *zecInstance) { z.release(i, dependents) })
}

// modifyInstancesAttribute renames instances. "If any of the instance IDs
// does not exist, the operation will fail immediately."
func (z *zecState) modifyInstancesAttribute(req *call) (any, []string, error) {
	return renaming[*zecInstance]{ids: "instanceIds", name: "instanceName", find: z.instance, check: checkInstanceName,
		ready: func(i *zecInstance) *errAPI {
			switch i.Status {
			case instStatusReleasing, instStatusRecycling, instStatusRecycle:
				return errInstanceStatus(i)
			}
			return nil
		},
		set: func(i *zecInstance, name string) {
			i.InstanceName = name
			for _, d := range z.disks {
				if d.InstanceID == i.InstanceID {
					d.InstanceName = name
				}
			}
		}}.run(req)
}
