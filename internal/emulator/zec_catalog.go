package emulator

import (
	"net/http"
	"slices"
	"strings"
)

// The ZEC emulator's fixed catalogue: zones, disk categories, instance
// types and images. Every zone sells every category, type and image.

// Zones and disk categories the ZEC emulator knows.
var (
	zecZones          = []string{"asia-east-1a", "asia-southeast-1a", "na-west-1a", "eu-west-1a"}
	zecDiskCategories = []string{"Basic NVMe SSD", "Standard NVMe SSD"}
)

const zecDefaultDiskCategory = "Standard NVMe SSD"

func validZone(zone string) bool { return slices.Contains(zecZones, zone) }

// zecInstanceType is one entry of the emulator's instance type catalogue.
type zecInstanceType struct{ CPU, Memory int }

// zecImage is one entry of the emulator's image catalogue.
type zecImage struct {
	Name string
	// MinDisk is the smallest system disk the image fits on, in GiB.
	MinDisk int
	// OSType is the image's osType (DescribeImages): "" for Linux, or
	// zecOSWindows / zecOSGeneric, whose images take neither a password
	// nor a key pair (zenlayercloud-cli apis/en-US/zec/create-zec-instances.yaml
	// and reset-instance.yaml, password and key-id: "Windows and Generic
	// images support neither option").
	OSType string
}

// The image OS types that take no login.
const (
	zecOSWindows = "windows"
	zecOSGeneric = "generic"
)

// noLogin reports whether an image takes neither a password nor a key pair.
func (i zecImage) noLogin() bool { return i.OSType == zecOSWindows || i.OSType == zecOSGeneric }

// osFamily is the osType a reset cannot cross (reset-instance.yaml:
// "Cross-OS type (osType) reinstallation is not supported").
func (i zecImage) osFamily() string {
	if i.OSType == "" {
		return "linux"
	}
	return i.OSType
}

// ZECInstanceTypes and ZECImages are the instance types and images the
// emulator accepts (tests, examples and the demo use them).
var (
	ZECInstanceTypes = map[string]zecInstanceType{
		"z2a.cpu.1": {1, 2}, "z2a.cpu.2": {2, 4}, "z2a.cpu.4": {4, 8}, "z2a.cpu.8": {8, 16},
		"z2a.mem.2": {2, 16}, "z2a.mem.4": {4, 32},
	}
	ZECImages = map[string]zecImage{
		"ubuntu-22.04": {"Ubuntu 22.04 LTS 64bit", 20, ""},
		"ubuntu-24.04": {"Ubuntu 24.04 LTS 64bit", 20, ""},
		"debian-12":    {"Debian 12 64bit", 20, ""},
		"rocky-9":      {"Rocky Linux 9 64bit", 30, ""},
		// The form of the API document's example.
		"ubuntu2404_20240712": {"Ubuntu Server 24.04 LTS", 20, ""},
		// Images that take no login (see zecImage.OSType).
		"windows-2022": {"Windows Server 2022 Datacenter 64bit", 40, zecOSWindows},
		"generic-ipxe": {"Generic iPXE", 20, zecOSGeneric},
	}
)

// What an instance placed by a fixture, or created without them, gets.
const (
	zecDefaultInstanceType = "z2a.cpu.1"
	zecDefaultImage        = "ubuntu-22.04"
	zecDefaultSubnet       = "subnet-default-emulator"
	zecDefaultSG           = "sg-default-emulator"
)

var nicNetworkTypes = []string{"Auto", "FailOver", "VirtioOnly", "VfOnly"}

func (z *zecState) describeDiskCategory(req *call) (any, []string, error) {
	categories := zecDiskCategories
	if c := req.str("diskCategory"); c != nil {
		categories = slices.DeleteFunc(slices.Clone(categories), func(have string) bool { return have != *c })
	}
	set := []map[string]any{}
	for _, zone := range zecZones {
		if matches(req.str("zoneId"), zone) && len(categories) > 0 {
			set = append(set, map[string]any{"zoneId": zone, "categorySet": categories})
		}
	}
	return map[string]any{"categoryZoneSet": set}, nil, nil
}

// checkDiskCategory refuses a disk category the catalogue does not have.
func checkDiskCategory(category string) *errAPI {
	if !slices.Contains(zecDiskCategories, category) {
		return apiErr(http.StatusBadRequest, codeDiskCategory, "diskCategory %q is not one of %s.", category, strings.Join(zecDiskCategories, ", "))
	}
	return nil
}

// zecRegionOf is the region of a zone: the zone without its letter
// ("asia-east-1a" is in "asia-east-1"), as the DescribeZones answers pair them.
func zecRegionOf(zone string) string { return strings.TrimRight(zone, "abcdefghijklmnopqrstuvwxyz") }
