package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

type bmcCreateReq struct {
	ZoneID                *string `json:"zoneId"`
	InstanceChargeType    *string `json:"instanceChargeType"`
	InstanceChargePrepaid *struct {
		Period *int `json:"period"`
	} `json:"instanceChargePrepaid"`
	InstanceTypeID          *string        `json:"instanceTypeId"`
	ImageID                 *string        `json:"imageId"`
	IpxeURL                 *string        `json:"ipxeUrl"`
	ResourceGroupID         *string        `json:"resourceGroupId"`
	InstanceName            *string        `json:"instanceName"`
	Hostname                *string        `json:"hostname"`
	Amount                  *int           `json:"amount"`
	Password                *string        `json:"password"`
	SSHKeys                 []string       `json:"sshKeys"`
	InternetChargeType      *string        `json:"internetChargeType"`
	InternetMaxBandwidthOut *int           `json:"internetMaxBandwidthOut"`
	TrafficPackageSize      *float64       `json:"trafficPackageSize"`
	SubnetID                *string        `json:"subnetId"`
	RaidConfig              *bmcRaidConfig `json:"raidConfig"`
	Partitions              []bmcPartition `json:"partitions"`
	Nic                     *bmcNic        `json:"nic"`
	ClusterID               *string        `json:"clusterId"`
	// Tags (SDK bmc20221120 CreateInstancesRequest.Tags, a TagAssociation:
	// {"tags": [{"key", "value"}]}), as the official provider sends them.
	Tags *tagSet `json:"tags"`
}

func (b *bmcState) createInstances(body []byte) (map[string]any, []string, error) {
	var req bmcCreateReq
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
	c, e := b.checkCreate(&req)
	if e != nil {
		return nil, nil, e
	}
	if e := checkTags(req.Tags.list()); e != nil {
		return nil, nil, e
	}
	now := b.s.now()
	ids := make([]string, 0, c.amount)
	for n := range c.amount {
		name, host := expandBMCName(c.name, n), expandBMCName(c.host, n)
		i := b.newInstance(req, c.zone, c.typ, c.img, name, host, c.charge, c.internet, c.bandwidth)
		b.scheduleCreate(i, now, c.img != nil)
		b.instances[i.InstanceID] = i
		ids = append(ids, i.InstanceID)
	}
	return map[string]any{"instanceIdSet": ids, "orderNumber": "order-" + ids[0]}, ids, nil
}

// bmcCreate is a checked CreateInstances request.
type bmcCreate struct {
	zone              string
	typ               *bmcInstanceType
	img               *bmcImage
	name, host        []bmcNamePart
	charge, internet  string
	bandwidth, amount int
}

// checkCreate enforces every documented constraint of CreateInstances.
func (b *bmcState) checkCreate(req *bmcCreateReq) (*bmcCreate, *errAPI) {
	c := &bmcCreate{amount: 1, bandwidth: 1}
	if req.ZoneID == nil || *req.ZoneID == "" {
		return nil, errMissing("zoneId")
	}
	if bmcZoneByID(*req.ZoneID) == nil {
		return nil, bmcZoneNotFound(*req.ZoneID)
	}
	c.zone = *req.ZoneID
	if req.InstanceChargeType == nil || *req.InstanceChargeType == "" {
		return nil, errMissing("instanceChargeType")
	}
	c.charge = *req.InstanceChargeType
	switch c.charge {
	case bmcChargePrepaid:
		if req.InstanceChargePrepaid == nil || req.InstanceChargePrepaid.Period == nil {
			return nil, errMissing("instanceChargePrepaid.period")
		}
		if *req.InstanceChargePrepaid.Period < 1 {
			return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "instanceChargePrepaid.period is a number of months, at least 1, got %d.", *req.InstanceChargePrepaid.Period)
		}
	case bmcChargePostpaid:
	default:
		return nil, apiErr(http.StatusBadRequest, bmcCodeChargeTypeNotSupport, "instanceChargeType %q is not supported: use PREPAID or POSTPAID.", c.charge)
	}
	if req.InstanceTypeID == nil || *req.InstanceTypeID == "" {
		return nil, errMissing("instanceTypeId")
	}
	if c.typ = bmcTypeByID(*req.InstanceTypeID); c.typ == nil {
		return nil, bmcTypeNotFound(*req.InstanceTypeID)
	}
	if req.ImageID != nil && *req.ImageID != "" {
		if c.img = bmcImageByID(*req.ImageID); c.img == nil {
			return nil, bmcImageNotFound(*req.ImageID)
		}
		if req.IpxeURL != nil && *req.IpxeURL != "" {
			return nil, apiErr(http.StatusBadRequest, codeInvalidParameter, "ipxeUrl installs the machine over iPXE: leave imageId empty when you set it.")
		}
	}
	if req.Amount != nil {
		c.amount = *req.Amount
	}
	if c.amount < 1 || c.amount > bmcMaxAmount {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "amount must be between 1 and %d, got %d.", bmcMaxAmount, c.amount)
	}
	var e *errAPI
	name, host := "instance", "hostname"
	if req.InstanceName != nil {
		name = *req.InstanceName
	}
	if req.Hostname != nil {
		host = *req.Hostname
	}
	if c.name, e = checkBMCInstanceName(name, true); e != nil {
		return nil, e
	}
	if c.host, e = checkBMCHostname(host); e != nil {
		return nil, e
	}
	if req.Password != nil && len(req.SSHKeys) > 0 {
		return nil, apiErr(http.StatusBadRequest, bmcCodeLoginConflict, "Set either password or sshKeys, not both.")
	}
	if req.Password != nil {
		if e := checkBMCPassword(*req.Password); e != nil {
			return nil, e
		}
	}
	if e := checkBMCSSHKeys(req.SSHKeys); e != nil {
		return nil, e
	}
	if req.InternetChargeType == nil || *req.InternetChargeType == "" {
		return nil, errMissing("internetChargeType")
	}
	c.internet = *req.InternetChargeType
	if !slices.Contains(bmcInternetChargeTypes, c.internet) {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "internetChargeType must be one of %s, got %q.", strings.Join(bmcInternetChargeTypes, ", "), c.internet)
	}
	if req.InternetMaxBandwidthOut != nil {
		c.bandwidth = *req.InternetMaxBandwidthOut
	}
	if c.bandwidth < 1 {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "internetMaxBandwidthOut is in Mbps, at least 1, got %d.", c.bandwidth)
	}
	if c.bandwidth > c.typ.MaximumBandwidth {
		return nil, apiErr(http.StatusBadRequest, bmcCodeBandwidthExceed, "internetMaxBandwidthOut %d Mbps exceeds the maximum of instance type %s (%d Mbps).", c.bandwidth, c.typ.InstanceTypeID, c.typ.MaximumBandwidth)
	}
	if req.TrafficPackageSize != nil {
		if c.internet != "ByTrafficPackage" {
			return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "trafficPackageSize applies only to internetChargeType ByTrafficPackage.")
		}
		if *req.TrafficPackageSize < 0 {
			return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "trafficPackageSize is in TB and may not be negative.")
		}
	}
	if req.SubnetID != nil && *req.SubnetID != "" {
		zone, ok := bmcSubnets[*req.SubnetID]
		if !ok {
			return nil, apiErr(http.StatusNotFound, bmcCodeSubnetNotFound, "The subnet %s does not exist.", *req.SubnetID)
		}
		if zone != c.zone {
			return nil, apiErr(http.StatusBadRequest, bmcCodeSubnetZoneMismatch, "The subnet %s is in zone %s, not %s.", *req.SubnetID, zone, c.zone)
		}
	}
	if req.RaidConfig != nil {
		if e := checkBMCRaid(req.RaidConfig, c.typ); e != nil {
			return nil, e
		}
	}
	if len(req.Partitions) > 0 {
		if e := checkBMCPartitions(req.Partitions, c.img, c.typ); e != nil {
			return nil, e
		}
	}
	if req.Nic != nil {
		if e := checkBMCNic(req.Nic); e != nil {
			return nil, e
		}
	}
	return c, nil
}

// newInstance builds an instance (PENDING) from a checked request.
func (b *bmcState) newInstance(req bmcCreateReq, zone string, t *bmcInstanceType, img *bmcImage, name, host, charge, internet string, bandwidth int) *bmcInstance {
	now := b.s.now().UTC()
	b.ipSeq++
	n := b.ipSeq
	typ := *t
	typ.ImageIDs = nil
	i := &bmcInstance{
		InstanceID: b.newInstanceID(), ZoneID: zone, InstanceName: name, Hostname: host,
		InstanceTypeID: t.InstanceTypeID, InstanceType: typ, InstanceChargeType: charge,
		BandwidthOutMbps: bandwidth, InternetChargeType: internet,
		PrimaryPublicIPAddress: fmt.Sprintf("203.0.%d.%d", 113+n/250%8, 1+n%250),
		PrivateIPAddresses:     []string{fmt.Sprintf("10.%d.%d.%d", 10+bmcZoneIndex(zone), n/250%250, 1+n%250)},
		IPv6Addresses:          []string{fmt.Sprintf("2001:db8:%x::%x", 10+bmcZoneIndex(zone), n)},
		SubnetIDs:              []string{},
		CreateTime:             now.Format(time.RFC3339), ResourceGroupID: defaultResourceGroup, ResourceGroupName: "Default Resource Group",
		InstanceStatus: bmcStatusPending, Partitions: req.Partitions, RaidConfig: req.RaidConfig, ClusterID: req.ClusterID,
	}
	i.PublicIPAddresses = []string{i.PrimaryPublicIPAddress}
	i.Tags = wrapTags(req.Tags.list())
	if img != nil {
		id, name := img.ImageID, img.ImageName
		i.ImageID, i.ImageName = &id, &name
	} else if req.IpxeURL != nil && *req.IpxeURL != "" {
		i.IpxeURL = req.IpxeURL
	}
	if i.Partitions == nil {
		i.Partitions = []bmcPartition{}
	}
	wan, lan := "wan0", "lan0"
	if t.IsHA {
		wan, lan = "bond0", "bond1"
	}
	if req.Nic != nil && req.Nic.WanName != nil {
		wan = *req.Nic.WanName
	}
	if req.Nic != nil && req.Nic.LanName != nil {
		lan = *req.Nic.LanName
	}
	i.Nic = &bmcNic{WanName: &wan, LanName: &lan}
	if req.ResourceGroupID != nil && *req.ResourceGroupID != "" {
		i.ResourceGroupID, i.ResourceGroupName = *req.ResourceGroupID, *req.ResourceGroupID
	}
	if req.SubnetID != nil && *req.SubnetID != "" {
		i.SubnetIDs = []string{*req.SubnetID}
	}
	if internet == "ByTrafficPackage" {
		size := t.defaultTrafficPackage
		if req.TrafficPackageSize != nil {
			size = *req.TrafficPackageSize
		}
		i.TrafficPackageSize = &size
	}
	if charge == bmcChargePrepaid && req.InstanceChargePrepaid != nil && req.InstanceChargePrepaid.Period != nil {
		period := *req.InstanceChargePrepaid.Period
		expires := now.AddDate(0, period, 0).Format(time.RFC3339)
		i.Period, i.ExpiredTime, i.AutoRenew = &period, &expires, true
	}
	return i
}

// newInstanceID is a numeric string, as the API's instance ids are.
func (b *bmcState) newInstanceID() string {
	b.s.seq++
	return strconv.FormatInt(1_700_000_000_000+int64(b.s.seq), 10)
}

func bmcZoneIndex(zone string) int {
	for i, z := range bmcZones {
		if z.ZoneID == zone {
			return i
		}
	}
	return 0
}

// scheduleCreate plays PENDING → CREATING → INSTALLING → RUNNING, ending in
// CREATE_FAILED or INSTALL_FAILED for a share of Options.CreateFailRate
// and under an async-fail fault.
func (b *bmcState) scheduleCreate(i *bmcInstance, now time.Time, image bool) {
	d := b.s.opts.Durations
	failed := ""
	fail := b.s.randFloat() < b.s.opts.CreateFailRate
	if b.s.asyncFailHere(i.InstanceID) {
		fail = true
	}
	if fail {
		failed = bmcStatusCreateFailed
		if image && b.s.randFloat() < 0.5 {
			failed = bmcStatusInstallFailed
		}
	}
	i.tl.after(now, d.BMCCreate/3, func() { i.InstanceStatus = bmcStatusCreating })
	switch {
	case failed == bmcStatusCreateFailed:
		i.tl.after(now, d.BMCCreate, func() { i.InstanceStatus = bmcStatusCreateFailed })
	case !image:
		// No operating system to install (it is installed later over IPMI or iPXE).
		i.tl.after(now, d.BMCCreate, func() { i.InstanceStatus = bmcStatusRunning })
	default:
		i.tl.after(now, d.BMCCreate, func() { i.InstanceStatus = bmcStatusInstalling })
		end := bmcStatusRunning
		if failed != "" {
			end = failed
		}
		i.tl.after(now, d.BMCCreate+d.BMCInstall, func() { i.InstanceStatus = end })
	}
}

type bmcDescribeReq struct {
	InstanceIDs        []string `json:"instanceIds"`
	ZoneID             *string  `json:"zoneId"`
	ResourceGroupID    *string  `json:"resourceGroupId"`
	InstanceTypeID     *string  `json:"instanceTypeId"`
	InternetChargeType *string  `json:"internetChargeType"`
	ImageID            *string  `json:"imageId"`
	SubnetID           *string  `json:"subnetId"`
	InstanceStatus     *string  `json:"instanceStatus"`
	InstanceName       *string  `json:"instanceName"`
	Hostname           *string  `json:"hostname"`
	PublicIPAddresses  []string `json:"publicIpAddresses"`
	PrivateIPAddresses []string `json:"privateIpAddresses"`
	// TagKeys and Tags filter by tag (SDK DescribeInstancesRequest.TagKeys,
	// .Tags: at most 20 each; an instance must carry every one).
	TagKeys  []string `json:"tagKeys"`
	Tags     []Tag    `json:"tags"`
	PageNum  *int     `json:"pageNum"`
	PageSize *int     `json:"pageSize"`
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

func (b *bmcState) describeInstances(body []byte) (map[string]any, []string, error) {
	var req bmcDescribeReq
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
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

// bmcIDsReq is the input of the batch actions.
type bmcIDsReq struct {
	InstanceIDs []string `json:"instanceIds"`
}

// checkIDs decodes a batch action's ids: required, at most 100, each known.
// Duplicates count once. The action is all or nothing: any bad id fails it.
func (b *bmcState) checkIDs(body []byte) ([]*bmcInstance, []string, *errAPI) {
	var req bmcIDsReq
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
	return b.instancesOf(req.InstanceIDs)
}

func (b *bmcState) instancesOf(ids []string) ([]*bmcInstance, []string, *errAPI) {
	list, e := batchOf("instanceIds", ids, b.instance)
	return list, ids, e
}

func bmcRecycledErr(id string) *errAPI {
	return apiErr(http.StatusForbidden, bmcCodeRecycled, "Instance %s is in the recycle bin; operations on instances in the recycle bin are not supported.", id)
}

// stopInstances: RUNNING → STOPPING → STOPPED; any other status refuses the whole call.
func (b *bmcState) stopInstances(body []byte) (map[string]any, []string, error) {
	list, ids, e := b.checkIDs(body)
	if e != nil {
		return nil, ids, e
	}
	for _, i := range list {
		switch {
		case i.recycled():
			return nil, ids, bmcRecycledErr(i.InstanceID)
		case i.InstanceStatus != bmcStatusRunning || i.tl.busy():
			return nil, ids, apiErr(http.StatusForbidden, bmcCodeNotRunning, "Instance %s is %s; only RUNNING instances can be stopped.", i.InstanceID, i.InstanceStatus)
		}
	}
	now := b.s.now()
	for _, i := range list {
		i.InstanceStatus = bmcStatusStopping
		i.tl.after(now, b.s.opts.Durations.BMCStop, func() { i.InstanceStatus = bmcStatusStopped })
	}
	return nil, ids, nil
}

// startInstances: STOPPED → BOOTING → RUNNING; any other status refuses the whole call.
func (b *bmcState) startInstances(body []byte) (map[string]any, []string, error) {
	list, ids, e := b.checkIDs(body)
	if e != nil {
		return nil, ids, e
	}
	for _, i := range list {
		switch {
		case i.recycled():
			return nil, ids, bmcRecycledErr(i.InstanceID)
		case i.InstanceStatus != bmcStatusStopped || i.tl.busy():
			return nil, ids, apiErr(http.StatusForbidden, bmcCodeNotStopped, "Instance %s is %s; only STOPPED instances can be started.", i.InstanceID, i.InstanceStatus)
		}
	}
	now := b.s.now()
	for _, i := range list {
		i.InstanceStatus = bmcStatusBooting
		i.tl.after(now, b.s.opts.Durations.BMCStart, func() { i.InstanceStatus = bmcStatusRunning })
	}
	return nil, ids, nil
}

// modifyInstancesAttribute renames instances; any unknown id fails the whole call.
func (b *bmcState) modifyInstancesAttribute(body []byte) (map[string]any, []string, error) {
	var req struct {
		InstanceIDs  []string `json:"instanceIds"`
		InstanceName *string  `json:"instanceName"`
	}
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
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
func (b *bmcState) terminateInstance(body []byte) (map[string]any, []string, error) {
	var req struct {
		InstanceID *string `json:"instanceId"`
	}
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
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
	now := b.s.now()
	i.tl.clear() // a power operation in progress is abandoned
	i.InstanceStatus = bmcStatusRecycling
	i.tl.after(now, b.s.opts.Durations.BMCTerminate, func() {
		i.InstanceStatus = bmcStatusRecycle
		b.scheduleAutoRelease(i, now.Add(b.s.opts.Durations.BMCTerminate))
	})
	return nil, ids, nil
}

// releaseInstances follows the ReleaseInstances seed: at most 100 ids; an
// unknown id is INVALID_INSTANCE_NOT_FOUND (404); an instance not in the
// recycle bin is OPERATION_DENIED_INSTANCE_NOT_RECYCLED (403). Any failure
// releases nothing. Released instances are RELEASING, then gone.
func (b *bmcState) releaseInstances(body []byte) (map[string]any, []string, error) {
	list, ids, e := b.checkIDs(body)
	if e != nil {
		return nil, ids, e
	}
	for _, i := range list {
		if i.InstanceStatus != bmcStatusRecycle {
			return nil, ids, apiErr(http.StatusForbidden, bmcCodeNotRecycled,
				"Instance %s is %s; instances not in the recycle bin do not support this operation.", i.InstanceID, i.InstanceStatus)
		}
	}
	now := b.s.now()
	for _, i := range list {
		id := i.InstanceID
		i.tl.clear() // the bin's own release is moot
		i.InstanceStatus = bmcStatusReleasing
		i.tl.after(now, b.s.opts.Durations.BMCRelease, func() { delete(b.instances, id) })
	}
	return nil, ids, nil
}
