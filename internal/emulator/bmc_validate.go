package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Validation of CreateInstances' parameters, as the BMC documents state them.

// bmcNamePatternRe is one batch pattern of instanceName / hostname:
// [begin_number,bits], begin 0–99999 (default 0), bits 1–6 (default 6).
var bmcNamePatternRe = regexp.MustCompile(`^\[(\d{0,5})(?:,(\d?))?\]`)

// bmcNameChar reports whether r may appear in a name outside patterns:
// letters, digits, "-" and ".".
func bmcNameChar(r byte) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.'
}

type bmcNamePart struct {
	literal     string
	begin, bits int
	pattern     bool
}

// parseBMCName splits a name into literal runs and batch patterns. ok is
// false for a character outside the allowed set or a malformed pattern.
func parseBMCName(name string) (parts []bmcNamePart, ok bool) {
	for i := 0; i < len(name); {
		if name[i] == '[' {
			m := bmcNamePatternRe.FindStringSubmatch(name[i:])
			if m == nil {
				return nil, false
			}
			begin, bits := 0, 6
			if m[1] != "" {
				begin, _ = strconv.Atoi(m[1])
			}
			if m[2] != "" {
				bits, _ = strconv.Atoi(m[2])
			}
			if bits < 1 || bits > 6 {
				return nil, false
			}
			parts = append(parts, bmcNamePart{begin: begin, bits: bits, pattern: true})
			i += len(m[0])
			continue
		}
		if !bmcNameChar(name[i]) {
			return nil, false
		}
		j := i
		for j < len(name) && name[j] != '[' && bmcNameChar(name[j]) {
			j++
		}
		if j == i {
			return nil, false
		}
		parts = append(parts, bmcNamePart{literal: name[i:j]})
		i = j
	}
	return parts, len(parts) > 0
}

// bmcNameLen is the length the API counts: literals plus the bits of each pattern.
func bmcNameLen(parts []bmcNamePart) int {
	n := 0
	for _, p := range parts {
		if p.pattern {
			n += p.bits
		} else {
			n += len(p.literal)
		}
	}
	return n
}

// expandBMCName is the name of the index-th instance of a batch.
func expandBMCName(parts []bmcNamePart, index int) string {
	var sb strings.Builder
	for _, p := range parts {
		if p.pattern {
			fmt.Fprintf(&sb, "%0*d", p.bits, p.begin+index)
		} else {
			sb.WriteString(p.literal)
		}
	}
	return sb.String()
}

// checkBMCInstanceName checks an instanceName (patterns allowed when batch is true).
func checkBMCInstanceName(name string, batch bool) ([]bmcNamePart, *errAPI) {
	parts, ok := parseBMCName(name)
	if !ok || (!batch && slices.ContainsFunc(parts, func(p bmcNamePart) bool { return p.pattern })) {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue,
			"instanceName %q is invalid: use letters, digits, '-' and '.', and batch patterns [begin,bits] (begin 0-99999, bits 1-6) only when creating.", name)
	}
	if bmcNameLen(parts) > bmcNameMaxLen {
		return nil, apiErr(http.StatusBadRequest, bmcCodeNameExceed, "instanceName may be at most %d characters (a pattern counts as its bits), got %d.", bmcNameMaxLen, bmcNameLen(parts))
	}
	return parts, nil
}

func checkBMCHostname(name string) ([]bmcNamePart, *errAPI) {
	parts, ok := parseBMCName(name)
	if !ok {
		return nil, apiErr(http.StatusBadRequest, bmcCodeHostnameMalformed,
			"hostname %q is invalid: use letters, digits, '-' and '.', and batch patterns [begin,bits] (begin 0-99999, bits 1-6).", name)
	}
	if bmcNameLen(parts) > bmcNameMaxLen {
		return nil, apiErr(http.StatusBadRequest, bmcCodeHostnameExceed, "hostname may be at most %d characters (a pattern counts as its bits), got %d.", bmcNameMaxLen, bmcNameLen(parts))
	}
	return parts, nil
}

// bmcPasswordSpecials are the special characters a password may hold.
const bmcPasswordSpecials = "~!@$^*-_=+"

// checkBMCPassword: 8 to 16 characters with at least one upper case letter,
// one lower case letter, one digit and one of ~!@$^*-_=+, and nothing else.
func checkBMCPassword(pw string) *errAPI {
	var upper, lower, digit, special bool
	for _, r := range pw {
		switch {
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(bmcPasswordSpecials, r):
			special = true
		default:
			return bmcPasswordErr()
		}
	}
	if len(pw) < 8 || len(pw) > 16 || !upper || !lower || !digit || !special {
		return bmcPasswordErr()
	}
	return nil
}

func bmcPasswordErr() *errAPI {
	return apiErr(http.StatusBadRequest, bmcCodePasswordMalformed,
		"The password must be 8 to 16 characters and contain upper and lower case letters, digits and one of %s, and no other characters.", bmcPasswordSpecials)
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
