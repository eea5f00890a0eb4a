package zenlayer

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// BMC instance statuses (DescribeInstances' instanceStatus).
const (
	BMCStatusPending       = "PENDING"
	BMCStatusCreating      = "CREATING"
	BMCStatusCreateFailed  = "CREATE_FAILED"
	BMCStatusInstalling    = "INSTALLING"
	BMCStatusInstallFailed = "INSTALL_FAILED"
	BMCStatusRunning       = "RUNNING"
	BMCStatusStopping      = "STOPPING"
	BMCStatusStopped       = "STOPPED"
	BMCStatusBooting       = "BOOTING"
	BMCStatusRecycling     = "RECYCLING"
	BMCStatusRecycle       = "RECYCLE"
	BMCStatusReleasing     = "RELEASING"
)

// BMCStatuses lists every instance status, in lifecycle order.
var BMCStatuses = []string{
	BMCStatusPending, BMCStatusCreating, BMCStatusCreateFailed, BMCStatusInstalling, BMCStatusInstallFailed,
	BMCStatusRunning, BMCStatusStopping, BMCStatusStopped, BMCStatusBooting, BMCStatusRecycling, BMCStatusRecycle,
	BMCStatusReleasing,
}

// BMC charge types.
const (
	BMCChargePrepaid  = "PREPAID"
	BMCChargePostpaid = "POSTPAID"

	BMCInternetByBandwidth           = "ByBandwidth"
	BMCInternetByTrafficPackage      = "ByTrafficPackage"
	BMCInternetByInstanceBandwidth95 = "ByInstanceBandwidth95"
	BMCInternetByClusterBandwidth95  = "ByClusterBandwidth95"
)

// BMCInternetChargeTypes lists the internetChargeType values of API 2022-11-20.
var BMCInternetChargeTypes = []string{
	BMCInternetByBandwidth, BMCInternetByTrafficPackage, BMCInternetByInstanceBandwidth95, BMCInternetByClusterBandwidth95,
}

// BMCRaidConfig is a fast RAID (RaidType) or custom RAIDs, not both.
type BMCRaidConfig struct {
	RaidType    *int            `json:"raidType,omitempty"`
	CustomRaids []BMCCustomRaid `json:"customRaids,omitempty"`
}

// BMCCustomRaid is one RAID over disks numbered from 1.
type BMCCustomRaid struct {
	RaidType     int   `json:"raidType"`
	DiskSequence []int `json:"diskSequence"`
}

// BMCPartition is one partition (size in GB; the last may be 0 to take the rest).
type BMCPartition struct {
	FsPath string `json:"fsPath"`
	FsType string `json:"fsType"`
	Size   int    `json:"size,omitempty"`
}

// BMCNic names the public (WAN) and private (LAN) interfaces.
type BMCNic struct {
	WanName string `json:"wanName,omitempty"`
	LanName string `json:"lanName,omitempty"`
}

// BMCInstanceType is an instance type as DescribeInstanceTypes answers it.
type BMCInstanceType struct {
	ImageIDs         []string `json:"imageIds"`
	InstanceTypeID   string   `json:"instanceTypeId"`
	Description      string   `json:"description"`
	CPUCoreCount     int      `json:"cpuCoreCount"`
	MemorySize       int      `json:"memorySize"`
	MaximumBandwidth int      `json:"maximumBandwidth"`
	SupportRaids     []int    `json:"supportRaids"`
	SupportSubnet    bool     `json:"supportSubnet"`
	IsHA             bool     `json:"isHA"`
	DiskInfo         struct {
		TotalDiskSize   int    `json:"totalDiskSize"`
		DiskDescription string `json:"diskDescription"`
		Disks           []struct {
			DiskSize  int `json:"diskSize"`
			DiskCount int `json:"diskCount"`
		} `json:"disks"`
	} `json:"diskInfo"`
}

// BMCInstance is a bare metal instance as DescribeInstances answers it.
type BMCInstance struct {
	InstanceID             string   `json:"instanceId"`
	ZoneID                 string   `json:"zoneId"`
	InstanceName           string   `json:"instanceName"`
	Hostname               string   `json:"hostname"`
	InstanceTypeID         string   `json:"instanceTypeId"`
	ImageID                string   `json:"imageId"`
	ImageName              string   `json:"imageName"`
	IpxeURL                string   `json:"ipxeUrl"`
	InstanceChargeType     string   `json:"instanceChargeType"`
	BandwidthOutMbps       int64    `json:"bandwidthOutMbps"`
	TrafficPackageSize     *float64 `json:"trafficPackageSize"`
	InternetChargeType     string   `json:"internetChargeType"`
	Period                 *int64   `json:"period"`
	PrimaryPublicIPAddress string   `json:"primaryPublicIpAddress"`
	PublicIPAddresses      []string `json:"publicIpAddresses"`
	PrivateIPAddresses     []string `json:"privateIpAddresses"`
	IPv6Addresses          []string `json:"ipv6Addresses"`
	SubnetIDs              []string `json:"subnetIds"`
	ResourceInfo
	ResourceGroupName string         `json:"resourceGroupName"`
	InstanceStatus    string         `json:"instanceStatus"`
	Partitions        []BMCPartition `json:"partitions"`
	RaidConfig        *BMCRaidConfig `json:"raidConfig"`
	Nic               *BMCNic        `json:"nic"`
	AutoRenew         bool           `json:"autoRenew"`

	// KeyID is the key pair installed, when the API reports it.
	KeyID string `json:"keyId"`
}

// CreateBMCInstancesRequest is the input of CreateInstances.
type CreateBMCInstancesRequest struct {
	ZoneID                  string            `json:"zoneId"`
	InstanceChargeType      string            `json:"instanceChargeType"`
	InstanceChargePrepaid   *BMCPrepaidCharge `json:"instanceChargePrepaid,omitempty"`
	InstanceTypeID          string            `json:"instanceTypeId"`
	ImageID                 string            `json:"imageId,omitempty"`
	IpxeURL                 string            `json:"ipxeUrl,omitempty"`
	ResourceGroupID         string            `json:"resourceGroupId,omitempty"`
	InstanceName            string            `json:"instanceName,omitempty"`
	Hostname                string            `json:"hostname,omitempty"`
	Amount                  int               `json:"amount,omitempty"`
	Password                string            `json:"password,omitempty"` // #nosec G117 -- the API's field name; never logged
	SSHKeys                 []string          `json:"sshKeys,omitempty"`
	InternetChargeType      string            `json:"internetChargeType"`
	InternetMaxBandwidthOut int64             `json:"internetMaxBandwidthOut,omitempty"`
	TrafficPackageSize      *float64          `json:"trafficPackageSize,omitempty"`
	SubnetID                string            `json:"subnetId,omitempty"`
	RaidConfig              *BMCRaidConfig    `json:"raidConfig,omitempty"`
	Partitions              []BMCPartition    `json:"partitions,omitempty"`
	Nic                     *BMCNic           `json:"nic,omitempty"`
	// Tags mark the instances (SDK bmc20221120 CreateInstancesRequest.Tags,
	// wrapped as {"tags": [...]} like every API 2.0 create).
	Tags *TagAssociation `json:"tags,omitempty"`

	// KeyID is the id of one of the account's SSH key pairs: the API's
	// replacement of the deprecated SSHKeys (at most one of Password,
	// SSHKeys and KeyID).
	KeyID string `json:"keyId,omitempty"`
	// UserData is run at the first boot (CreateInstancesRequest.UserData,
	// at most 32 KB); the API never reports it.
	UserData string `json:"userData,omitempty"`
}

// BMCPrepaidCharge is the subscription of a PREPAID instance.
type BMCPrepaidCharge struct {
	// Period in months.
	Period int64 `json:"period"`
}

// CreateBMCInstances orders instances and returns their ids. It is never
// retried after an ambiguous failure: the API has no idempotency token and a
// second order would buy a second machine.
func (c *Client) CreateBMCInstances(ctx context.Context, in CreateBMCInstancesRequest) ([]string, error) {
	var out struct {
		InstanceIDSet []string `json:"instanceIdSet"`
		OrderNumber   string   `json:"orderNumber"`
	}
	if err := c.Call(ctx, BMC, "CreateInstances", in, &out, NotIdempotent(), Secret(in.Password)); err != nil {
		return nil, err
	}
	return out.InstanceIDSet, answeredIDs(BMC, "CreateInstances", max(in.Amount, 1), "instances", out.InstanceIDSet, out.OrderNumber)
}

// DescribeBMCInstancesRequest is the input of DescribeInstances. InstanceName
// and Hostname match exactly, or as a prefix with a trailing "*".
type DescribeBMCInstancesRequest struct {
	InstanceIDs        []string `json:"instanceIds,omitempty"`
	ZoneID             string   `json:"zoneId,omitempty"`
	ResourceGroupID    string   `json:"resourceGroupId,omitempty"`
	InstanceTypeID     string   `json:"instanceTypeId,omitempty"`
	InternetChargeType string   `json:"internetChargeType,omitempty"`
	ImageID            string   `json:"imageId,omitempty"`
	SubnetID           string   `json:"subnetId,omitempty"`
	InstanceStatus     string   `json:"instanceStatus,omitempty"`
	InstanceName       string   `json:"instanceName,omitempty"`
	Hostname           string   `json:"hostname,omitempty"`
	PublicIPAddresses  []string `json:"publicIpAddresses,omitempty"`
	PrivateIPAddresses []string `json:"privateIpAddresses,omitempty"`
	TagFilters
	// PageNum and PageSize: Paging's fields, in the order this request
	// has always sent them.
	PageNum  int `json:"pageNum,omitempty"`
	PageSize int `json:"pageSize,omitempty"`
}

// ReleaseBMCInstance releases one recycled instance. Concurrent releases
// are sent as one ReleaseInstances of up to 100 ids; each caller gets its
// own instance's error. It is never sent twice blindly: after a lost answer
// the instance is read, and the release is sent again only if the instance
// is still where the call found it (see releaseOnce).
func (c *Client) ReleaseBMCInstance(ctx context.Context, id string) error {
	return bmcInstanceKind.releaseBatched(ctx, c, id, c.bmcRelease)
}

// releaseBMCInstancesByID is the batched call behind ReleaseBMCInstance.
func (c *Client) releaseBMCInstancesByID(ctx context.Context, ids []string) (map[string]Outcome[struct{}], error) {
	return batchOutcomes[*BMCReleaseError](ids, c.ReleaseBMCInstances(ctx, ids...))
}

// batchBMC calls a batch action on ids, at most 100 a call.
func (c *Client) batchBMC(ctx context.Context, action string, ids []string, extra map[string]any) error {
	if len(ids) == 0 {
		return fmt.Errorf("zenlayer bmc %s: no instance ids", action)
	}
	for part := range slices.Chunk(ids, MaxIDsPerCall) {
		in := map[string]any{"instanceIds": part}
		for k, v := range extra {
			in[k] = v
		}
		if err := c.Call(ctx, BMC, action, in, nil); err != nil {
			return err
		}
	}
	return nil
}

// StartBMCInstances powers on STOPPED instances (BOOTING → RUNNING).
func (c *Client) StartBMCInstances(ctx context.Context, ids ...string) error {
	return c.batchBMC(ctx, "StartInstances", ids, nil)
}

// StopBMCInstances powers off RUNNING instances (STOPPING → STOPPED).
func (c *Client) StopBMCInstances(ctx context.Context, ids ...string) error {
	return c.batchBMC(ctx, "StopInstances", ids, nil)
}

// RenameBMCInstances sets the name of instances (ModifyInstancesAttribute;
// the name is the only attribute it changes).
func (c *Client) RenameBMCInstances(ctx context.Context, name string, ids ...string) error {
	return c.batchBMC(ctx, "ModifyInstancesAttribute", ids, map[string]any{"instanceName": name})
}

// TerminateBMCInstance returns an instance: a POSTPAID one goes to the
// recycle bin (RECYCLING → RECYCLE) for 24 hours, a CREATE_FAILED one is
// deleted at once, and a PREPAID one has its subscription cancelled and is
// returned when it expires. It is never sent twice blindly: after a lost
// answer the instance is read, and the call is sent again only if the
// instance is still where the call found it (see releaseOnce; a PREPAID
// instance stays RUNNING, and cancelling its renewal again is harmless).
func (c *Client) TerminateBMCInstance(ctx context.Context, id string) error {
	return bmcInstanceKind.releaseOne(ctx, c, BMC, "TerminateInstance", "instanceId", id)
}

// ReleaseBMCInstances frees instances that are in the recycle bin
// (RELEASING → gone), any number of them, at most 100 a call. The API
// refuses a whole call for one bad id; the client then asks id by id, so
// that every other instance is released and the error names each failure.
// The error is a *BMCReleaseError (For(id) gives one instance's error).
// Calls are sent NotIdempotent, and a call whose outcome is unknown is not
// re-sent here (ReleaseBMCInstance reads the instance to decide).
func (c *Client) ReleaseBMCInstances(ctx context.Context, ids ...string) error {
	if len(ids) == 0 {
		return errors.New("zenlayer bmc ReleaseInstances: no instance ids")
	}
	failures := map[string]error{}
	for part := range slices.Chunk(slices.Compact(slices.Sorted(slices.Values(ids))), MaxIDsPerCall) {
		err := c.Call(ctx, BMC, "ReleaseInstances", map[string]any{"instanceIds": part}, nil, NotIdempotent())
		if err == nil {
			continue
		}
		var ae *APIError
		if len(part) == 1 || !errors.As(err, &ae) || !slices.Contains(bmcPerInstanceCodes, ae.Code) {
			for _, id := range part {
				failures[id] = err
			}
			continue
		}
		for _, id := range part {
			if err := c.Call(ctx, BMC, "ReleaseInstances", map[string]any{"instanceIds": []string{id}}, nil, NotIdempotent()); err != nil {
				failures[id] = err
			}
		}
	}
	if len(failures) > 0 {
		return &BMCReleaseError{Failures: failures}
	}
	return nil
}

// BMCZone is a zone as DescribeZones answers it.
type BMCZone struct {
	ZoneID   string `json:"zoneId"`
	ZoneName string `json:"zoneName"`
	CityName string `json:"cityName"`
	AreaName string `json:"areaName"`
}

// DescribeBMCZones lists the zones that sell bare metal.
func (c *Client) DescribeBMCZones(ctx context.Context) ([]BMCZone, error) {
	return describeList[BMCZone](ctx, c, BMC, "DescribeZones", "zoneSet", map[string]any{})
}

// DescribeBMCInstanceTypesRequest filters DescribeInstanceTypes.
type DescribeBMCInstanceTypesRequest struct {
	ImageID             string   `json:"imageId,omitempty"`
	InstanceTypeIDs     []string `json:"instanceTypeIds,omitempty"`
	MinimumCPUCoreCount *int64   `json:"minimumCpuCoreCount,omitempty"`
	MaximumCPUCoreCount *int64   `json:"maximumCpuCoreCount,omitempty"`
	MinimumMemorySize   *int64   `json:"minimumMemorySize,omitempty"`
	MaximumMemorySize   *int64   `json:"maximumMemorySize,omitempty"`
	MinimumBandwidth    *int64   `json:"minimumBandwidth,omitempty"`
	SupportRaids        []int64  `json:"supportRaids,omitempty"`
	SupportSubnet       *bool    `json:"supportSubnet,omitempty"`
	MinimumDiskSize     *int64   `json:"minimumDiskSize,omitempty"`
	MaximumDiskSize     *int64   `json:"maximumDiskSize,omitempty"`
	IsHA                *bool    `json:"isHA,omitempty"`
}

// DescribeBMCInstanceTypes lists instance types.
func (c *Client) DescribeBMCInstanceTypes(ctx context.Context, in DescribeBMCInstanceTypesRequest) ([]BMCInstanceType, error) {
	return describeList[BMCInstanceType](ctx, c, BMC, "DescribeInstanceTypes", "instanceTypes", in)
}

// BMCImage is an operating system image.
type BMCImage struct {
	ImageID   string `json:"imageId"`
	ImageName string `json:"imageName"`
	Catalog   string `json:"catalog"`
	ImageType string `json:"imageType"`
	OSType    string `json:"osType"`
}

// DescribeBMCImagesRequest filters DescribeImages.
type DescribeBMCImagesRequest struct {
	ImageIDs       []string `json:"imageIds,omitempty"`
	ImageName      string   `json:"imageName,omitempty"`
	Catalog        string   `json:"catalog,omitempty"`
	OSType         string   `json:"osType,omitempty"`
	InstanceTypeID string   `json:"instanceTypeId,omitempty"`
	ImageType      string   `json:"imageType,omitempty"`
}

// DescribeBMCImages lists images.
func (c *Client) DescribeBMCImages(ctx context.Context, in DescribeBMCImagesRequest) ([]BMCImage, error) {
	return describeList[BMCImage](ctx, c, BMC, "DescribeImages", "images", in)
}
