package zenlayer

import (
	"context"
	"fmt"
	"slices"
)

// ZEC instance statuses. The StartInstances document says an instance
// being started is STARTING while the DescribeInstances enum says BOOTING:
// both mean "starting".
const (
	InstanceStatusPending         = "PENDING"
	InstanceStatusDeploying       = "DEPLOYING"
	InstanceStatusCreateFailed    = "CREATE_FAILED"
	InstanceStatusRunning         = "RUNNING"
	InstanceStatusStopping        = "STOPPING"
	InstanceStatusStopped         = "STOPPED"
	InstanceStatusStarting        = "STARTING"
	InstanceStatusBooting         = "BOOTING"
	InstanceStatusReboot          = "REBOOT"
	InstanceStatusRebuilding      = "REBUILDING"
	InstanceStatusReinstallFailed = "REINSTALL_FAILED"
	InstanceStatusImaging         = "IMAGING"
	InstanceStatusResizing        = "RESIZING"
	InstanceStatusReleasing       = "RELEASING"
	InstanceStatusRecycling       = "RECYCLING"
	InstanceStatusRecycle         = "RECYCLE"
)

// Error codes of the ZEC instance actions.
const (
	// CodeInstanceInOperation: the instance is performing another operation (StartInstances document).
	CodeInstanceInOperation = "OPERATION_DENIED_INSTANCE_IN_OPERATION"
	// CodeUnsupportedInstanceStatus: the action is not supported in the instance's current status.
	CodeUnsupportedInstanceStatus = "UNSUPPORTED_OPERATION_INSTANCE_STATUS"
	// CodePasswordMalformed: the password does not meet the password policy.
	CodePasswordMalformed = "INVALID_PASSWORD_MALFORMED"
)

// Instance is a ZEC instance as DescribeInstances returns it.
type Instance struct {
	InstanceID         string         `json:"instanceId"`
	InstanceName       string         `json:"instanceName"`
	ZoneID             string         `json:"zoneId"`
	InstanceType       string         `json:"instanceType"`
	CPU                int64          `json:"cpu"`
	Memory             int64          `json:"memory"`
	ImageID            string         `json:"imageId"`
	ImageName          string         `json:"imageName"`
	TimeZone           string         `json:"timeZone"`
	NicNetworkType     string         `json:"nicNetworkType"`
	Status             string         `json:"status"`
	SystemDisk         *InstanceDisk  `json:"systemDisk"`
	DataDisks          []InstanceDisk `json:"dataDisks"`
	PublicIPAddresses  []string       `json:"publicIpAddresses"`
	PrivateIPAddresses []string       `json:"privateIpAddresses"`
	KeyID              string         `json:"keyId"`
	SubnetID           string         `json:"subnetId"`
	SecurityGroupID    string         `json:"securityGroupId"`
	EnableAgent        bool           `json:"enableAgent"`
	EnableIPForward    bool           `json:"enableIpForward"`
	ResourceInfo
	ResourceGroupName string `json:"resourceGroupName"`
	// Nics are the instance's vNICs, its primary one first (version 2025-09-01).
	Nics []InstanceNic `json:"nics"`
	// InstanceOptions is null in version 2024-04-01.
	InstanceOptions *InstanceOptions `json:"instanceOptions"`
}

// InstanceNic is a vNIC as DescribeInstances lists it (NicInfo).
type InstanceNic struct {
	NicID           string `json:"nicId"`
	Name            string `json:"name"`
	NicType         string `json:"nicType"`
	PrimaryIPv4     string `json:"primaryIpv4"`
	SecurityGroupID string `json:"securityGroupId"`
}

// InstanceOptions are the instanceOptions of a create and of an instance.
type InstanceOptions struct {
	NestedVirtualization *bool `json:"nestedVirtualization,omitempty"`
}

// InstanceDisk is a disk as DescribeInstances lists it in systemDisk / dataDisks.
type InstanceDisk struct {
	DiskID       string `json:"diskId"`
	DiskName     string `json:"diskName"`
	DiskSize     int64  `json:"diskSize"`
	DiskCategory string `json:"diskCategory"`
	Portable     *bool  `json:"portable"`
}

// SystemDiskSpec is the systemDisk of a CreateZecInstances request.
type SystemDiskSpec struct {
	DiskSize     int64  `json:"diskSize,omitempty"`
	DiskCategory string `json:"diskCategory,omitempty"`
}

// DataDiskSpec is one entry of the dataDisks of a CreateZecInstances request.
type DataDiskSpec struct {
	DiskSize     int64  `json:"diskSize"`
	DiskAmount   int    `json:"diskAmount,omitempty"`
	DiskCategory string `json:"diskCategory,omitempty"`
}

// CreateZecInstancesRequest is the input of CreateZecInstances.
type CreateZecInstancesRequest struct {
	ZoneID             string          `json:"zoneId"`
	ImageID            string          `json:"imageId"`
	InstanceType       string          `json:"instanceType"`
	SubnetID           string          `json:"subnetId"`
	InstanceCount      int             `json:"instanceCount"`
	InstanceName       string          `json:"instanceName,omitempty"`
	TimeZone           string          `json:"timeZone,omitempty"`
	Password           string          `json:"password,omitempty"`
	KeyID              string          `json:"keyId,omitempty"`
	SystemDisk         *SystemDiskSpec `json:"systemDisk,omitempty"`
	DataDisks          []DataDiskSpec  `json:"dataDisks,omitempty"`
	SecurityGroupID    string          `json:"securityGroupId,omitempty"`
	LanIP              string          `json:"lanIp,omitempty"`
	InternetChargeType string          `json:"internetChargeType,omitempty"`
	Bandwidth          int64           `json:"bandwidth,omitempty"`
	ResourceGroupID    string          `json:"resourceGroupId,omitempty"`
	Tags               *TagAssociation `json:"tags,omitempty"`
	UserData           string          `json:"userData,omitempty"`
	// The fields below are version 2025-09-01's (zec20250901 CreateZecInstancesRequest).
	EnableAgent        *bool            `json:"enableAgent,omitempty"`
	EnableIPForward    *bool            `json:"enableIpForward,omitempty"`
	TrafficPackageSize *float64         `json:"trafficPackageSize,omitempty"`
	EIPBindType        string           `json:"eipBindType,omitempty"`
	NetworkLineType    string           `json:"networkLineType,omitempty"`
	IPStackType        string           `json:"ipStackType,omitempty"`
	ClusterID          string           `json:"clusterId,omitempty"`
	IPv6ClusterID      string           `json:"ipv6ClusterId,omitempty"`
	InstanceOptions    *InstanceOptions `json:"instanceOptions,omitempty"`
}

// String never shows the password (requests may end up in logs or errors).
func (r CreateZecInstancesRequest) String() string {
	r.Password = redacted(r.Password)
	r.UserData = redacted(r.UserData)
	type plain CreateZecInstancesRequest
	return fmt.Sprintf("%+v", plain(r))
}

func redacted(s string) string {
	if s == "" {
		return ""
	}
	return "(redacted)"
}

// CreatedInstance is one instance a CreateZecInstances call made.
type CreatedInstance struct {
	InstanceID string `json:"instanceId"`
	// DiskIDSet holds the data disks created with the instance.
	DiskIDSet []string `json:"diskIdSet"`
}

// CreateZecInstancesResult is the output of CreateZecInstances.
type CreateZecInstancesResult struct {
	OrderNumber   string            `json:"orderNumber"`
	InstanceIDSet []string          `json:"instanceIdSet"`
	Instances     []CreatedInstance `json:"instances"`
}

// CreateZecInstances creates instances. It is never retried after an
// ambiguous failure: the API has no idempotency token. When the API
// answers fewer ids than asked for, the ids it did answer are returned
// with the error, so that the caller can keep track of them.
func (c *Client) CreateZecInstances(ctx context.Context, in CreateZecInstancesRequest) (*CreateZecInstancesResult, error) {
	if in.InstanceCount == 0 {
		in.InstanceCount = 1
	}
	var out CreateZecInstancesResult
	if err := c.Call(ctx, ZEC, "CreateZecInstances", in, &out, NotIdempotent(), Secret(in.Password)); err != nil {
		return nil, err
	}
	return &out, answeredIDs(ZEC, "CreateZecInstances", in.InstanceCount, "instances", out.InstanceIDSet, out.OrderNumber)
}

// DescribeInstancesRequest is the input of DescribeInstances. All filters are combined.
type DescribeInstancesRequest struct {
	InstanceIDs     []string `json:"instanceIds,omitempty"`
	ZoneID          string   `json:"zoneId,omitempty"`
	ImageID         string   `json:"imageId,omitempty"`
	IPv4Address     string   `json:"ipv4Address,omitempty"`
	Status          string   `json:"status,omitempty"`
	Name            string   `json:"name,omitempty"`
	ResourceGroupID string   `json:"resourceGroupId,omitempty"`
	TagFilters
	Paging
}

// ReleaseZECInstance releases one instance, keeping its data disks (they
// are detached and stay AVAILABLE). Concurrent releases are sent as one
// ReleaseInstances of up to 100 ids; an id the API answers as failed is a
// *BatchError for that id only. It is never sent twice blindly: after a
// lost answer the instance is read, and the release is sent again only if
// the instance is still where the call found it (see releaseOnce).
func (c *Client) ReleaseZECInstance(ctx context.Context, id string) error {
	return zecInstanceKind.releaseBatched(ctx, c, id, c.zecRelease)
}

// releaseZECInstancesByID is the batched call behind ReleaseZECInstance.
func (c *Client) releaseZECInstancesByID(ctx context.Context, ids []string) (map[string]Outcome[struct{}], error) {
	return batchOutcomes[*BatchError](ids, c.ReleaseInstances(ctx, ReleaseInstancesRequest{InstanceIDs: ids, KeepDataDisks: true}))
}

// InstanceStatus is one entry of DescribeInstancesStatus.
type InstanceStatus struct {
	InstanceID     string `json:"instanceId"`
	InstanceStatus string `json:"instanceStatus"`
}

// DescribeInstancesStatus returns the status of the given instances (of
// every instance when ids is empty), following the pages and splitting more
// than 100 ids over several calls. Unknown ids are simply absent.
func (c *Client) DescribeInstancesStatus(ctx context.Context, ids ...string) ([]InstanceStatus, error) {
	return describeAll[InstanceStatus](ctx, c, ZEC, "DescribeInstancesStatus", ids, func(ids []string, pageNum int) any {
		in := map[string]any{"pageSize": maxPageSize, "pageNum": pageNum}
		if len(ids) > 0 {
			in["instanceIds"] = ids
		}
		return in
	})
}

// batchInstances calls a batch action on ids, at most 100 a call, and
// turns the ids the API answers as failed into a *BatchError.
func (c *Client) batchInstances(ctx context.Context, action string, ids []string, extra map[string]any, opts ...CallOption) error {
	if len(ids) == 0 {
		return nil
	}
	var failed []string
	requestID := ""
	for part := range slices.Chunk(ids, MaxIDsPerCall) {
		in := map[string]any{"instanceIds": part}
		for k, v := range extra {
			in[k] = v
		}
		var out struct {
			InstanceIDs []string `json:"instanceIds"`
			RequestID   string   `json:"requestId"`
		}
		if err := c.Call(ctx, ZEC, action, in, &out, opts...); err != nil {
			return err
		}
		if len(out.InstanceIDs) > 0 {
			failed = append(failed, out.InstanceIDs...)
			requestID = out.RequestID
		}
	}
	if len(failed) > 0 {
		return &BatchError{Action: action, FailedIDs: failed, RequestID: requestID}
	}
	return nil
}

// StartInstances starts STOPPED instances (STARTING → RUNNING). The ids the
// API answers as failed to start come back as a *BatchError.
func (c *Client) StartInstances(ctx context.Context, ids ...string) error {
	return c.batchInstances(ctx, "StartInstances", ids, nil)
}

// StopInstances stops RUNNING instances (STOPPING → STOPPED). force asks
// for a forced power-off rather than a shutdown through the guest. The ids
// the API answers as failed come back as a *BatchError.
func (c *Client) StopInstances(ctx context.Context, force bool, ids ...string) error {
	return c.batchInstances(ctx, "StopInstances", ids, map[string]any{"forceShutdown": force})
}

// ReleaseInstancesRequest is the input of ReleaseInstances.
type ReleaseInstancesRequest struct {
	InstanceIDs []string
	// KeepDataDisks sends dependResource = false: the data disks attached
	// to the instances are detached and kept (the API's default releases
	// them with the instance). Providers that manage disks as resources of
	// their own set it.
	KeepDataDisks bool
}

// ReleaseInstances releases instances. Depending on the account they are
// freed at once or moved to the recycle bin (RECYCLING → RECYCLE); a
// recycled instance is freed by a second call. The ids the API answers as
// failed come back as a *BatchError. It is sent NotIdempotent: a call whose
// answer was lost is not re-sent here (ReleaseZECInstance reads the
// instance to decide).
func (c *Client) ReleaseInstances(ctx context.Context, in ReleaseInstancesRequest) error {
	var extra map[string]any
	if in.KeepDataDisks {
		extra = map[string]any{"dependResource": false}
	}
	return c.batchInstances(ctx, "ReleaseInstances", in.InstanceIDs, extra, NotIdempotent())
}

// ModifyInstancesAttribute renames instances (at most 100 a call; the
// client splits longer lists).
func (c *Client) ModifyInstancesAttribute(ctx context.Context, name string, ids ...string) error {
	for part := range slices.Chunk(ids, MaxIDsPerCall) {
		if err := c.Call(ctx, ZEC, "ModifyInstancesAttribute", map[string]any{"instanceIds": part, "instanceName": name}, nil); err != nil {
			return err
		}
	}
	return nil
}
