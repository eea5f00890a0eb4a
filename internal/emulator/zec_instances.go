package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ZEC instance statuses. The StartInstances document calls the starting
// state STARTING (the DescribeInstances enum says BOOTING); the emulator
// answers STARTING, as the seed document says.
const (
	instStatusPending      = "PENDING"
	instStatusDeploying    = "DEPLOYING"
	instStatusRunning      = "RUNNING"
	instStatusStopping     = "STOPPING"
	instStatusStopped      = "STOPPED"
	instStatusStarting     = "STARTING"
	instStatusReleasing    = "RELEASING"
	instStatusRecycling    = "RECYCLING"
	instStatusRecycle      = "RECYCLE"
	instStatusCreateFailed = "CREATE_FAILED"
)

// instInOperation are the statuses in which an instance is busy with an
// operation: every other operation is answered OPERATION_DENIED_INSTANCE_IN_OPERATION.
var instInOperation = []string{
	instStatusPending, instStatusDeploying, instStatusStarting, "BOOTING", instStatusStopping, "REBOOT",
	"REBUILDING", "IMAGING", "RESIZING", instStatusReleasing, instStatusRecycling,
}

// Error codes of the instance actions (StartInstances document and its siblings).
const (
	codeInstanceNotFound          = "INVALID_INSTANCE_NOT_FOUND"
	codeInstanceInOperation       = "OPERATION_DENIED_INSTANCE_IN_OPERATION"
	codeUnsupportedInstanceStatus = "UNSUPPORTED_OPERATION_INSTANCE_STATUS"
	codePasswordMalformed         = "INVALID_PASSWORD_MALFORMED"
)

// zecInstanceType is one entry of the emulator's instance type catalogue.
type zecInstanceType struct{ CPU, Memory int }

// zecImage is one entry of the emulator's image catalogue.
type zecImage struct {
	Name string
	// MinDisk is the smallest system disk the image fits on, in GiB.
	MinDisk int
}

// ZECInstanceTypes and ZECImages are the instance types and images the
// emulator accepts (tests, examples and the demo use them).
var (
	ZECInstanceTypes = map[string]zecInstanceType{
		"z2a.cpu.1": {1, 2}, "z2a.cpu.2": {2, 4}, "z2a.cpu.4": {4, 8}, "z2a.cpu.8": {8, 16},
		"z2a.mem.2": {2, 16}, "z2a.mem.4": {4, 32},
	}
	ZECImages = map[string]zecImage{
		"ubuntu-22.04": {"Ubuntu 22.04 LTS 64bit", 20},
		"ubuntu-24.04": {"Ubuntu 24.04 LTS 64bit", 20},
		"debian-12":    {"Debian 12 64bit", 20},
		"rocky-9":      {"Rocky Linux 9 64bit", 30},
		// The form of the API document's example.
		"ubuntu2404_20240712": {"Ubuntu Server 24.04 LTS", 20},
	}
)

const (
	zecDefaultInstanceType  = "z2a.cpu.1"
	zecDefaultImage         = "ubuntu-22.04"
	zecDefaultSubnet        = "subnet-default-emulator"
	zecDefaultSG            = "sg-default-emulator"
	zecMaxCreateInstances   = 100
	zecMaxDataDisksAtCreate = 1 // "only 1 disk can be attached along with the instance for now"
)

// zecInstanceDetail is what the instance actions keep beside the fields the
// disk actions use (embedded in zecInstance).
type zecInstanceDetail struct {
	InstanceType    string
	ImageID         string
	CPU, Memory     int
	TimeZone        string
	NicNetworkType  string
	SubnetID        string
	SecurityGroupID string
	KeyID           string
	PublicIPs       []string
	PrivateIPs      []string
	EnableAgent     bool
	EnableIPForward bool
	CreateTime      string
	ResourceGroupID string
	Tags            []Tag
	// releaseDependents is the dependResource of the release under way.
	releaseDependents bool
}

// fillInstanceDefaults completes an instance placed by a test fixture.
func (z *zecState) fillInstanceDefaults(i *zecInstance) {
	t := ZECInstanceTypes[zecDefaultInstanceType]
	i.InstanceType, i.ImageID, i.CPU, i.Memory = zecDefaultInstanceType, zecDefaultImage, t.CPU, t.Memory
	i.TimeZone, i.NicNetworkType, i.SubnetID, i.SecurityGroupID = "America/Los_Angeles", "Auto", zecDefaultSubnet, zecDefaultSG
	i.PrivateIPs = []string{z.privateIP("")}
	i.EnableAgent = true
	i.CreateTime = z.s.now().UTC().Format(time.RFC3339)
	i.ResourceGroupID = defaultResourceGroup
}

// privateIP returns lanIP if no instance uses it, else the next free address.
func (z *zecState) privateIP(lanIP string) string {
	used := map[string]bool{}
	for _, i := range z.instances {
		for _, ip := range i.PrivateIPs {
			used[ip] = true
		}
	}
	if lanIP != "" && !used[lanIP] {
		return lanIP
	}
	for n := len(z.instances) + 2; ; n++ {
		ip := fmt.Sprintf("10.0.%d.%d", (n/250)%250, n%250+2)
		if !used[ip] {
			return ip
		}
	}
}

// instanceNamePattern: 2 to 63 letters, digits, "-" and ".", starting and
// ending with a letter or digit (CreateZecInstances / ModifyInstancesAttribute).
var instanceNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]{0,61}[A-Za-z0-9]$`)

// batchNamePattern is the "[begin_number,bits]" suffix of a batch create.
var batchNamePattern = regexp.MustCompile(`\[(\d+),(\d+)\]`)

func checkInstanceName(name string) *errAPI {
	if !instanceNamePattern.MatchString(name) {
		return apiErr(http.StatusBadRequest, "INVALID_PARAMETER_INSTANCE_NAME",
			"instanceName %q is invalid: 2 to 63 letters, digits, '-' and '.', starting and ending with a letter or digit.", name)
	}
	return nil
}

// expandInstanceNames applies the batch naming pattern to count instances.
func expandInstanceNames(pattern string, count int) ([]string, *errAPI) {
	names := make([]string, count)
	var bad *errAPI
	for n := range count {
		names[n] = batchNamePattern.ReplaceAllStringFunc(pattern, func(m string) string {
			p := batchNamePattern.FindStringSubmatch(m)
			begin, _ := strconv.Atoi(p[1])
			bits, _ := strconv.Atoi(p[2])
			if begin > 99999 || bits < 1 || bits > 6 {
				bad = apiErr(http.StatusBadRequest, "INVALID_PARAMETER_INSTANCE_NAME",
					"instanceName pattern %s is invalid: begin_number must be 0 to 99999 and bits 1 to 6.", m)
				return m
			}
			return fmt.Sprintf("%0*d", bits, begin+n)
		})
		if bad != nil {
			return nil, bad
		}
		if e := checkInstanceName(names[n]); e != nil {
			return nil, e
		}
	}
	return names, nil
}

const passwordSpecials = "~!@$^*-_=+|;:,.?"

// checkPassword follows the CreateZecInstances document: 8 to 16
// characters of letters, digits and ~!@$^*-_=+|;:,.? with at least three of
// the four kinds (lowercase, uppercase, digits, special).
func checkPassword(p string) *errAPI {
	var lower, upper, digit, special bool
	ok := len(p) >= 8 && len(p) <= 16
	for _, r := range p {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(passwordSpecials, r):
			special = true
		default:
			ok = false
		}
	}
	kinds := 0
	for _, b := range []bool{lower, upper, digit, special} {
		if b {
			kinds++
		}
	}
	if !ok || kinds < 3 {
		return apiErr(http.StatusBadRequest, codePasswordMalformed,
			"Invalid password. The specified password does not meet the requirements: 8 to 16 characters with at least three of lowercase letters, uppercase letters, digits and %s.", passwordSpecials)
	}
	return nil
}

type zecDiskSpec struct {
	DiskSize        *int    `json:"diskSize"`
	DiskAmount      *int    `json:"diskAmount"`
	DiskCategory    *string `json:"diskCategory"`
	BurstingEnabled *bool   `json:"burstingEnabled"`
}

type createZecInstancesReq struct {
	ZoneID             *string         `json:"zoneId"`
	ImageID            *string         `json:"imageId"`
	InstanceType       *string         `json:"instanceType"`
	SubnetID           *string         `json:"subnetId"`
	InstanceCount      *int            `json:"instanceCount"`
	InstanceName       *string         `json:"instanceName"`
	TimeZone           *string         `json:"timeZone"`
	Password           *string         `json:"password"`
	KeyID              *string         `json:"keyId"`
	NicNetworkType     *string         `json:"nicNetworkType"`
	SystemDisk         *zecDiskSpec    `json:"systemDisk"`
	DataDisks          []zecDiskSpec   `json:"dataDisks"`
	SecurityGroupID    *string         `json:"securityGroupId"`
	LanIP              *string         `json:"lanIp"`
	EnableAgent        *bool           `json:"enableAgent"`
	EnableIPForward    *bool           `json:"enableIpForward"`
	InternetChargeType *string         `json:"internetChargeType"`
	TrafficPackageSize *float64        `json:"trafficPackageSize"`
	Bandwidth          *int            `json:"bandwidth"`
	EipBindType        *string         `json:"eipBindType"`
	EipV4Type          *string         `json:"eipV4Type"`
	NetworkLineType    *string         `json:"networkLineType"`
	IPStackType        *string         `json:"ipStackType"`
	ClusterID          *string         `json:"clusterId"`
	IPv6ClusterID      *string         `json:"ipv6ClusterId"`
	ResourceGroupID    *string         `json:"resourceGroupId"`
	MarketingOptions   json.RawMessage `json:"marketingOptions"`
	Tags               *tagSet         `json:"tags"`
	UserData           *string         `json:"userData"`
	InstanceOptions    *struct {
		NestedVirtualization *bool `json:"nestedVirtualization"`
	} `json:"instanceOptions"`
}

var nicNetworkTypes = []string{"Auto", "FailOver", "VirtioOnly", "VfOnly"}

// createZecInstances follows CreateZecInstances: each instance starts
// PENDING, is DEPLOYING and ends RUNNING (or CREATE_FAILED for a share of
// Options.CreateFailRate, or under an async-fail fault), with a system disk and the data disks asked for.
func (z *zecState) createZecInstances(body []byte) (map[string]any, []string, error) {
	var req createZecInstancesReq
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
	for name, v := range map[string]*string{"zoneId": req.ZoneID, "imageId": req.ImageID, "instanceType": req.InstanceType, "subnetId": req.SubnetID} {
		if v == nil || *v == "" {
			return nil, nil, errMissing(name)
		}
	}
	if !validZone(*req.ZoneID) {
		return nil, nil, apiErr(http.StatusBadRequest, "INVALID_ZONE_NOT_FOUND", "The specified zoneId `%s` is not found.", *req.ZoneID)
	}
	image, ok := ZECImages[*req.ImageID]
	if !ok {
		return nil, nil, apiErr(http.StatusNotFound, "INVALID_IMAGE_NOT_FOUND", "The specified image %s does not exist.", *req.ImageID)
	}
	itype, ok := ZECInstanceTypes[*req.InstanceType]
	if !ok {
		return nil, nil, apiErr(http.StatusNotFound, "INVALID_INSTANCE_TYPE_NOT_FOUND", "The specified instance type %s does not exist.", *req.InstanceType)
	}
	count := 1
	if req.InstanceCount != nil {
		count = *req.InstanceCount
	}
	if count < 1 || count > zecMaxCreateInstances {
		return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "instanceCount must be between 1 and %d, got %d.", zecMaxCreateInstances, count)
	}
	namePattern := "instance"
	if req.InstanceName != nil {
		namePattern = *req.InstanceName
	}
	names, e := expandInstanceNames(namePattern, count)
	if e != nil {
		return nil, nil, e
	}
	hasPassword, hasKey := req.Password != nil && *req.Password != "", req.KeyID != nil && *req.KeyID != ""
	switch {
	case hasPassword && hasKey:
		return nil, nil, apiErr(http.StatusBadRequest, codeInvalidParameter, "password and keyId cannot both be given.")
	case !hasPassword && !hasKey:
		return nil, nil, errMissing("password or keyId")
	case hasPassword:
		if e := checkPassword(*req.Password); e != nil {
			return nil, nil, e
		}
	}
	nicType := "Auto"
	if req.NicNetworkType != nil {
		nicType = *req.NicNetworkType
		if !slices.Contains(nicNetworkTypes, nicType) {
			return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "nicNetworkType must be one of %s.", strings.Join(nicNetworkTypes, ", "))
		}
	}
	sysSize, sysCategory := image.MinDisk, zecDefaultDiskCategory
	if sd := req.SystemDisk; sd != nil {
		if sd.DiskAmount != nil {
			return nil, nil, apiErr(http.StatusBadRequest, codeInvalidParameter, "systemDisk takes no diskAmount.")
		}
		if sd.DiskSize != nil {
			sysSize = *sd.DiskSize
		}
		if sd.DiskCategory != nil {
			sysCategory = *sd.DiskCategory
		}
	}
	if sysSize < image.MinDisk || sysSize > zecDiskMaxSize {
		return nil, nil, apiErr(http.StatusBadRequest, "INVALID_DISK_SIZE", "systemDisk.diskSize must be between %d (the image's minimum) and %d GiB, got %d.", image.MinDisk, zecDiskMaxSize, sysSize)
	}
	if !slices.Contains(zecDiskCategories, sysCategory) {
		return nil, nil, apiErr(http.StatusBadRequest, "INVALID_DISK_CATEGORY", "diskCategory %q is not one of %s.", sysCategory, strings.Join(zecDiskCategories, ", "))
	}
	type dataSpec struct {
		size     int
		category string
	}
	var dataDisks []dataSpec
	for _, dd := range req.DataDisks {
		if dd.DiskSize == nil {
			return nil, nil, errMissing("dataDisks.diskSize")
		}
		if *dd.DiskSize < zecDiskMinSize || *dd.DiskSize > zecDiskMaxSize {
			return nil, nil, apiErr(http.StatusBadRequest, "INVALID_DISK_SIZE", "dataDisks.diskSize must be between %d and %d GiB, got %d.", zecDiskMinSize, zecDiskMaxSize, *dd.DiskSize)
		}
		cat := zecDefaultDiskCategory
		if dd.DiskCategory != nil {
			cat = *dd.DiskCategory
		}
		if !slices.Contains(zecDiskCategories, cat) {
			return nil, nil, apiErr(http.StatusBadRequest, "INVALID_DISK_CATEGORY", "diskCategory %q is not one of %s.", cat, strings.Join(zecDiskCategories, ", "))
		}
		amount := 1
		if dd.DiskAmount != nil {
			amount = *dd.DiskAmount
		}
		if amount < 1 {
			return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "dataDisks.diskAmount must be at least 1, got %d.", amount)
		}
		for range amount {
			dataDisks = append(dataDisks, dataSpec{*dd.DiskSize, cat})
		}
	}
	if len(dataDisks) > zecMaxDataDisksAtCreate {
		return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "Only %d data disk can be created with an instance, got %d.", zecMaxDataDisksAtCreate, len(dataDisks))
	}
	if req.InternetChargeType != nil && *req.InternetChargeType == "BandwidthCluster" && (req.ClusterID == nil || *req.ClusterID == "") {
		return nil, nil, errMissing("clusterId")
	}
	var tags []Tag
	if req.Tags != nil {
		tags = req.Tags.Tags
		if e := checkTags(tags); e != nil {
			return nil, nil, e
		}
	}
	str := func(p *string, def string) string {
		if p != nil && *p != "" {
			return *p
		}
		return def
	}
	boolOr := func(p *bool, def bool) bool {
		if p != nil {
			return *p
		}
		return def
	}

	now := z.s.now()
	d := z.s.opts.Durations
	ids := make([]string, 0, count)
	created := make([]map[string]any, 0, count)
	for n := range count {
		id := z.s.newID("zec")
		inst := &zecInstance{InstanceID: id, InstanceName: names[n], ZoneID: *req.ZoneID, Status: instStatusPending}
		inst.InstanceType, inst.ImageID, inst.CPU, inst.Memory = *req.InstanceType, *req.ImageID, itype.CPU, itype.Memory
		inst.TimeZone, inst.NicNetworkType = str(req.TimeZone, "America/Los_Angeles"), nicType
		inst.SubnetID, inst.SecurityGroupID = *req.SubnetID, str(req.SecurityGroupID, zecDefaultSG)
		if hasKey {
			inst.KeyID = *req.KeyID
		}
		if n == 0 {
			inst.PrivateIPs = []string{z.privateIP(str(req.LanIP, ""))}
		} else {
			inst.PrivateIPs = []string{z.privateIP("")}
		}
		if req.InternetChargeType != nil && *req.InternetChargeType != "" {
			inst.PublicIPs = []string{fmt.Sprintf("203.0.113.%d", (z.s.seq%250)+2)}
		}
		inst.EnableAgent, inst.EnableIPForward = boolOr(req.EnableAgent, true), boolOr(req.EnableIPForward, false)
		inst.CreateTime = now.UTC().Format(time.RFC3339)
		inst.ResourceGroupID = str(req.ResourceGroupID, defaultResourceGroup)
		inst.Tags = slices.Clone(tags)
		z.instances[id] = inst

		sys := &zecDisk{
			DiskID: z.s.newID("disk"), DiskName: names[n] + "-system", ZoneID: inst.ZoneID, DiskType: "SYSTEM", Portable: false,
			DiskCategory: sysCategory, DiskSize: sysSize, DiskStatus: diskStatusCreating, InstanceID: id, InstanceName: names[n],
			ChargeType: "POSTPAID", CreateTime: inst.CreateTime, ResourceGroupID: inst.ResourceGroupID,
		}
		z.disks[sys.DiskID] = sys
		inst.SystemDiskID = sys.DiskID
		linked := []*zecDisk{sys}
		dataIDs := []string{}
		for k, spec := range dataDisks {
			dd := &zecDisk{
				DiskID: z.s.newID("disk"), DiskName: fmt.Sprintf("%s-data-%d", names[n], k+1), ZoneID: inst.ZoneID, DiskType: "DATA", Portable: true,
				DiskCategory: spec.category, DiskSize: spec.size, DiskStatus: diskStatusCreating, InstanceID: id, InstanceName: names[n],
				ChargeType: "POSTPAID", CreateTime: inst.CreateTime, ResourceGroupID: inst.ResourceGroupID,
			}
			z.disks[dd.DiskID] = dd
			linked = append(linked, dd)
			dataIDs = append(dataIDs, dd.DiskID)
		}

		final := instStatusRunning
		if z.forcedCreateFailures > 0 {
			z.forcedCreateFailures--
			final = instStatusCreateFailed
		} else if z.s.asyncFailHere(id) {
			final = instStatusCreateFailed
		} else if z.s.opts.CreateFailRate > 0 && z.s.randFloat() < z.s.opts.CreateFailRate {
			final = instStatusCreateFailed
		}
		inst.tl.after(now, d.InstanceCreate/5, func() { inst.Status = instStatusDeploying })
		inst.tl.after(now, d.InstanceCreate, func() {
			inst.Status = final
			for _, disk := range linked {
				if z.disks[disk.DiskID] == disk && disk.DiskStatus == diskStatusCreating {
					disk.DiskStatus = diskStatusInUse
				}
			}
		})
		ids = append(ids, id)
		created = append(created, map[string]any{"instanceId": id, "diskIdSet": dataIDs})
	}
	return map[string]any{"orderNumber": "order-" + ids[0], "instanceIdSet": ids, "instances": created}, ids, nil
}

// instanceInfo is an instance as DescribeInstances answers it.
type instanceInfo struct {
	InstanceID         string             `json:"instanceId"`
	InstanceName       string             `json:"instanceName"`
	ZoneID             string             `json:"zoneId"`
	InstanceType       string             `json:"instanceType"`
	CPU                int                `json:"cpu"`
	Memory             int                `json:"memory"`
	ImageID            string             `json:"imageId"`
	ImageName          string             `json:"imageName"`
	TimeZone           string             `json:"timeZone"`
	NicNetworkType     string             `json:"nicNetworkType"`
	Status             string             `json:"status"`
	SystemDisk         *instanceDiskInfo  `json:"systemDisk"`
	DataDisks          []instanceDiskInfo `json:"dataDisks"`
	PublicIPAddresses  []string           `json:"publicIpAddresses"`
	PrivateIPAddresses []string           `json:"privateIpAddresses"`
	KeyID              *string            `json:"keyId"`
	SubnetID           string             `json:"subnetId"`
	SecurityGroupID    string             `json:"securityGroupId"`
	EnableAgent        bool               `json:"enableAgent"`
	EnableAgentMonitor bool               `json:"enableAgentMonitor"`
	EnableIPForward    bool               `json:"enableIpForward"`
	CreateTime         string             `json:"createTime"`
	ResourceGroupID    string             `json:"resourceGroupId"`
	ResourceGroupName  string             `json:"resourceGroupName"`
	Tags               *tagSet            `json:"tags,omitempty"`
}

type instanceDiskInfo struct {
	DiskID       string `json:"diskId"`
	DiskName     string `json:"diskName,omitempty"`
	DiskSize     int    `json:"diskSize"`
	DiskCategory string `json:"diskCategory"`
	Portable     *bool  `json:"portable,omitempty"`
}

func (z *zecState) instanceInfo(i *zecInstance) instanceInfo {
	out := instanceInfo{
		InstanceID: i.InstanceID, InstanceName: i.InstanceName, ZoneID: i.ZoneID, InstanceType: i.InstanceType,
		CPU: i.CPU, Memory: i.Memory, ImageID: i.ImageID, ImageName: ZECImages[i.ImageID].Name, TimeZone: i.TimeZone,
		NicNetworkType: i.NicNetworkType, Status: i.Status, DataDisks: []instanceDiskInfo{},
		PublicIPAddresses: slices.Clone(i.PublicIPs), PrivateIPAddresses: slices.Clone(i.PrivateIPs),
		SubnetID: i.SubnetID, SecurityGroupID: i.SecurityGroupID, EnableAgent: i.EnableAgent, EnableAgentMonitor: i.EnableAgent,
		EnableIPForward: i.EnableIPForward, CreateTime: i.CreateTime, ResourceGroupID: i.ResourceGroupID,
		ResourceGroupName: "Default Resource Group", Tags: wrapTags(i.Tags),
	}
	if out.PublicIPAddresses == nil {
		out.PublicIPAddresses = []string{}
	}
	if i.KeyID != "" {
		out.KeyID = &i.KeyID
	}
	if sd := z.disks[i.SystemDiskID]; sd != nil {
		out.SystemDisk = &instanceDiskInfo{DiskID: sd.DiskID, DiskSize: sd.DiskSize, DiskCategory: sd.DiskCategory}
	}
	for _, d := range sortedValues(z.disks) {
		if d.InstanceID == i.InstanceID && d.DiskType == "DATA" {
			portable := d.Portable
			out.DataDisks = append(out.DataDisks, instanceDiskInfo{DiskID: d.DiskID, DiskName: d.DiskName, DiskSize: d.DiskSize, DiskCategory: d.DiskCategory, Portable: &portable})
		}
	}
	return out
}

type describeInstancesReq struct {
	InstanceIDs     []string `json:"instanceIds"`
	ZoneID          *string  `json:"zoneId"`
	ImageID         *string  `json:"imageId"`
	IPv4Address     *string  `json:"ipv4Address"`
	IPv6Address     *string  `json:"ipv6Address"`
	Status          *string  `json:"status"`
	Name            *string  `json:"name"`
	PageSize        *int     `json:"pageSize"`
	PageNum         *int     `json:"pageNum"`
	ResourceGroupID *string  `json:"resourceGroupId"`
	TagKeys         []string `json:"tagKeys"`
	Tags            []Tag    `json:"tags"`
}

func (z *zecState) describeInstances(body []byte) (map[string]any, []string, error) {
	var req describeInstancesReq
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
	if e := checkIDFilter("instanceIds", req.InstanceIDs); e != nil {
		return nil, nil, e
	}
	if e := checkTagFilters(req.TagKeys, req.Tags); e != nil {
		return nil, nil, e
	}
	pageSize, pageNum, e := paging(req.PageSize, req.PageNum)
	if e != nil {
		return nil, nil, e
	}
	match := filterSorted(z.instances, func(i *zecInstance) bool {
		switch {
		case len(req.InstanceIDs) > 0 && !slices.Contains(req.InstanceIDs, i.InstanceID):
		case req.ZoneID != nil && i.ZoneID != *req.ZoneID:
		case req.ImageID != nil && i.ImageID != *req.ImageID:
		case req.IPv4Address != nil && !slices.Contains(i.PrivateIPs, *req.IPv4Address) && !slices.Contains(i.PublicIPs, *req.IPv4Address):
		case req.IPv6Address != nil:
			// The emulator assigns no IPv6 addresses.
		case req.Status != nil && i.Status != *req.Status:
		case req.Name != nil && !strings.Contains(i.InstanceName, *req.Name):
		case req.ResourceGroupID != nil && i.ResourceGroupID != *req.ResourceGroupID:
		case !hasTags(i.Tags, req.TagKeys, req.Tags):
		default:
			return true
		}
		return false
	})
	return describeAnswer(match, pageSize, pageNum, z.instanceInfo), req.InstanceIDs, nil
}

func (z *zecState) describeInstancesStatus(body []byte) (map[string]any, []string, error) {
	var req struct {
		InstanceIDs     []string `json:"instanceIds"`
		PageSize        *int     `json:"pageSize"`
		PageNum         *int     `json:"pageNum"`
		ResourceGroupID *string  `json:"resourceGroupId"`
	}
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
	match := filterSorted(z.instances, func(i *zecInstance) bool {
		return (len(req.InstanceIDs) == 0 || slices.Contains(req.InstanceIDs, i.InstanceID)) &&
			(req.ResourceGroupID == nil || i.ResourceGroupID == *req.ResourceGroupID)
	})
	return describeAnswer(match, pageSize, pageNum, func(i *zecInstance) map[string]string {
		return map[string]string{"instanceId": i.InstanceID, "instanceStatus": i.Status}
	}), req.InstanceIDs, nil
}

// instanceIDs checks the instanceIds of a batch action (1 to 100 ids, all
// existing) and returns them without duplicates.
func (z *zecState) instanceIDs(ids []string) ([]*zecInstance, *errAPI) {
	return batchOf("instanceIds", ids, z.instance)
}

// instance finds an instance by id.
func (z *zecState) instance(id string) (*zecInstance, *errAPI) {
	i := z.instances[id]
	if i == nil {
		return nil, apiErr(http.StatusNotFound, codeInstanceNotFound, "Instance %s does not exist.", id)
	}
	return i, nil
}

func instanceInOperation(i *zecInstance) bool {
	return slices.Contains(instInOperation, i.Status) || i.tl.busy()
}

func errInOperation(i *zecInstance) *errAPI {
	return apiErr(http.StatusBadRequest, codeInstanceInOperation, "Instance %s is performing another operation (status %s).", i.InstanceID, i.Status)
}

func errInstanceStatus(i *zecInstance) *errAPI {
	return apiErr(http.StatusBadRequest, codeUnsupportedInstanceStatus, "Operations on instances in current state are not supported: instance %s is %s.", i.InstanceID, i.Status)
}

// batch runs a batch action (StartInstances, StopInstances, ReleaseInstances).
// check says why an instance cannot take the action (nil: it can). When
// every instance asked for is refused, the request fails with the first
// refusal's error code (so a single-instance request gets the code); when
// some are accepted, the action is applied to them and the refused ones are
// answered in instanceIds, "the ids that failed". An instance marked with
// FailZECInstanceOnce is answered as failed either way.
func (z *zecState) batch(action string, rawIDs []string, check func(*zecInstance) *errAPI, apply func(*zecInstance)) (map[string]any, []string, error) {
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
// STOPPED instances outside the recycle bin start; STARTING, then RUNNING.
func (z *zecState) startInstances(body []byte) (map[string]any, []string, error) {
	var req struct {
		InstanceIDs []string `json:"instanceIds"`
	}
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
	return z.batch("StartInstances", req.InstanceIDs, func(i *zecInstance) *errAPI {
		switch {
		case instanceInOperation(i):
			return errInOperation(i)
		case i.Status != instStatusStopped:
			return errInstanceStatus(i)
		}
		return nil
	}, func(i *zecInstance) {
		i.Status = instStatusStarting
		i.tl.after(z.s.now(), z.s.opts.Durations.InstanceStart, func() { i.Status = instStatusRunning })
	})
}

// stopInstances follows StopInstances: only RUNNING instances stop;
// STOPPING, then STOPPED. forceShutdown only changes how the guest is told.
func (z *zecState) stopInstances(body []byte) (map[string]any, []string, error) {
	var req struct {
		InstanceIDs   []string `json:"instanceIds"`
		ForceShutdown *bool    `json:"forceShutdown"`
	}
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
	return z.batch("StopInstances", req.InstanceIDs, func(i *zecInstance) *errAPI {
		switch {
		case instanceInOperation(i):
			return errInOperation(i)
		case i.Status != instStatusRunning:
			return errInstanceStatus(i)
		}
		return nil
	}, func(i *zecInstance) {
		i.Status = instStatusStopping
		i.tl.after(z.s.now(), z.s.opts.Durations.InstanceStop, func() { i.Status = instStatusStopped })
	})
}

// releaseInstances follows ReleaseInstances. Depending on
// Options.ZECReleaseMode, a running or stopped instance is freed
// (RELEASING → gone) or moved to the recycle bin (RECYCLING → RECYCLE); a
// recycled or CREATE_FAILED instance is freed. The system disk goes with the
// instance. dependResource (default true) releases the attached data disks
// too; with false they are detached and stay (AVAILABLE).
func (z *zecState) releaseInstances(body []byte) (map[string]any, []string, error) {
	var req struct {
		InstanceIDs    []string `json:"instanceIds"`
		DependResource *bool    `json:"dependResource"`
	}
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
	dependents := req.DependResource == nil || *req.DependResource
	return z.batch("ReleaseInstances", req.InstanceIDs, func(i *zecInstance) *errAPI {
		switch {
		case instanceInOperation(i):
			return errInOperation(i)
		case i.Status != instStatusRunning && i.Status != instStatusStopped && i.Status != instStatusRecycle && i.Status != instStatusCreateFailed:
			return errInstanceStatus(i)
		}
		return nil
	}, func(i *zecInstance) {
		now := z.s.now()
		d := z.s.opts.Durations
		i.releaseDependents = dependents
		if !dependents {
			z.detachDataDisks(i, now)
		}
		if z.s.opts.ZECReleaseMode == ReleaseRecycle && (i.Status == instStatusRunning || i.Status == instStatusStopped) {
			i.Status = instStatusRecycling
			z.setLinkedDiskStatus(i, diskStatusRecycling)
			i.tl.after(now, d.InstanceRecycle, func() {
				i.Status = instStatusRecycle
				z.setLinkedDiskStatus(i, diskStatusRecycled)
			})
			return
		}
		i.Status = instStatusReleasing
		z.setLinkedDiskStatus(i, diskStatusDeleting)
		i.tl.after(now, d.InstanceRelease, func() { z.removeInstance(i.InstanceID) })
	})
}

// detachDataDisks detaches the portable data disks of an instance at once
// (DETACHING → AVAILABLE).
func (z *zecState) detachDataDisks(i *zecInstance, now time.Time) {
	for _, d := range sortedValues(z.disks) {
		if d.InstanceID != i.InstanceID || d.DiskType != "DATA" || !d.Portable {
			continue
		}
		d.tl.clear()
		d.DiskStatus, d.InstanceID, d.InstanceName = diskStatusDetaching, "", ""
		d.tl.after(now, z.s.opts.Durations.DiskDetach, func() { d.DiskStatus = diskStatusAvailable })
	}
}

// setLinkedDiskStatus sets the status of every disk still linked to i.
func (z *zecState) setLinkedDiskStatus(i *zecInstance, status string) {
	for _, d := range z.disks {
		if d.InstanceID == i.InstanceID {
			d.tl.clear()
			d.DiskStatus = status
		}
	}
}

// removeInstance deletes an instance with every disk still linked to it
// (its system disk, and its data disks when they are released with it).
func (z *zecState) removeInstance(id string) {
	delete(z.instances, id)
	for _, d := range sortedValues(z.disks) {
		if d.InstanceID == id {
			delete(z.disks, d.DiskID)
		}
	}
}

// modifyInstancesAttribute renames instances. "If any of the instance IDs
// does not exist, the operation will fail immediately."
func (z *zecState) modifyInstancesAttribute(body []byte) (map[string]any, []string, error) {
	var req struct {
		InstanceIDs  []string `json:"instanceIds"`
		InstanceName *string  `json:"instanceName"`
	}
	if e := decodeStrict(body, &req); e != nil {
		return nil, nil, e
	}
	insts, e := z.instanceIDs(req.InstanceIDs)
	if e != nil {
		return nil, req.InstanceIDs, e
	}
	if req.InstanceName == nil {
		return nil, req.InstanceIDs, errMissing("instanceName")
	}
	if e := checkInstanceName(*req.InstanceName); e != nil {
		return nil, req.InstanceIDs, e
	}
	for _, i := range insts {
		switch i.Status {
		case instStatusReleasing, instStatusRecycling, instStatusRecycle:
			return nil, req.InstanceIDs, errInstanceStatus(i)
		}
	}
	for _, i := range insts {
		i.InstanceName = *req.InstanceName
		for _, d := range z.disks {
			if d.InstanceID == i.InstanceID {
				d.InstanceName = i.InstanceName
			}
		}
	}
	return nil, req.InstanceIDs, nil
}

// takeForcedFailure reports (and forgets) a failure set by FailZECInstanceOnce.
func (z *zecState) takeForcedFailure(action, id string) bool {
	key := action + "/" + id
	if z.forcedFailures[key] {
		delete(z.forcedFailures, key)
		return true
	}
	return false
}

// FailZECInstanceOnce makes the next call of a batch action ("StartInstances",
// "StopInstances" or "ReleaseInstances") answer id as failed in its
// instanceIds, without acting on it: the documented 200 answer with a failed
// id, as when the host cannot take the instance (tests).
func (s *Server) FailZECInstanceOnce(action, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.zec.forcedFailures == nil {
		s.zec.forcedFailures = map[string]bool{}
	}
	s.zec.forcedFailures[action+"/"+id] = true
}

// FailNextZECInstanceCreates makes the next n instances created end in
// CREATE_FAILED, whatever Options.CreateFailRate says (tests).
func (s *Server) FailNextZECInstanceCreates(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.zec.forcedCreateFailures = n
}

// ZECInstanceView is what tests read of a ZEC instance.
type ZECInstanceView struct {
	ID, Name, Status, ZoneID, InstanceType, ImageID, SystemDiskID string
	DataDiskIDs                                                   []string
}

// ZECInstance returns a copy of an instance's fields, or false if it is gone.
func (s *Server) ZECInstance(id string) (ZECInstanceView, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advanceAll()
	i := s.zec.instances[id]
	if i == nil {
		return ZECInstanceView{}, false
	}
	v := ZECInstanceView{ID: i.InstanceID, Name: i.InstanceName, Status: i.Status, ZoneID: i.ZoneID,
		InstanceType: i.InstanceType, ImageID: i.ImageID, SystemDiskID: i.SystemDiskID}
	for _, d := range sortedValues(s.zec.disks) {
		if d.InstanceID == id && d.DiskType == "DATA" {
			v.DataDiskIDs = append(v.DataDiskIDs, d.DiskID)
		}
	}
	return v, true
}

// DeleteZECInstance removes an instance and its system disk behind the
// provider's back (tests: "disappears"); its data disks are left detached.
func (s *Server) DeleteZECInstance(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.zec.instances[id]
	if i == nil {
		return false
	}
	for _, d := range s.zec.disks {
		if d.InstanceID == id && d.DiskType == "DATA" {
			d.tl.clear()
			d.DiskStatus, d.InstanceID, d.InstanceName = diskStatusAvailable, "", ""
		}
	}
	s.zec.removeInstance(id)
	return true
}

// zecInstanceKnobs are the test knobs of the instance actions (embedded in zecState).
type zecInstanceKnobs struct {
	// forcedFailures are "action/id" keys set by FailZECInstanceOnce.
	forcedFailures map[string]bool
	// forcedCreateFailures counts the creates FailNextZECInstanceCreates still fails.
	forcedCreateFailures int
}
