package emulator

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// Validation of CreateInstances' parameters, as the BMC documents state them.

// Limits of CreateInstances.
const (
	bmcMaxAmount  = 100
	bmcNameMaxLen = 64 // instanceName and hostname, a pattern counting as its bits
	bmcMaxSSHKeys = 5
)

// bmcCreate is a checked CreateInstances request: what each instance of it is made of.
type bmcCreate struct {
	zone              string
	typ               *bmcInstanceType
	img               *bmcImage
	name, host        []bmcNamePart
	charge, internet  string
	bandwidth, amount int
	// period is the months of a PREPAID instance (0: POSTPAID).
	period                         int
	ipxeURL, resourceGroup, subnet string
	trafficPackage                 *float64
	clusterID                      *string
	raid                           *bmcRaidConfig
	partitions                     []bmcPartition
	nic                            *bmcNic
	tags                           []Tag
	keyID, userData                string
	gatewayMode, primaryIPv6       bool
	marketing                      params
}

// checkCreate enforces every documented constraint of CreateInstances.
func (b *bmcState) checkCreate(req *call) (*bmcCreate, *errAPI) {
	c := &bmcCreate{amount: 1, bandwidth: 1, partitions: bmcPartitionsOf(req.objs("partitions")), raid: bmcRaidOf(req.obj("raidConfig")),
		nic: bmcNicOf(req.obj("nic")), tags: req.tags("tags"), ipxeURL: stringOr(req.str("ipxeUrl"), ""),
		resourceGroup: stringOr(req.str("resourceGroupId"), ""), subnet: stringOr(req.str("subnetId"), ""),
		trafficPackage: req.number("trafficPackageSize"), clusterID: req.str("clusterId"), keyID: stringOr(req.str("keyId"), ""),
		userData: stringOr(req.str("userData"), ""), gatewayMode: valueOr(req.flag("enableGatewayMode"), false),
		primaryIPv6: valueOr(req.flag("enablePrimaryIPv6"), true), marketing: req.obj("marketingOptions")}
	var e *errAPI
	if c.zone, e = req.required("zoneId"); e != nil {
		return nil, e
	}
	if bmcZoneByID(c.zone) == nil {
		return nil, bmcZoneNotFound(c.zone)
	}
	c.charge = stringOr(req.str("instanceChargeType"), "")
	switch c.charge {
	case "":
		return nil, errMissing("instanceChargeType")
	case bmcChargePrepaid:
		period := req.obj("instanceChargePrepaid").integer("period")
		if period == nil {
			return nil, errMissing("instanceChargePrepaid.period")
		}
		if *period < 1 {
			return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "instanceChargePrepaid.period is a number of months, at least 1, got %d.", *period)
		}
		c.period = *period
	case bmcChargePostpaid:
	default:
		return nil, apiErr(http.StatusBadRequest, bmcCodeChargeTypeNotSupport, "instanceChargeType %q is not supported: use PREPAID or POSTPAID.", c.charge)
	}
	typeID, e := req.required("instanceTypeId")
	if e != nil {
		return nil, e
	}
	if c.typ = bmcTypeByID(typeID); c.typ == nil {
		return nil, bmcTypeNotFound(typeID)
	}
	if imageID := stringOr(req.str("imageId"), ""); imageID != "" {
		if c.img = bmcImageByID(imageID); c.img == nil {
			return nil, bmcImageNotFound(imageID)
		}
		if c.ipxeURL != "" {
			return nil, apiErr(http.StatusBadRequest, codeInvalidParameter, "ipxeUrl installs the machine over iPXE: leave imageId empty when you set it.")
		}
	}
	c.amount = valueOr(req.integer("amount"), c.amount)
	if c.amount < 1 || c.amount > bmcMaxAmount {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "amount must be between 1 and %d, got %d.", bmcMaxAmount, c.amount)
	}
	if c.name, e = checkBMCInstanceName(valueOr(req.str("instanceName"), "instance"), true); e != nil {
		return nil, e
	}
	if c.host, e = checkBMCHostname(valueOr(req.str("hostname"), "hostname")); e != nil {
		return nil, e
	}
	password, sshKeys := req.str("password"), req.strs("sshKeys")
	if logins := len(sshKeys) + len(c.keyID); (password != nil && logins > 0) || (c.keyID != "" && len(sshKeys) > 0) {
		return nil, apiErr(http.StatusBadRequest, bmcCodeLoginConflict, "Set one of password, keyId and sshKeys.")
	}
	if password != nil {
		if e := checkBMCPassword(*password); e != nil {
			return nil, e
		}
	}
	if e := checkBMCSSHKeys(sshKeys); e != nil {
		return nil, e
	}
	if c.internet, e = req.required("internetChargeType"); e != nil {
		return nil, e
	}
	if !slices.Contains(bmcInternetChargeTypes, c.internet) {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "internetChargeType must be one of %s, got %q.", strings.Join(bmcInternetChargeTypes, ", "), c.internet)
	}
	c.bandwidth = valueOr(req.integer("internetMaxBandwidthOut"), c.bandwidth)
	if c.bandwidth < 1 {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "internetMaxBandwidthOut is in Mbps, at least 1, got %d.", c.bandwidth)
	}
	if c.bandwidth > c.typ.MaximumBandwidth {
		return nil, apiErr(http.StatusBadRequest, bmcCodeBandwidthExceed, "internetMaxBandwidthOut %d Mbps exceeds the maximum of instance type %s (%d Mbps).", c.bandwidth, c.typ.InstanceTypeID, c.typ.MaximumBandwidth)
	}
	if c.trafficPackage != nil {
		if c.internet != "ByTrafficPackage" {
			return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "trafficPackageSize applies only to internetChargeType ByTrafficPackage.")
		}
		if *c.trafficPackage < 0 {
			return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "trafficPackageSize is in TB and may not be negative.")
		}
	}
	if c.subnet != "" {
		zone, ok := bmcSubnets[c.subnet]
		if !ok {
			return nil, apiErr(http.StatusNotFound, bmcCodeSubnetNotFound, "The subnet %s does not exist.", c.subnet)
		}
		if zone != c.zone {
			return nil, apiErr(http.StatusBadRequest, bmcCodeSubnetZoneMismatch, "The subnet %s is in zone %s, not %s.", c.subnet, zone, c.zone)
		}
	}
	if c.raid != nil {
		if e := checkBMCRaid(c.raid, c.typ); e != nil {
			return nil, e
		}
	}
	if len(c.partitions) > 0 {
		if e := checkBMCPartitions(c.partitions, c.img, c.typ); e != nil {
			return nil, e
		}
	}
	if c.nic != nil {
		if e := checkBMCNic(c.nic); e != nil {
			return nil, e
		}
	}
	if e := checkTags(c.tags); e != nil {
		return nil, e
	}
	return c, nil
}

// bmcPasswordSpecials are the special characters a password may hold.
const bmcPasswordSpecials = "~!@$^*-_=+"

// checkBMCPassword: 8 to 16 characters with at least one upper case letter,
// one lower case letter, one digit and one of ~!@$^*-_=+, and nothing else.
func checkBMCPassword(pw string) *errAPI {
	if kinds, clean := passwordKinds(pw, bmcPasswordSpecials); len(pw) < 8 || len(pw) > 16 || !clean || kinds < 4 {
		return apiErr(http.StatusBadRequest, bmcCodePasswordMalformed,
			"The password must be 8 to 16 characters and contain upper and lower case letters, digits and one of %s, and no other characters.", bmcPasswordSpecials)
	}
	return nil
}

var bmcSSHKeyPrefixes = []string{"ssh-rsa ", "ssh-ed25519 ", "ssh-dss ", "ecdsa-sha2-"}

func checkBMCSSHKeys(keys []string) *errAPI {
	if len(keys) > bmcMaxSSHKeys {
		return apiErr(http.StatusBadRequest, codeInvalidValue, "sshKeys may hold at most %d keys, got %d.", bmcMaxSSHKeys, len(keys))
	}
	seen := map[string]bool{}
	for _, k := range keys {
		k = strings.TrimSpace(k)
		if !slices.ContainsFunc(bmcSSHKeyPrefixes, func(p string) bool { return strings.HasPrefix(k, p) }) || len(strings.Fields(k)) < 2 {
			return apiErr(http.StatusBadRequest, bmcCodeSSHKeyMalformed, "The SSH public key is malformed: keys usually start with ssh-rsa, ssh-ed25519 or ecdsa-sha2-.")
		}
		body := strings.Fields(k)[1]
		if seen[body] {
			return apiErr(http.StatusBadRequest, bmcCodeSSHKeyDuplicate, "The same SSH public key is given twice.")
		}
		seen[body] = true
	}
	return nil
}

var bmcRaidLevels = []int{0, 1, 5, 10}

// bmcDiskSizes lists the instance type's disks by serial number (from 1).
func bmcDiskSizes(t *bmcInstanceType) []int {
	var sizes []int
	for _, d := range t.DiskInfo.Disks {
		for range d.DiskCount {
			sizes = append(sizes, d.DiskSize)
		}
	}
	return sizes
}

// checkBMCRaid checks a raidConfig: a fast RAID (raidType) or custom RAIDs,
// not both; levels the type supports; disk sequences numbered from 1,
// consecutive, in order, without duplicates, within the type's disks, with
// enough disks of one size for the level.
func checkBMCRaid(rc *bmcRaidConfig, t *bmcInstanceType) *errAPI {
	if rc.RaidType != nil && len(rc.CustomRaids) > 0 {
		return apiErr(http.StatusBadRequest, bmcCodeRaidConflict, "raidConfig takes either raidType (fast RAID) or customRaids, not both.")
	}
	if rc.RaidType == nil && len(rc.CustomRaids) == 0 {
		return apiErr(http.StatusBadRequest, codeInvalidValue, "raidConfig needs raidType or customRaids.")
	}
	level := func(p *int) *errAPI {
		if p == nil {
			return errMissing("raidConfig.customRaids.raidType")
		}
		if !slices.Contains(bmcRaidLevels, *p) {
			return apiErr(http.StatusBadRequest, codeInvalidValue, "raidType must be one of 0, 1, 5 and 10, got %d.", *p)
		}
		if !slices.Contains(t.SupportRaids, *p) {
			return apiErr(http.StatusBadRequest, bmcCodeRaidNotSupport, "Instance type %s does not support RAID %d (supported: %v).", t.InstanceTypeID, *p, t.SupportRaids)
		}
		return nil
	}
	if rc.RaidType != nil {
		return level(rc.RaidType)
	}
	sizes := bmcDiskSizes(t)
	seen := map[int]bool{}
	next := 1
	for _, cr := range rc.CustomRaids {
		if e := level(cr.RaidType); e != nil {
			return e
		}
		if len(cr.DiskSequence) == 0 {
			return errMissing("raidConfig.customRaids.diskSequence")
		}
		for _, n := range cr.DiskSequence {
			if n < 1 || n > len(sizes) {
				return apiErr(http.StatusBadRequest, bmcCodeRaidSequenceRange, "Disk %d does not exist: instance type %s has disks 1 to %d.", n, t.InstanceTypeID, len(sizes))
			}
			if seen[n] {
				return apiErr(http.StatusBadRequest, bmcCodeRaidSequenceDuplicate, "Disk %d is used twice in customRaids.", n)
			}
			seen[n] = true
			if n != next {
				return apiErr(http.StatusBadRequest, bmcCodeRaidDiskDisorder, "Disk sequences must be numbered from 1, consecutive and in order: expected disk %d, got %d.", next, n)
			}
			next++
		}
		count := len(cr.DiskSequence)
		size := sizes[cr.DiskSequence[0]-1]
		sameSize := !slices.ContainsFunc(cr.DiskSequence, func(n int) bool { return sizes[n-1] != size })
		var enough bool
		switch *cr.RaidType {
		case 0:
			enough = count >= 1
		case 1:
			enough = count >= 2 && count%2 == 0
		case 5:
			enough = count >= 3
		case 10:
			enough = count >= 4 && count%2 == 0
		}
		if !sameSize || !enough {
			return apiErr(http.StatusBadRequest, bmcCodeRaidDiskMismatch, "RAID %d cannot be built from disks %v (sizes must match; RAID 1 needs an even number >= 2, RAID 5 >= 3, RAID 10 an even number >= 4).", *cr.RaidType, cr.DiskSequence)
		}
	}
	return nil
}

var bmcWindowsDrives = []string{"C", "D", "E", "F", "G", "H"}

// checkBMCPartitions checks partitions against the image's OS: Linux paths
// start with "/" (the first is "/"), ext2/ext3/ext4; Windows drives C to H,
// the first C, in alphabetical order, NTFS. Sizes are GB; the last partition
// may leave its size out and takes the rest; the sizes must fit the disks.
func checkBMCPartitions(parts []bmcPartition, img *bmcImage, t *bmcInstanceType) *errAPI {
	if img == nil {
		return apiErr(http.StatusBadRequest, bmcCodePartitionImageNotSet, "Partitions need an operating system: set imageId.")
	}
	windows := img.OSType == "windows"
	seen := map[string]bool{}
	total := 0
	for i, p := range parts {
		if p.FsPath == nil || *p.FsPath == "" {
			return apiErr(http.StatusBadRequest, bmcCodePartitionMalformed, "Partition %d has no fsPath.", i+1)
		}
		path := *p.FsPath
		if p.FsType == nil || *p.FsType == "" {
			return apiErr(http.StatusBadRequest, bmcCodePartitionNoType, "Partition %s has no fsType.", path)
		}
		if seen[path] {
			return apiErr(http.StatusBadRequest, bmcCodePartitionDuplicate, "Partition path %s is given twice.", path)
		}
		seen[path] = true
		if windows {
			if !slices.Contains(bmcWindowsDrives, path) || *p.FsType != "NTFS" {
				return apiErr(http.StatusBadRequest, bmcCodePartitionMalformed, "Windows partitions are drives C to H with fsType NTFS, got %s (%s).", path, *p.FsType)
			}
			if i > 0 && path <= *parts[i-1].FsPath {
				return apiErr(http.StatusBadRequest, bmcCodePartitionOrder, "Windows partitions must be in alphabetical order starting with C.")
			}
		} else {
			if !strings.HasPrefix(path, "/") || !slices.Contains([]string{"ext2", "ext3", "ext4"}, *p.FsType) {
				return apiErr(http.StatusBadRequest, bmcCodePartitionMalformed, "Linux partition paths start with / and use ext2, ext3 or ext4, got %s (%s).", path, *p.FsType)
			}
		}
		if p.Size == nil {
			if i != len(parts)-1 {
				return apiErr(http.StatusBadRequest, bmcCodePartitionMalformed, "Only the last partition may leave its size out, %s has none.", path)
			}
			continue
		}
		if *p.Size < 1 {
			return apiErr(http.StatusBadRequest, bmcCodePartitionMalformed, "Partition %s has size %d GB; sizes are at least 1.", path, *p.Size)
		}
		total += *p.Size
	}
	first := "/"
	if windows {
		first = "C"
	}
	if !seen[first] {
		return apiErr(http.StatusBadRequest, bmcCodePartitionMissingRoot, "The partitions must include %s.", first)
	}
	if *parts[0].FsPath != first {
		return apiErr(http.StatusBadRequest, bmcCodePartitionOrder, "The first partition must be %s.", first)
	}
	if total > t.DiskInfo.TotalDiskSize {
		return apiErr(http.StatusBadRequest, bmcCodePartitionSizeNotFull, "The partitions take %d GB, the disks of %s hold %d GB.", total, t.InstanceTypeID, t.DiskInfo.TotalDiskSize)
	}
	return nil
}

var bmcNicNameRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]{3,9}$`)

// checkBMCNic: names are 4 to 10 letters and digits starting with a letter;
// the WAN name may not start with "lan", the LAN name not with "wan"; they differ.
func checkBMCNic(n *bmcNic) *errAPI {
	for _, c := range []struct {
		name   *string
		field  string
		prefix string
	}{{n.WanName, "wanName", "lan"}, {n.LanName, "lanName", "wan"}} {
		if c.name == nil {
			continue
		}
		if !bmcNicNameRe.MatchString(*c.name) || strings.HasPrefix(strings.ToLower(*c.name), c.prefix) {
			return apiErr(http.StatusBadRequest, bmcCodeNicNameMalformed,
				"nic.%s %q is invalid: 4 to 10 letters and digits starting with a letter, not starting with %q.", c.field, *c.name, c.prefix)
		}
	}
	if n.WanName != nil && n.LanName != nil && strings.EqualFold(*n.WanName, *n.LanName) {
		return apiErr(http.StatusBadRequest, bmcCodeNicNameConflict, "nic.wanName and nic.lanName must differ.")
	}
	return nil
}
