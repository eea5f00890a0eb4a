package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Validation of the instance actions' parameters, as the ZEC documents state them.

// Limits of CreateZecInstances.
const (
	zecMaxCreateInstances   = 100
	zecMaxDataDisksAtCreate = 1 // "only 1 disk can be attached along with the instance for now"
)

// instanceNamePattern: 2 to 63 letters, digits, "-" and ".", starting and
// ending with a letter or digit (CreateZecInstances / ModifyInstancesAttribute).
var instanceNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]{0,61}[A-Za-z0-9]$`)

// batchNamePattern is the "[begin_number,bits]" suffix of a batch create.
var batchNamePattern = regexp.MustCompile(`\[(\d+),(\d+)\]`)

func checkInstanceName(name string) *errAPI {
	if !instanceNamePattern.MatchString(name) {
		return apiErr(http.StatusBadRequest, codeInstanceName,
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
				bad = apiErr(http.StatusBadRequest, codeInstanceName,
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
	kinds, clean := passwordKinds(p, passwordSpecials)
	if len(p) < 8 || len(p) > 16 || !clean || kinds < 3 {
		return apiErr(http.StatusBadRequest, codePasswordMalformed,
			"Invalid password. The specified password does not meet the requirements: 8 to 16 characters with at least three of lowercase letters, uppercase letters, digits and %s.", passwordSpecials)
	}
	return nil
}

// zecCreate is a checked CreateZecInstances request.
type zecCreate struct {
	names       []string
	itype       zecInstanceType
	nicType     string
	hasKey      bool
	sysSize     int
	sysCategory string
	sysBursting bool
	dataDisks   []zecDataDisk
	tags        []Tag
	// ipStack is ipStackType: IPv4 (the default), IPv6 or IPv4_IPv6.
	ipStack string
}

// zecDataDisk is one data disk to create with each instance. The diskId
// and portable of a dataDisks entry (the model is the one DescribeInstances
// answers with) do not apply to a create and are not read.
type zecDataDisk struct {
	size           int
	category, name string
	bursting       bool
}

// zecIPStacks are the values of ipStackType (CreateZecInstancesRequest.IpStackType).
var zecIPStacks = []string{"IPv4", "IPv6", "IPv4_IPv6"}

// checkCreateInstances enforces every documented constraint of CreateZecInstances.
func checkCreateInstances(req *call) (*zecCreate, *errAPI) {
	for _, name := range []string{"zoneId", "imageId", "instanceType", "subnetId"} {
		if _, e := req.required(name); e != nil {
			return nil, e
		}
	}
	zone, imageID, typeID := *req.str("zoneId"), *req.str("imageId"), *req.str("instanceType")
	if !validZone(zone) {
		return nil, apiErr(http.StatusBadRequest, codeZoneNotFound, "The specified zoneId `%s` is not found.", zone)
	}
	image, ok := ZECImages[imageID]
	if !ok {
		return nil, apiErr(http.StatusNotFound, codeImageNotFound, "The specified image %s does not exist.", imageID)
	}
	itype, ok := ZECInstanceTypes[typeID]
	if !ok {
		return nil, apiErr(http.StatusNotFound, codeInstanceTypeNotFound, "The specified instance type %s does not exist.", typeID)
	}
	count := valueOr(req.integer("instanceCount"), 1)
	if count < 1 || count > zecMaxCreateInstances {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "instanceCount must be between 1 and %d, got %d.", zecMaxCreateInstances, count)
	}
	names, e := expandInstanceNames(valueOr(req.str("instanceName"), "instance"), count)
	if e != nil {
		return nil, e
	}
	hasKey := stringOr(req.str("keyId"), "") != ""
	if e := checkLogin(image, req); e != nil {
		return nil, e
	}
	nicType := "Auto"
	if t := req.str("nicNetworkType"); t != nil {
		nicType = *t
		if !slices.Contains(nicNetworkTypes, nicType) {
			return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "nicNetworkType must be one of %s.", strings.Join(nicNetworkTypes, ", "))
		}
	}
	sysSize, sysCategory := image.MinDisk, zecDefaultDiskCategory
	if sd := req.obj("systemDisk"); sd != nil {
		sysSize, sysCategory = valueOr(sd.integer("diskSize"), sysSize), valueOr(sd.str("diskCategory"), sysCategory)
	}
	ipStack := valueOr(req.str("ipStackType"), "IPv4")
	if !slices.Contains(zecIPStacks, ipStack) {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "ipStackType must be one of %s, got %q.", strings.Join(zecIPStacks, ", "), ipStack)
	}
	if sysSize < image.MinDisk || sysSize > zecDiskMaxSize {
		return nil, apiErr(http.StatusBadRequest, codeDiskSize, "systemDisk.diskSize must be between %d (the image's minimum) and %d GiB, got %d.", image.MinDisk, zecDiskMaxSize, sysSize)
	}
	if e := checkDiskCategory(sysCategory); e != nil {
		return nil, e
	}
	var dataDisks []zecDataDisk
	for _, dd := range req.objs("dataDisks") {
		size := dd.integer("diskSize")
		if size == nil {
			return nil, errMissing("dataDisks.diskSize")
		}
		if e := checkDiskSize("dataDisks.diskSize", *size); e != nil {
			return nil, e
		}
		cat := valueOr(dd.str("diskCategory"), zecDefaultDiskCategory)
		if e := checkDiskCategory(cat); e != nil {
			return nil, e
		}
		amount := valueOr(dd.integer("diskAmount"), 1)
		if amount < 1 {
			return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "dataDisks.diskAmount must be at least 1, got %d.", amount)
		}
		if name := stringOr(dd.str("diskName"), ""); name != "" {
			if e := checkDiskName(name); e != nil {
				return nil, e
			}
		}
		for range amount {
			dataDisks = append(dataDisks, zecDataDisk{size: *size, category: cat, name: stringOr(dd.str("diskName"), ""),
				bursting: valueOr(dd.flag("burstingEnabled"), false)})
		}
	}
	if len(dataDisks) > zecMaxDataDisksAtCreate {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "Only %d data disk can be created with an instance, got %d.", zecMaxDataDisksAtCreate, len(dataDisks))
	}
	if stringOr(req.str("internetChargeType"), "") == "BandwidthCluster" && stringOr(req.str("clusterId"), "") == "" {
		return nil, errMissing("clusterId")
	}
	tags := req.tags("tags")
	if e := checkTags(tags); e != nil {
		return nil, e
	}
	return &zecCreate{ipStack: ipStack, sysBursting: valueOr(req.obj("systemDisk").flag("burstingEnabled"), false), names: names, itype: itype, nicType: nicType, hasKey: hasKey,
		sysSize: sysSize, sysCategory: sysCategory, dataDisks: dataDisks, tags: tags}, nil
}

// checkLogin checks the password and keyId of a CreateZecInstances or a
// ResetInstance: one of them, not both, and neither for a Windows or
// Generic image ("You can set either a password or a keyId, but not both;
// Windows and Generic images support neither option",
// zenlayercloud-cli apis/en-US/zec/create-zec-instances.yaml and
// reset-instance.yaml).
func checkLogin(image zecImage, req *call) *errAPI {
	hasPassword, hasKey := stringOr(req.str("password"), "") != "", stringOr(req.str("keyId"), "") != ""
	switch {
	case hasPassword && hasKey:
		return apiErr(http.StatusBadRequest, codeInvalidParameter, "password and keyId cannot both be given.")
	case image.noLogin() && (hasPassword || hasKey):
		return apiErr(http.StatusBadRequest, codeInvalidParameter,
			"Image %s (%s) supports neither a password nor a keyId: Windows and Generic images support neither option.", image.Name, image.OSType)
	case image.noLogin():
		return nil
	case !hasPassword && !hasKey:
		return errMissing("password or keyId")
	case hasPassword:
		return checkPassword(*req.str("password"))
	}
	return nil
}
