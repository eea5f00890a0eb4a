package zenlayer

import (
	"context"
	"encoding/json"
	"errors"
)

// ZEC disk statuses.
const (
	DiskStatusCreating  = "CREATING"
	DiskStatusAvailable = "AVAILABLE"
	DiskStatusAttaching = "ATTACHING"
	DiskStatusInUse     = "IN_USE"
	DiskStatusDetaching = "DETACHING"
	DiskStatusChanging  = "CHANGING"
	DiskStatusDeleting  = "DELETING"
	DiskStatusRecycling = "RECYCLING"
	DiskStatusRecycled  = "RECYCLED"
	DiskStatusFailed    = "FAILED"

	DiskTypeSystem = "SYSTEM"
	DiskTypeData   = "DATA"
)

// Tag is a resource tag.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// TagAssociation is how API 2.0 takes tags in a create request.
type TagAssociation struct {
	Tags []Tag `json:"tags"`
}

// ResourceInfo are the fields that every object of the client (a disk, a
// ZEC or a BMC instance) answers alike: its dates, resource group and tags.
type ResourceInfo struct {
	CreateTime      string `json:"createTime"`
	ExpiredTime     string `json:"expiredTime"`
	ResourceGroupID string `json:"resourceGroupId"`
	// Tags come wrapped, as in a create: {"tags": [...]}.
	Tags *TagAssociation `json:"tags"`
}

// Disk is a ZEC disk as DescribeDisks returns it.
type Disk struct {
	DiskID       string `json:"diskId"`
	DiskName     string `json:"diskName"`
	ZoneID       string `json:"zoneId"`
	DiskType     string `json:"diskType"`
	Portable     bool   `json:"portable"`
	DiskCategory string `json:"diskCategory"`
	DiskSize     int64  `json:"diskSize"`
	DiskStatus   string `json:"diskStatus"`
	InstanceID   string `json:"instanceId"`
	InstanceName string `json:"instanceName"`
	// ChargeType is POSTPAID or PREPAID, read from period: DiskInfo of
	// version 2025-09-01 has no chargeType, and its period (months) "is
	// empty for POSTPAID" (zenlayercloud-cli apis/en-US/zec/describe-disks.yaml).
	ChargeType string `json:"-"`
	ResourceInfo
	// BurstingEnabled is null in version 2024-04-01.
	BurstingEnabled *bool `json:"burstingEnabled"`
}

// UnmarshalJSON reads a DiskInfo, and its ChargeType from its period.
func (d *Disk) UnmarshalJSON(b []byte) error {
	type diskInfo Disk
	var w struct {
		diskInfo
		Period *int64 `json:"period"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*d = Disk(w.diskInfo)
	d.ChargeType = "POSTPAID"
	if w.Period != nil && *w.Period > 0 {
		d.ChargeType = "PREPAID"
	}
	return nil
}

// CreateDisksRequest is the input of CreateDisks.
type CreateDisksRequest struct {
	ZoneID          string          `json:"zoneId"`
	DiskName        string          `json:"diskName,omitempty"`
	DiskSize        int64           `json:"diskSize"`
	DiskAmount      int             `json:"diskAmount,omitempty"`
	DiskCategory    string          `json:"diskCategory,omitempty"`
	InstanceID      string          `json:"instanceId,omitempty"`
	SnapshotID      string          `json:"snapshotId,omitempty"`
	ResourceGroupID string          `json:"resourceGroupId,omitempty"`
	Tags            *TagAssociation `json:"tags,omitempty"`
	BurstingEnabled *bool           `json:"burstingEnabled,omitempty"`
}

type createDisksResponse struct {
	DiskIDs     []string `json:"diskIds"`
	OrderNumber string   `json:"orderNumber"`
}

// CreateDisks creates disks and returns their ids. It is never retried
// after an ambiguous failure: the API has no idempotency token.
func (c *Client) CreateDisks(ctx context.Context, in CreateDisksRequest) ([]string, error) {
	var out createDisksResponse
	if err := c.Call(ctx, ZEC, "CreateDisks", in, &out, NotIdempotent()); err != nil {
		return nil, err
	}
	return out.DiskIDs, answeredIDs(ZEC, "CreateDisks", max(in.DiskAmount, 1), "disks", out.DiskIDs)
}

// DescribeDisksRequest is the input of DescribeDisks.
type DescribeDisksRequest struct {
	DiskIDs         []string `json:"diskIds,omitempty"`
	DiskName        string   `json:"diskName,omitempty"`
	DiskStatus      string   `json:"diskStatus,omitempty"`
	DiskType        string   `json:"diskType,omitempty"`
	DiskCategory    string   `json:"diskCategory,omitempty"`
	InstanceID      string   `json:"instanceId,omitempty"`
	ZoneID          string   `json:"zoneId,omitempty"`
	ResourceGroupID string   `json:"resourceGroupId,omitempty"`
	TagFilters
	Paging
}

// AttachDisk attaches a data disk to an instance (AttachDisks). It is not
// retried blindly: a second AttachDisks of a disk the first one attaches
// is refused (UNSUPPORTED_OPERATION_DISK_ATTACHED); after a lost answer
// the disk is read (sendDisk), and a disk attaching or attached to the
// instance confirms it.
func (c *Client) AttachDisk(ctx context.Context, instanceID, diskID string) error {
	return c.sendDisk(ctx, "AttachDisks", diskID, func(ctx context.Context) error {
		return c.Call(ctx, ZEC, "AttachDisks", map[string]any{"diskIds": []string{diskID}, "instanceId": instanceID}, nil, NotIdempotent())
	}, func(d *Disk) bool {
		return d.InstanceID == instanceID && (d.DiskStatus == DiskStatusAttaching || d.DiskStatus == DiskStatusInUse)
	})
}

// DetachDisk detaches a data disk (DetachDisks). With instanceCheck the
// API detaches only from a stopped instance. A disk the API lists as
// failed is an error. After a lost answer the disk is read (sendDisk), and
// a disk detaching or detached confirms it.
func (c *Client) DetachDisk(ctx context.Context, instanceCheck bool, diskID string) error {
	var out struct {
		FailedDiskIDs []string `json:"failedDiskIds"`
		RequestID     string   `json:"requestId"`
	}
	err := c.sendDisk(ctx, "DetachDisks", diskID, func(ctx context.Context) error {
		return c.Call(ctx, ZEC, "DetachDisks", map[string]any{"diskIds": []string{diskID}, "instanceCheckFlag": instanceCheck}, &out, NotIdempotent())
	}, func(d *Disk) bool {
		return d.DiskStatus == DiskStatusDetaching || (d.InstanceID == "" && d.DiskStatus == DiskStatusAvailable)
	})
	if err != nil {
		return err
	}
	if len(out.FailedDiskIDs) > 0 {
		return &BatchError{Action: "DetachDisks", FailedIDs: out.FailedDiskIDs, RequestID: out.RequestID}
	}
	return nil
}

// ResizeDisk grows a disk to size GiB. It is not retried blindly: a second
// ResizeDisk of a disk the first one is resizing (CHANGING) is refused;
// after a lost answer the disk is read (sendDisk), and a disk CHANGING or
// of the size confirms it.
func (c *Client) ResizeDisk(ctx context.Context, id string, size int64) error {
	return c.sendDisk(ctx, "ResizeDisk", id, func(ctx context.Context) error {
		return c.Call(ctx, ZEC, "ResizeDisk", map[string]any{"diskId": id, "diskSize": size}, nil, NotIdempotent())
	}, func(d *Disk) bool { return d.DiskStatus == DiskStatusChanging || d.DiskSize >= size })
}

// RenameDisks renames disks.
func (c *Client) RenameDisks(ctx context.Context, name string, diskIDs ...string) error {
	return c.Call(ctx, ZEC, "ModifyDisksAttributes", map[string]any{"diskIds": diskIDs, "diskName": name}, nil)
}

// ReleaseDisk releases a data disk. Depending on the account it is freed at
// once or moved to the recycle bin; a recycled disk is freed by a second
// call. So it is never sent twice blindly: after a lost answer the disk is
// read, and the call is sent again only if the disk is still where the call
// found it (see releaseOnce).
func (c *Client) ReleaseDisk(ctx context.Context, id string) error {
	return diskKind.releaseOne(ctx, c, ZEC, "ReleaseDisk", "diskId", id)
}

// ErrBootDisk is returned for an operation a boot (system) disk does not support.
var ErrBootDisk = errors.New("the disk is a boot (system) disk")
