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
	c.amount = valueOr(req.Amount, c.amount)
	if c.amount < 1 || c.amount > bmcMaxAmount {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "amount must be between 1 and %d, got %d.", bmcMaxAmount, c.amount)
	}
	var e *errAPI
	if c.name, e = checkBMCInstanceName(valueOr(req.InstanceName, "instance"), true); e != nil {
		return nil, e
	}
	if c.host, e = checkBMCHostname(valueOr(req.Hostname, "hostname")); e != nil {
		return nil, e
	}
	if logins := countTrue(req.Password != nil, len(req.SSHKeys) > 0, req.KeyID != nil); logins > 1 {
		return nil, apiErr(http.StatusBadRequest, bmcCodeLoginConflict, "Set only one of password, sshKeys and keyId.")
	}
	if req.KeyID != nil && *req.KeyID == "" {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "keyId must not be empty.")
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
	c.bandwidth = valueOr(req.InternetMaxBandwidthOut, c.bandwidth)
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
	if e := checkTags(req.Tags.list()); e != nil {
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

// countTrue counts the conditions that hold.
func countTrue(conds ...bool) int {
	n := 0
	for _, c := range conds {
		if c {
			n++
		}
	}
	return n
}
