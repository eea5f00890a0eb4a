package zenlayer

import (
	"context"
	"slices"
)

// The BMC actions that change an instance in place (zenlayercloud-sdk-go
// v0.2.40 bmc20221120 client.go: ReinstallInstance, ModifyInstanceBandwidth,
// ModifyInstanceTrafficPackage, AssociateSubnetInstances,
// UnAssociateSubnetInstance). None takes an idempotency token, and each
// has a cost when it is done twice (a second reinstall wipes the disks
// again, a second bandwidth order is a second order), so each is sent
// NotIdempotent, once, through sendOnceBMC.

// ReinstallBMCInstanceRequest is the input of ReinstallInstance (SDK
// ReinstallInstanceRequest). Without ImageID the API installs the current
// image again; at most one of Password, KeyID and SSHKeys.
type ReinstallBMCInstanceRequest struct {
	InstanceID string         `json:"instanceId"`
	ImageID    string         `json:"imageId,omitempty"`
	Hostname   string         `json:"hostname,omitempty"`
	Password   string         `json:"password,omitempty"` // #nosec G117 -- the API's field name; never logged
	KeyID      string         `json:"keyId,omitempty"`
	SSHKeys    []string       `json:"sshKeys,omitempty"`
	RaidConfig *BMCRaidConfig `json:"raidConfig,omitempty"`
	Partitions []BMCPartition `json:"partitions,omitempty"`
	Nic        *BMCNic        `json:"nic,omitempty"`
	UserData   string         `json:"userData,omitempty"`
}

// ReinstallBMCInstance installs the machine again (INSTALLING → RUNNING,
// or INSTALL_FAILED): its disks are wiped. It is sent once: after a lost
// answer the machine is read, and INSTALLING (or INSTALL_FAILED) confirms
// that the call took effect; otherwise the error is an
// *OutcomeUnknownError and the call is not sent again.
func (c *Client) ReinstallBMCInstance(ctx context.Context, in ReinstallBMCInstanceRequest) error {
	return c.sendOnceBMC(ctx, "ReinstallInstance", in.InstanceID, func(ctx context.Context) error {
		return c.Call(ctx, BMC, "ReinstallInstance", in, nil, NotIdempotent(), Secret(in.Password))
	}, func(_ context.Context, inst *BMCInstance) bool {
		return inst.InstanceStatus == BMCStatusInstalling || inst.InstanceStatus == BMCStatusInstallFailed
	})
}

// ModifyBMCInstanceBandwidth sets the public bandwidth of a RUNNING
// instance (Mbps), in the background (Processing); a PREPAID machine's
// decrease is ordered for the next billing cycle. After a lost answer, the
// bandwidth read back, or the change being made or waiting in the
// internet status, confirms it.
func (c *Client) ModifyBMCInstanceBandwidth(ctx context.Context, id string, mbps int64) error {
	pending := c.internetShows(id, func(s *BMCInternetStatus) bool {
		bw, ordered := s.PendingBandwidth()
		if changing, ok := s.ChangingBandwidth(); ok {
			bw, ordered = changing, true
		}
		return ordered && bw == mbps
	})
	return c.sendOnceBMC(ctx, "ModifyInstanceBandwidth", id, func(ctx context.Context) error {
		return c.Call(ctx, BMC, "ModifyInstanceBandwidth", map[string]any{"instanceId": id, "bandwidthOutMbps": mbps}, nil, NotIdempotent())
	}, func(ctx context.Context, inst *BMCInstance) bool {
		return inst.BandwidthOutMbps == mbps || pending(ctx, inst)
	})
}

// ModifyBMCInstanceTrafficPackage sets the traffic package (TB) of a
// ByTrafficPackage instance; a PREPAID machine's decrease is ordered for
// the next billing cycle. After a lost answer, the size read back, or the
// downgrade waiting in the internet status, confirms it.
func (c *Client) ModifyBMCInstanceTrafficPackage(ctx context.Context, id string, tb float64) error {
	pending := c.internetShows(id, func(s *BMCInternetStatus) bool { size, ok := s.PendingTrafficPackage(); return ok && size == tb })
	return c.sendOnceBMC(ctx, "ModifyInstanceTrafficPackage", id, func(ctx context.Context) error {
		return c.Call(ctx, BMC, "ModifyInstanceTrafficPackage", map[string]any{"instanceId": id, "trafficPackageSize": tb}, nil, NotIdempotent())
	}, func(ctx context.Context, inst *BMCInstance) bool {
		return (inst.TrafficPackageSize != nil && *inst.TrafficPackageSize == tb) || pending(ctx, inst)
	})
}

// AssociateBMCSubnet puts a RUNNING instance in a subnet of its zone. The
// binding is asynchronous: the instance's subnetIds show it when it is done.
func (c *Client) AssociateBMCSubnet(ctx context.Context, id, subnetID string) error {
	in := map[string]any{"subnetId": subnetID, "subnetInstanceList": []map[string]any{{"instanceId": id}}}
	return c.sendOnceBMC(ctx, "AssociateSubnetInstances", id, func(ctx context.Context) error {
		return c.Call(ctx, BMC, "AssociateSubnetInstances", in, nil, NotIdempotent())
	}, func(_ context.Context, inst *BMCInstance) bool { return slices.Contains(inst.SubnetIDs, subnetID) })
}

// UnassociateBMCSubnet takes an instance out of a subnet (asynchronous: the
// instance's subnetIds stop showing it when it is done).
func (c *Client) UnassociateBMCSubnet(ctx context.Context, id, subnetID string) error {
	return c.sendOnceBMC(ctx, "UnAssociateSubnetInstance", id, func(ctx context.Context) error {
		return c.Call(ctx, BMC, "UnAssociateSubnetInstance", map[string]any{"subnetId": subnetID, "instanceId": id}, nil, NotIdempotent())
	}, func(_ context.Context, inst *BMCInstance) bool { return !slices.Contains(inst.SubnetIDs, subnetID) })
}
