package emulator

import (
	"math"
	"net/http"
	"slices"
)

// The BMC actions that change an instance in place (zenlayercloud-sdk-go
// v0.2.40 bmc20221120 and bmc20260201 client.go and models.go; the notes of
// the CLI specs apis/en-US/bmc/<action>.yaml):
//
//	ReinstallInstance             RUNNING | STOPPED | INSTALL_FAILED → INSTALLING → RUNNING
//	                              (INSTALL_FAILED under an async-fail fault); the disks are wiped
//	ModifyInstanceBandwidth       RUNNING only; applied at once, but a PREPAID decrease,
//	                              which waits for the next billing cycle (bmc_internet.go)
//	ModifyInstanceTrafficPackage  RUNNING or STOPPED, ByTrafficPackage only; applied at once,
//	                              but a PREPAID decrease, as the bandwidth's
//	AssociateSubnetInstances      RUNNING only, one subnet an instance, same zone; bound
//	                              Durations.BMCStart later (the API's binding is asynchronous)
//	UnAssociateSubnetInstance     an instance not in the subnet is left alone; unbound
//	                              Durations.BMCStart later

// reinstallable refuses a reinstall of an instance that is being created,
// installed, is in the recycle bin, or in a power transition
// (ReinstallInstance's note: "Operations on instances in recycle bin or in
// installing status are not supported").
func reinstallable(i *bmcInstance) *errAPI {
	switch {
	case i.recycled():
		return bmcRecycledErr(i.InstanceID)
	case i.InstanceStatus == bmcStatusPending || i.InstanceStatus == bmcStatusCreating || i.InstanceStatus == bmcStatusCreateFailed:
		return apiErr(http.StatusForbidden, bmcCodeCreating, "Instance %s is %s; operations on instances being created are not supported.", i.InstanceID, i.InstanceStatus)
	case i.InstanceStatus == bmcStatusInstalling:
		return apiErr(http.StatusForbidden, bmcCodeInstalling, "Instance %s is INSTALLING; operations on instances being installed are not supported.", i.InstanceID)
	case i.tl.busy() || (i.InstanceStatus != bmcStatusRunning && i.InstanceStatus != bmcStatusStopped && i.InstanceStatus != bmcStatusInstallFailed):
		return apiErr(http.StatusForbidden, bmcCodeInstanceStatus, "Instance %s is %s; wait until it is RUNNING or STOPPED.", i.InstanceID, i.InstanceStatus)
	}
	return nil
}

// instanceOf reads the one instanceId of a request.
func (b *bmcState) instanceOf(req *call) (*bmcInstance, []string, *errAPI) {
	return oneOf(req, "instanceId", b.instance)
}

// liveInstanceOf is instanceOf of an action the recycle bin refuses.
func (b *bmcState) liveInstanceOf(req *call) (*bmcInstance, []string, *errAPI) {
	i, ids, e := b.instanceOf(req)
	if e == nil && i.recycled() {
		e = bmcRecycledErr(i.InstanceID)
	}
	return i, ids, e
}

// onInstance is the action act on the one instance named by instanceId,
// which answers nothing but its requestId.
func (b *bmcState) onInstance(act func(req *call, i *bmcInstance) *errAPI) zenlayerAction {
	return onOne("instanceId", b.instance, act)
}

// reinstallInstance follows ReinstallInstance: the same machine installed
// again; without imageId the current image, without hostname the current
// one; the login, RAID, partitions, NIC names and user data of the request
// replace the old ones (the documents' constraints as on CreateInstances).
func (b *bmcState) reinstallInstance(req *call, i *bmcInstance) *errAPI {
	if e := reinstallable(i); e != nil {
		return e
	}
	img := (*bmcImage)(nil)
	if id := stringOr(req.str("imageId"), valueOr(i.ImageID, "")); id != "" {
		if img = bmcImageByID(id); img == nil {
			return bmcImageNotFound(id)
		}
	}
	host := i.Hostname
	if h := req.str("hostname"); h != nil {
		if _, e := checkBMCHostname(*h); e != nil {
			return e
		}
		host = *h
	}
	password, sshKeys, keyID := req.str("password"), req.strs("sshKeys"), stringOr(req.str("keyId"), "")
	if (password != nil && len(sshKeys)+len(keyID) > 0) || (keyID != "" && len(sshKeys) > 0) {
		return apiErr(http.StatusBadRequest, bmcCodeLoginConflict, "Set one of password, keyId and sshKeys.")
	}
	if password != nil {
		if e := checkBMCPassword(*password); e != nil {
			return e
		}
	}
	if e := checkBMCSSHKeys(sshKeys); e != nil {
		return e
	}
	raid, parts, nic := bmcRaidOf(req.obj("raidConfig")), bmcPartitionsOf(req.objs("partitions")), bmcNicOf(req.obj("nic"))
	if raid != nil {
		if e := checkBMCRaid(raid, i.Type); e != nil {
			return e
		}
	}
	if len(parts) > 0 {
		if e := checkBMCPartitions(parts, img, i.Type); e != nil {
			return e
		}
	}
	if nic != nil {
		if e := checkBMCNic(nic); e != nil {
			return e
		}
	}
	if img != nil {
		id, name := img.ImageID, img.ImageName
		i.ImageID, i.ImageName, i.IpxeURL = &id, &name, nil
	}
	i.Hostname, i.RaidConfig, i.Partitions, i.KeyID = host, raid, parts, keyID
	if nic != nil {
		if nic.WanName != nil {
			i.Nic.WanName = nic.WanName
		}
		if nic.LanName != nil {
			i.Nic.LanName = nic.LanName
		}
	}
	i.UserData = stringOr(req.str("userData"), "")
	i.Reinstalls++
	now := b.s.now()
	i.InstanceStatus = bmcStatusInstalling
	end := bmcStatusRunning
	if b.s.asyncFailHere(i.InstanceID) {
		end = bmcStatusInstallFailed
	}
	i.tl.after(now, b.s.opts.Durations.BMCInstall, func() { i.InstanceStatus = end })
	return nil
}

// modifyInstanceBandwidth follows ModifyInstanceBandwidth: a RUNNING
// instance, 1 Mbps to its type's maximum. The change is made in the
// background (Durations.BMCStart; the internet status says Processing
// meanwhile, and another change is refused: errors.go's "Bandwidth is
// being modified"), but a PREPAID machine's decrease, which waits for the
// next billing cycle.
func (b *bmcState) modifyInstanceBandwidth(req *call) (any, []string, error) {
	i, ids, e := b.instanceOf(req)
	if e != nil {
		return nil, ids, e
	}
	if i.BandwidthChange != nil && !i.recycled() {
		return nil, ids, apiErr(http.StatusForbidden, bmcCodeBandwidthProcessing, "Instance %s is changing its bandwidth to %d Mbps.", i.InstanceID, *i.BandwidthChange)
	}
	if e := idleIn(bmcStatusRunning, bmcCodeNotRunning, "changed")(i); e != nil {
		return nil, ids, e
	}
	bw := req.integer("bandwidthOutMbps")
	if bw == nil {
		return nil, ids, errMissing("bandwidthOutMbps")
	}
	if *bw < 1 || *bw > i.Type.MaximumBandwidth {
		return nil, ids, apiErr(http.StatusBadRequest, bmcCodeBandwidthParamExceed, "bandwidthOutMbps must be between 1 and %d (the maximum of instance type %s), got %d.", i.Type.MaximumBandwidth, i.Type.InstanceTypeID, *bw)
	}
	if i.DowngradeBandwidth != nil {
		return nil, ids, apiErr(http.StatusForbidden, bmcCodeBandwidthProcessing, "Instance %s has a bandwidth downgrade to %d Mbps waiting for the next billing cycle; cancel it first.", i.InstanceID, *i.DowngradeBandwidth)
	}
	v := *bw
	if i.InstanceChargeType == bmcChargePrepaid && v < i.BandwidthOutMbps {
		i.DowngradeBandwidth = &v
	} else {
		i.BandwidthChange = &v
		i.netTL.after(b.s.now(), b.s.opts.Durations.BMCStart, func() { i.BandwidthOutMbps, i.BandwidthChange = v, nil })
	}
	return map[string]any{"orderNumber": "order-bw-" + i.InstanceID}, ids, nil
}

// modifyInstanceTrafficPackage follows ModifyInstanceTrafficPackage: a
// RUNNING or STOPPED ByTrafficPackage instance, a size in TB that is a
// multiple of 0.05.
func (b *bmcState) modifyInstanceTrafficPackage(req *call) (any, []string, error) {
	i, ids, e := b.liveInstanceOf(req)
	if e != nil {
		return nil, ids, e
	}
	switch {
	case i.tl.busy() || (i.InstanceStatus != bmcStatusRunning && i.InstanceStatus != bmcStatusStopped):
		return nil, ids, apiErr(http.StatusForbidden, bmcCodeInstanceStatus, "Instance %s is %s; only RUNNING or STOPPED instances can change their traffic package.", i.InstanceID, i.InstanceStatus)
	case i.InternetChargeType != "ByTrafficPackage":
		return nil, ids, apiErr(http.StatusForbidden, bmcCodeInternetChargeNotSupport, "Instance %s is billed %s; only ByTrafficPackage instances have a traffic package.", i.InstanceID, i.InternetChargeType)
	}
	size := req.number("trafficPackageSize")
	if size == nil {
		return nil, ids, errMissing("trafficPackageSize")
	}
	if n := *size / 0.05; *size < 0 || math.Abs(n-math.Round(n)) > 1e-6 {
		return nil, ids, apiErr(http.StatusBadRequest, bmcCodeTrafficPackageError, "trafficPackageSize must be a multiple of 0.05 TB, got %v.", *size)
	}
	if i.DowngradeTrafficPackage != nil {
		return nil, ids, apiErr(http.StatusForbidden, bmcCodeExistPlanTrafficPackage, "Instance %s has a traffic package downgrade to %v TB waiting for the next billing cycle; cancel it first.", i.InstanceID, *i.DowngradeTrafficPackage)
	}
	v := *size
	if i.InstanceChargeType == bmcChargePrepaid && i.TrafficPackageSize != nil && v < *i.TrafficPackageSize {
		i.DowngradeTrafficPackage = &v
	} else {
		i.TrafficPackageSize = &v
	}
	return map[string]any{"orderNumber": "order-tp-" + i.InstanceID}, ids, nil
}

// subnetOf reads and checks the subnetId of a request.
func subnetOf(req *call) (string, string, *errAPI) {
	id, e := req.required("subnetId")
	if e != nil {
		return "", "", e
	}
	zone, ok := bmcSubnets[id]
	if !ok {
		return "", "", apiErr(http.StatusNotFound, bmcCodeSubnetNotFound, "The subnet %s does not exist.", id)
	}
	return id, zone, nil
}

// associateSubnetInstances follows AssociateSubnetInstances: 1 to 100
// RUNNING instances of the subnet's zone, none in a subnet already; any
// refusal changes nothing. The binding ends Durations.BMCStart later.
func (b *bmcState) associateSubnetInstances(req *call) (any, []string, error) {
	subnet, zone, e := subnetOf(req)
	if e != nil {
		return nil, nil, e
	}
	var ids []string
	for _, item := range req.objs("subnetInstanceList") {
		ids = append(ids, stringOr(item.str("instanceId"), ""))
	}
	if len(ids) == 0 || len(ids) > 100 {
		return nil, ids, apiErr(http.StatusBadRequest, codeInvalidValue, "subnetInstanceList takes 1 to 100 instances, got %d.", len(ids))
	}
	list, e := batchOf("subnetInstanceList.instanceId", ids, b.instance)
	if e != nil {
		return nil, ids, e
	}
	for _, i := range list {
		switch {
		case i.recycled():
			return nil, ids, bmcRecycledErr(i.InstanceID)
		case i.SubnetMove != "":
			return nil, ids, bmcSubnetMoving(i)
		case i.InstanceStatus != bmcStatusRunning || i.tl.busy():
			return nil, ids, apiErr(http.StatusForbidden, bmcCodeNotRunning, "Instance %s is %s; only RUNNING instances can join a subnet.", i.InstanceID, i.InstanceStatus)
		case !i.Type.SupportSubnet:
			return nil, ids, apiErr(http.StatusForbidden, bmcCodeInstanceNotSupportSubnet, "Instance type %s does not support subnets.", i.Type.InstanceTypeID)
		case i.ZoneID != zone:
			return nil, ids, apiErr(http.StatusForbidden, bmcCodeDifferentZone, "Instance %s is in zone %s, the subnet %s in %s.", i.InstanceID, i.ZoneID, subnet, zone)
		case len(i.SubnetIDs) > 0:
			return nil, ids, apiErr(http.StatusForbidden, bmcCodeSubnetNotRepeatInstance, "Instance %s is in subnet %s already.", i.InstanceID, i.SubnetIDs[0])
		}
	}
	now := b.s.now()
	for _, i := range list {
		i.SubnetMove = subnet
		i.tl.after(now, b.s.opts.Durations.BMCStart, func() { i.SubnetIDs, i.SubnetMove = []string{subnet}, "" })
	}
	return nil, ids, nil
}

// bmcSubnetMoving is the refusal of a subnet move while another one of
// instance i is carried out (errors.go: OPERATION_DENIED_SUBNET_ASSOCIATING_INSTANCE).
func bmcSubnetMoving(i *bmcInstance) *errAPI {
	return apiErr(http.StatusForbidden, bmcCodeSubnetAssociating, "Instance %s is being moved into or out of subnet %s.", i.InstanceID, i.SubnetMove)
}

// unAssociateSubnetInstance follows UnAssociateSubnetInstance: the instance
// leaves the subnet Durations.BMCStart later; one not in it is left alone,
// one joining or leaving a subnet refused.
func (b *bmcState) unAssociateSubnetInstance(req *call) (any, []string, error) {
	subnet, _, e := subnetOf(req)
	if e != nil {
		return nil, nil, e
	}
	i, ids, e := b.liveInstanceOf(req)
	if e != nil {
		return nil, ids, e
	}
	switch {
	case i.SubnetMove != "":
		return nil, ids, bmcSubnetMoving(i)
	case slices.Contains(i.SubnetIDs, subnet):
		i.SubnetMove = subnet
		i.tl.after(b.s.now(), b.s.opts.Durations.BMCStart, func() {
			i.SubnetIDs, i.SubnetMove = slices.DeleteFunc(slices.Clone(i.SubnetIDs), func(s string) bool { return s == subnet }), ""
		})
	}
	return nil, ids, nil
}
