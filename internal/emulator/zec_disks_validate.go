package emulator

import (
	"net/http"
	"regexp"
)

// Validation of the disk actions' parameters, as the ZEC documents state them.

// diskCreate is a checked CreateDisks request.
type diskCreate struct {
	zone, name, category, chargeType, resourceGroup string
	size, amount                                    int
	// insts are the instances the disks are made for: none, one for all
	// (instanceId) or one each (instanceIds).
	insts     []*zecInstance
	tags      []Tag
	bursting  bool
	marketing params
}

// instanceFor is the instance the n-th disk is made for, or nil.
func (c *diskCreate) instanceFor(n int) *zecInstance {
	switch len(c.insts) {
	case 0:
		return nil
	case 1:
		return c.insts[0]
	}
	return c.insts[n]
}

// checkCreateDisks enforces every documented constraint of CreateDisks.
func (z *zecState) checkCreateDisks(req *call) (*diskCreate, *errAPI) {
	zone, e := req.required("zoneId")
	if e != nil {
		return nil, e
	}
	if !validZone(zone) {
		return nil, apiErr(http.StatusBadRequest, codeZoneNotFound, "The zone %q does not exist.", zone)
	}
	size := req.integer("diskSize")
	if size == nil {
		return nil, errMissing("diskSize")
	}
	if e := checkDiskSize("diskSize", *size); e != nil {
		return nil, e
	}
	amount := valueOr(req.integer("diskAmount"), 1)
	if amount < 1 || amount > zecMaxCreateDisks {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "diskAmount must be between 1 and %d, got %d.", zecMaxCreateDisks, amount)
	}
	category := valueOr(req.str("diskCategory"), zecDefaultDiskCategory)
	if e := checkDiskCategory(category); e != nil {
		return nil, e
	}
	nameP := req.str("diskName")
	if nameP == nil {
		return nil, errMissing("diskName")
	}
	name := *nameP
	if e := checkDiskName(name); e != nil {
		return nil, e
	}
	// CreateDisks has no charge type (neither version's model): disks are
	// POSTPAID.
	chargeType := "POSTPAID"
	if id := stringOr(req.str("snapshotId"), ""); id != "" {
		// The emulator makes no snapshots, so none can be named.
		return nil, apiErr(http.StatusNotFound, codeSnapshotNotFound, "The snapshot %s does not exist.", id)
	}
	instanceIDs := req.strs("instanceIds")
	if id := stringOr(req.str("instanceId"), ""); id != "" {
		if len(instanceIDs) > 0 {
			return nil, apiErr(http.StatusBadRequest, codeInvalidParameter, "Give instanceId or instanceIds, not both.")
		}
		instanceIDs = make([]string, amount)
		for n := range instanceIDs {
			instanceIDs[n] = id
		}
	} else if len(instanceIDs) > 0 && len(instanceIDs) != amount {
		return nil, apiErr(http.StatusBadRequest, codeInvalidValue, "instanceIds must name one instance a disk: %d ids for diskAmount %d.", len(instanceIDs), amount)
	}
	var insts []*zecInstance
	adding := map[string]int{}
	for _, id := range instanceIDs {
		inst, e := z.instance(id)
		if e != nil {
			return nil, e
		}
		if inst.ZoneID != zone {
			return nil, apiErr(http.StatusBadRequest, codeDiskZoneMismatch, "Instance %s is in zone %s, not %s.", inst.InstanceID, inst.ZoneID, zone)
		}
		if adding[id]++; z.dataDiskCount(id)+adding[id] > zecMaxDataDisks {
			return nil, apiErr(http.StatusBadRequest, codeAttachLimit, "An instance can have at most %d data disks.", zecMaxDataDisks)
		}
		insts = append(insts, inst)
	}
	tags := req.tags("tags")
	if e := checkTags(tags); e != nil {
		return nil, e
	}
	return &diskCreate{zone: zone, name: name, category: category, chargeType: chargeType,
		resourceGroup: stringOr(req.str("resourceGroupId"), defaultResourceGroup), size: *size, amount: amount, insts: insts, tags: tags,
		bursting: valueOr(req.flag("burstingEnabled"), false), marketing: req.obj("marketingOptions")}, nil
}

// diskNamePattern: 1 to 64 letters, digits, "-", "_", "/" and ".", starting
// and ending with a letter or digit (the CreateDisks document).
var diskNamePattern = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9._/-]{0,62}[A-Za-z0-9])?$`)

func checkDiskName(name string) *errAPI {
	if !diskNamePattern.MatchString(name) {
		return apiErr(http.StatusBadRequest, codeDiskName, "diskName %q is invalid: 1 to %d characters of letters, digits, '-', '_', '/' and '.', starting and ending with a letter or digit.", name, zecDiskNameMaxLen)
	}
	return nil
}

// checkDiskIDs checks the diskIds of AttachDisks and DetachDisks.
func checkDiskIDs(ids []string) *errAPI { return checkBatchIDs("diskIds", ids, zecMaxDisksPerCall) }

// checkDiskSize refuses a data disk size outside zecDiskMinSize..zecDiskMaxSize GiB.
func checkDiskSize(field string, size int) *errAPI {
	if size < zecDiskMinSize || size > zecDiskMaxSize {
		return apiErr(http.StatusBadRequest, codeDiskSize, "%s must be between %d and %d GiB, got %d.", field, zecDiskMinSize, zecDiskMaxSize, size)
	}
	return nil
}
