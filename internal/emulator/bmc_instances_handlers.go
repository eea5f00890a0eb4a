package emulator

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// createInstances follows CreateInstances: amount instances named by the
// batch patterns, each PENDING at first (see scheduleCreate).
func (b *bmcState) createInstances(req *bmcCreateReq) (map[string]any, []string, error) {
	c, e := b.checkCreate(req)
	if e != nil {
		return nil, nil, e
	}
	now := b.s.now()
	ids := make([]string, 0, c.amount)
	for n := range c.amount {
		name, host := expandBMCName(c.name, n), expandBMCName(c.host, n)
		i := b.newInstance(*req, c.zone, c.typ, c.img, name, host, c.charge, c.internet, c.bandwidth)
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

func (b *bmcState) describeInstances(req *bmcDescribeReq) (map[string]any, []string, error) {
	if e := checkIDFilter("instanceIds", req.InstanceIDs); e != nil {
		return nil, nil, e
	}
	pageSize, pageNum, e := paging(req.PageSize, req.PageNum)
	if e != nil {
		return nil, nil, e
	}
	if req.ZoneID != nil && bmcZoneByID(*req.ZoneID) == nil {
		return nil, nil, bmcZoneNotFound(*req.ZoneID)
	}
	if req.InstanceTypeID != nil && bmcTypeByID(*req.InstanceTypeID) == nil {
		return nil, nil, bmcTypeNotFound(*req.InstanceTypeID)
	}
	if req.ImageID != nil && bmcImageByID(*req.ImageID) == nil {
		return nil, nil, bmcImageNotFound(*req.ImageID)
	}
	if e := checkTagFilters(req.TagKeys, req.Tags); e != nil {
		return nil, nil, e
	}
	if req.InstanceStatus != nil && !slices.Contains(bmcStatuses, *req.InstanceStatus) {
		return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "instanceStatus %q is not one of %s.", *req.InstanceStatus, strings.Join(bmcStatuses, ", "))
	}
	if req.InternetChargeType != nil && !slices.Contains(bmcInternetChargeTypes, *req.InternetChargeType) {
		return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "internetChargeType %q is not one of %s.", *req.InternetChargeType, strings.Join(bmcInternetChargeTypes, ", "))
	}
	eq := func(p *string, v string) bool { return p == nil || *p == v }
	anyIn := func(filter, values []string) bool {
		return len(filter) == 0 || slices.ContainsFunc(values, func(v string) bool { return slices.Contains(filter, v) })
	}
	match := filterSorted(b.instances, func(i *bmcInstance) bool {
		image := ""
		if i.ImageID != nil {
			image = *i.ImageID
		}
		switch {
		case len(req.InstanceIDs) > 0 && !slices.Contains(req.InstanceIDs, i.InstanceID):
		case !eq(req.ZoneID, i.ZoneID), !eq(req.ResourceGroupID, i.ResourceGroupID), !eq(req.InstanceTypeID, i.InstanceTypeID),
			!eq(req.InternetChargeType, i.InternetChargeType), !eq(req.ImageID, image), !eq(req.InstanceStatus, i.InstanceStatus):
		case req.SubnetID != nil && !slices.Contains(i.SubnetIDs, *req.SubnetID):
		case !bmcNameMatches(req.InstanceName, i.InstanceName), !bmcNameMatches(req.Hostname, i.Hostname):
		case !anyIn(req.PublicIPAddresses, i.PublicIPAddresses), !anyIn(req.PrivateIPAddresses, i.PrivateIPAddresses):
		case !hasTags(i.Tags.list(), req.TagKeys, req.Tags):
		default:
			return true
		}
		return false
	})
	return describeAnswer(match, pageSize, pageNum, func(i *bmcInstance) bmcInstance { return *i }), req.InstanceIDs, nil
}

func (b *bmcState) instancesOf(ids []string) ([]*bmcInstance, []string, *errAPI) {
	list, e := batchOf("instanceIds", ids, b.instance)
	return list, ids, e
}

// allOrNothing runs a batch action that takes only instanceIds
// (StartInstances, StopInstances, ReleaseInstances): 1 to 100 known ids,
// duplicates counted once; every instance must pass check, or the call
// fails with the first refusal and changes nothing; then apply changes each.
func (b *bmcState) allOrNothing(req *bmcIDsReq, check func(*bmcInstance) *errAPI, apply func(i *bmcInstance, now time.Time)) (map[string]any, []string, error) {
	list, ids, e := b.instancesOf(req.InstanceIDs)
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
func (b *bmcState) stopInstances(req *bmcIDsReq) (map[string]any, []string, error) {
	return b.allOrNothing(req, idleIn(bmcStatusRunning, bmcCodeNotRunning, "stopped"),
		b.moveTo(bmcStatusStopping, bmcStatusStopped, b.s.opts.Durations.BMCStop))
}

// startInstances: STOPPED → BOOTING → RUNNING; any other status refuses the whole call.
func (b *bmcState) startInstances(req *bmcIDsReq) (map[string]any, []string, error) {
	return b.allOrNothing(req, idleIn(bmcStatusStopped, bmcCodeNotStopped, "started"),
		b.moveTo(bmcStatusBooting, bmcStatusRunning, b.s.opts.Durations.BMCStart))
}

// modifyInstancesAttribute renames instances; any unknown id fails the whole call.
func (b *bmcState) modifyInstancesAttribute(req *struct {
	InstanceIDs  []string `json:"instanceIds"`
	InstanceName *string  `json:"instanceName"`
}) (map[string]any, []string, error) {
	list, ids, e := b.instancesOf(req.InstanceIDs)
	if e != nil {
		return nil, ids, e
	}
	if req.InstanceName == nil {
		return nil, ids, errMissing("instanceName")
	}
	if _, e := checkBMCInstanceName(*req.InstanceName, false); e != nil {
		return nil, ids, e
	}
	for _, i := range list {
		i.InstanceName = *req.InstanceName
	}
	return nil, ids, nil
}

// terminateInstance returns an instance: a POSTPAID one goes to the recycle
// bin (RECYCLING → RECYCLE, released 24 h later), a CREATE_FAILED one is
// deleted at once, and a PREPAID one only has its renewal cancelled: it
// keeps running until it expires.
func (b *bmcState) terminateInstance(req *struct {
	InstanceID *string `json:"instanceId"`
}) (map[string]any, []string, error) {
	if req.InstanceID == nil || *req.InstanceID == "" {
		return nil, nil, errMissing("instanceId")
	}
	ids := []string{*req.InstanceID}
	i, e := b.instance(*req.InstanceID)
	if e != nil {
		return nil, ids, e
	}
	switch i.InstanceStatus {
	case bmcStatusRecycling, bmcStatusRecycle, bmcStatusReleasing:
		return nil, ids, bmcRecycledErr(i.InstanceID)
	case bmcStatusPending, bmcStatusCreating:
		return nil, ids, apiErr(http.StatusForbidden, bmcCodeCreating, "Instance %s is %s; operations on instances being created are not supported.", i.InstanceID, i.InstanceStatus)
	case bmcStatusInstalling:
		return nil, ids, apiErr(http.StatusForbidden, bmcCodeInstalling, "Instance %s is INSTALLING; operations on instances being installed are not supported.", i.InstanceID)
	case bmcStatusCreateFailed:
		delete(b.instances, i.InstanceID)
		return nil, ids, nil
	}
	if i.InstanceChargeType == bmcChargePrepaid {
		i.AutoRenew = false
		return nil, ids, nil
	}
	b.recycle(i)
	return nil, ids, nil
}

// releaseInstances follows the ReleaseInstances seed: at most 100 ids; an
// unknown id is INVALID_INSTANCE_NOT_FOUND (404); an instance not in the
// recycle bin is OPERATION_DENIED_INSTANCE_NOT_RECYCLED (403). Any failure
// releases nothing. Released instances are RELEASING, then gone.
func (b *bmcState) releaseInstances(req *bmcIDsReq) (map[string]any, []string, error) {
	return b.allOrNothing(req, func(i *bmcInstance) *errAPI {
		if i.InstanceStatus != bmcStatusRecycle {
			return apiErr(http.StatusForbidden, bmcCodeNotRecycled,
				"Instance %s is %s; instances not in the recycle bin do not support this operation.", i.InstanceID, i.InstanceStatus)
		}
		return nil
	}, b.release)
}
