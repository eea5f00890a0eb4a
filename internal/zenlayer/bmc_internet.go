package zenlayer

import (
	"context"
)

// The states of a change of a BMC instance's bandwidth or traffic package
// (InstanceInternetStatus.modifiedBandwidthStatus and
// modifiedTrafficPackageStatus, zenlayercloud-sdk-go bmc20221120).
const (
	// BMCChangeProcessing: the change is being made.
	BMCChangeProcessing = "Processing"
	// BMCChangeEnable: what the instance has is in effect; nothing waits.
	BMCChangeEnable = "Enable"
	// BMCChangeWaitToEnable: a change ordered takes effect at the next
	// billing cycle (a PREPAID machine's downgrade).
	BMCChangeWaitToEnable = "WaitToEnable"
)

// BMCInternetStatus is what DescribeInstanceInternetStatus answers: the
// bandwidth and traffic package an instance has, and the change ordered
// for each, with its state.
type BMCInternetStatus struct {
	InstanceID                      string   `json:"instanceId"`
	InternetMaxBandwidthOut         *int64   `json:"internetMaxBandwidthOut"`
	ModifiedInternetMaxBandwidthOut *int64   `json:"modifiedInternetMaxBandwidthOut"`
	ModifiedBandwidthStatus         string   `json:"modifiedBandwidthStatus"`
	TrafficPackageSize              *float64 `json:"trafficPackageSize"`
	ModifiedTrafficPackageSize      *float64 `json:"modifiedTrafficPackageSize"`
	ModifiedTrafficPackageStatus    string   `json:"modifiedTrafficPackageStatus"`
}

// PendingBandwidth is the bandwidth (Mbps) a downgrade ordered for the
// next billing cycle will set, if one waits.
func (s *BMCInternetStatus) PendingBandwidth() (int64, bool) {
	if s == nil || s.ModifiedBandwidthStatus != BMCChangeWaitToEnable || s.ModifiedInternetMaxBandwidthOut == nil {
		return 0, false
	}
	return *s.ModifiedInternetMaxBandwidthOut, true
}

// ChangingBandwidth is the bandwidth (Mbps) a change being made will set
// (Processing), if one is.
func (s *BMCInternetStatus) ChangingBandwidth() (int64, bool) {
	if s == nil || s.ModifiedBandwidthStatus != BMCChangeProcessing || s.ModifiedInternetMaxBandwidthOut == nil {
		return 0, false
	}
	return *s.ModifiedInternetMaxBandwidthOut, true
}

// CurrentBandwidth is the bandwidth (Mbps) in effect, if the answer has it.
func (s *BMCInternetStatus) CurrentBandwidth() *int64 { return s.InternetMaxBandwidthOut }

// CurrentTrafficPackage is the traffic package (TB) in effect, if any.
func (s *BMCInternetStatus) CurrentTrafficPackage() *float64 { return s.TrafficPackageSize }

// PendingTrafficPackage is the traffic package (TB) a downgrade ordered
// for the next billing cycle will set, if one waits.
func (s *BMCInternetStatus) PendingTrafficPackage() (float64, bool) {
	if s == nil || s.ModifiedTrafficPackageStatus != BMCChangeWaitToEnable || s.ModifiedTrafficPackageSize == nil {
		return 0, false
	}
	return *s.ModifiedTrafficPackageSize, true
}

// DescribeBMCInstanceInternetStatus reads the bandwidth and traffic
// package of an instance and the changes ordered for them
// (DescribeInstanceInternetStatus). A PREPAID machine's downgrade shows
// here, WaitToEnable, until the next billing cycle makes it the
// instance's; DescribeInstances shows the old value meanwhile.
func (c *Client) DescribeBMCInstanceInternetStatus(ctx context.Context, id string) (*BMCInternetStatus, error) {
	var out BMCInternetStatus
	if err := c.Call(ctx, BMC, "DescribeInstanceInternetStatus", map[string]any{"instanceId": id}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// CancelBMCBandwidthDowngrade withdraws the bandwidth downgrade ordered
// for the next billing cycle (CancelInstanceBandwidthDowngrade): the
// machine keeps the bandwidth it has. After a lost answer, a status
// without the downgrade confirms it.
func (c *Client) CancelBMCBandwidthDowngrade(ctx context.Context, id string) error {
	return c.sendOnceBMC(ctx, "CancelInstanceBandwidthDowngrade", id, func(ctx context.Context) error {
		return c.Call(ctx, BMC, "CancelInstanceBandwidthDowngrade", map[string]any{"instanceId": id}, nil, NotIdempotent())
	}, c.internetShows(id, func(s *BMCInternetStatus) bool { _, pending := s.PendingBandwidth(); return !pending }))
}

// CancelBMCTrafficPackageDowngrade withdraws the traffic package
// downgrade ordered for the next billing cycle
// (CancelInstanceTrafficPackageDowngrade).
func (c *Client) CancelBMCTrafficPackageDowngrade(ctx context.Context, id string) error {
	return c.sendOnceBMC(ctx, "CancelInstanceTrafficPackageDowngrade", id, func(ctx context.Context) error {
		return c.Call(ctx, BMC, "CancelInstanceTrafficPackageDowngrade", map[string]any{"instanceId": id}, nil, NotIdempotent())
	}, c.internetShows(id, func(s *BMCInternetStatus) bool { _, pending := s.PendingTrafficPackage(); return !pending }))
}

// internetShows is a confirmation of sendOnceBMC that reads the
// instance's internet status: done when shows holds of it.
func (c *Client) internetShows(id string, shows func(*BMCInternetStatus) bool) func(context.Context, *BMCInstance) bool {
	return func(ctx context.Context, _ *BMCInstance) bool {
		s, err := c.DescribeBMCInstanceInternetStatus(ctx, id)
		return err == nil && shows(s)
	}
}
