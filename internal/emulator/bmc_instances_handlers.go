package emulator

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// createInstances follows CreateInstances: amount instances named by the
// batch patterns, each PENDING at first (see scheduleCreate).
func (b *bmcState) createInstances(req *call) (any, []string, error) {
	c, e := b.checkCreate(req)
	if e != nil {
		return nil, nil, e
	}
	now := b.s.now()
	ids := make([]string, 0, c.amount)
	for n := range c.amount {
		name, host := expandBMCName(c.name, n), expandBMCName(c.host, n)
		i := b.newInstance(c, name, host)
		b.scheduleCreate(i, now, c.img != nil)
		b.instances[i.InstanceID] = i
		ids = append(ids, i.InstanceID)
	}
	return map[string]any{"instanceIdSet": ids, "orderNumber": "order-" + ids[0]}, ids, nil
}

// bmcNameMatches is the API's name filter: exact, or a prefix with a trailing "*".
func bmcNameMatches(filter *string, v string) bool {
	if filter == nil {
		return true
	}
	if prefix, ok := strings.CutSuffix(*filter, "*"); ok {
		return strings.HasPrefix(v, prefix)
	}
	return v == *filter
}

func (b *bmcState) describeInstances(req *call) (any, []string, error) {
	zone, typeID, imageID, subnet := req.str("zoneId"), req.str("instanceTypeId"), req.str("imageId"), req.str("subnetId")
	status, internet := req.str("instanceStatus"), req.str("internetChargeType")
	switch {
	case zone != nil && bmcZoneByID(*zone) == nil:
		return nil, nil, bmcZoneNotFound(*zone)
	case typeID != nil && bmcTypeByID(*typeID) == nil:
		return nil, nil, bmcTypeNotFound(*typeID)
	case imageID != nil && bmcImageByID(*imageID) == nil:
		return nil, nil, bmcImageNotFound(*imageID)
	case status != nil && !slices.Contains(bmcStatuses, *status):
		return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "instanceStatus %q is not one of %s.", *status, strings.Join(bmcStatuses, ", "))
	case internet != nil && !slices.Contains(bmcInternetChargeTypes, *internet):
		return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "internetChargeType %q is not one of %s.", *internet, strings.Join(bmcInternetChargeTypes, ", "))
	}
	anyIn := func(filter, values []string) bool {
		return len(filter) == 0 || slices.ContainsFunc(values, func(v string) bool { return slices.Contains(filter, v) })
	}
	return describeObjects(req, "instanceIds", b.instances, func(i *bmcInstance) string { return i.InstanceID },
		func(i *bmcInstance) []Tag { return i.Tags.list() }, func(i *bmcInstance) bool {
			return matches(zone, i.ZoneID) && matches(req.str("resourceGroupId"), i.ResourceGroupID) && matches(typeID, i.Type.InstanceTypeID) &&
				matches(internet, i.InternetChargeType) && matches(imageID, valueOr(i.ImageID, "")) && matches(status, i.InstanceStatus) &&
				(subnet == nil || slices.Contains(i.SubnetIDs, *subnet)) &&
				bmcNameMatches(req.str("instanceName"), i.InstanceName) && bmcNameMatches(req.str("hostname"), i.Hostname) &&
				anyIn(req.strs("publicIpAddresses"), i.PublicIPAddresses) && anyIn(req.strs("privateIpAddresses"), i.PrivateIPAddresses)
		}, (*bmcInstance).wire)
}

func (b *bmcState) instancesOf(ids []string) ([]*bmcInstance, []string, *errAPI) {
	list, e := batchOf("instanceIds", ids, b.instance)
	return list, ids, e
}

// allOrNothing runs a batch action that takes only instanceIds
// (StartInstances, StopInstances, ReleaseInstances): 1 to 100 known ids,
// duplicates counted once; every instance must pass check, or the call
// fails with the first refusal and changes nothing; then apply changes each.
func (b *bmcState) allOrNothing(req *call, check func(*bmcInstance) *errAPI, apply func(i *bmcInstance, now time.Time)) (any, []string, error) {
	list, ids, e := b.instancesOf(req.strs("instanceIds"))
	if e != nil {
		return nil, ids, e
	}
	for _, i := range list {
		if e := check(i); e != nil {
			return nil, ids, e
		}
	}
	now := b.s.now()
	for _, i := range list {
		apply(i, now)
	}
	return nil, ids, nil
}

// stopInstances: RUNNING → STOPPING → STOPPED; any other status refuses the whole call.
func (b *bmcState) stopInstances(req *call) (any, []string, error) {
	return b.allOrNothing(req, idleIn(bmcStatusRunning, bmcCodeNotRunning, "stopped"),
		b.moveTo(bmcStatusStopping, bmcStatusStopped, b.s.opts.Durations.BMCStop))
}

// startInstances: STOPPED → BOOTING → RUNNING; any other status refuses the whole call.
func (b *bmcState) startInstances(req *call) (any, []string, error) {
	return b.allOrNothing(req, idleIn(bmcStatusStopped, bmcCodeNotStopped, "started"),
		b.moveTo(bmcStatusBooting, bmcStatusRunning, b.s.opts.Durations.BMCStart))
}

// modifyInstancesAttribute renames instances; any unknown id fails the whole call.
func (b *bmcState) modifyInstancesAttribute(req *call) (any, []string, error) {
	return renaming[*bmcInstance]{ids: "instanceIds", name: "instanceName", find: b.instance,
		check: func(name string) *errAPI { _, e := checkBMCInstanceName(name, false); return e },
		set:   func(i *bmcInstance, name string) { i.InstanceName = name }}.run(req)
}

// terminateInstance returns an instance: a POSTPAID one goes to the recycle
// bin (RECYCLE at once, released 24 h later), a CREATE_FAILED one is
// deleted at once, and a PREPAID one only has its renewal cancelled: it
// keeps running until it expires.
func (b *bmcState) terminateInstance(_ *call, i *bmcInstance) *errAPI {
	switch i.InstanceStatus {
	case bmcStatusRecycle:
		return bmcRecycledErr(i.InstanceID)
	case bmcStatusPending, bmcStatusCreating:
		return apiErr(http.StatusForbidden, bmcCodeCreating, "Instance %s is %s; operations on instances being created are not supported.", i.InstanceID, i.InstanceStatus)
	case bmcStatusInstalling:
		return apiErr(http.StatusForbidden, bmcCodeInstalling, "Instance %s is INSTALLING; operations on instances being installed are not supported.", i.InstanceID)
	case bmcStatusCreateFailed:
		delete(b.instances, i.InstanceID)
		return nil
	}
	if i.InstanceChargeType == bmcChargePrepaid {
		i.AutoRenew = false
		return nil
	}
	b.recycle(i)
	return nil
}

// releaseInstances follows the ReleaseInstances seed: at most 100 ids; an
// unknown id is INVALID_INSTANCE_NOT_FOUND (404); an instance not in the
// recycle bin is OPERATION_DENIED_INSTANCE_NOT_RECYCLED (403). Any failure
// releases nothing. Released instances are gone at once.
func (b *bmcState) releaseInstances(req *call) (any, []string, error) {
	return b.allOrNothing(req, func(i *bmcInstance) *errAPI {
		if i.InstanceStatus != bmcStatusRecycle {
			return apiErr(http.StatusForbidden, bmcCodeNotRecycled,
				"Instance %s is %s; instances not in the recycle bin do not support this operation.", i.InstanceID, i.InstanceStatus)
		}
		return nil
	}, b.release)
}
