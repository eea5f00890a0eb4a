package emulator

import (
	"net/http"
)

// A PREPAID machine's decrease of bandwidth or traffic package is ordered
// for the next billing cycle (zenlayercloud-sdk-go bmc20221120 models.go,
// InstanceInternetStatus: "WaitToEnable: effective in next billing
// cycle"): DescribeInstances shows the old value until then, and
// DescribeInstanceInternetStatus the order. While one waits, another
// change of the same is refused (errors.go: "Bandwidth is being
// modified", "Scheduled downgrade order exists") until it is cancelled
// (Cancel{InstanceBandwidth,InstanceTrafficPackage}Downgrade) or the cycle
// ends (Server.EndBillingCycle). Any other change of the bandwidth is
// Processing until it is made (modifyInstanceBandwidth); a change of the
// traffic package is at once.

// The states of InstanceInternetStatus's modified*Status.
const (
	bmcChangeEnable       = "Enable"
	bmcChangeWaitToEnable = "WaitToEnable"
	bmcChangeProcessing   = "Processing"
)

// describeInstanceInternetStatus follows DescribeInstanceInternetStatus.
func (b *bmcState) describeInstanceInternetStatus(req *call) (any, []string, error) {
	i, ids, e := b.instanceOf(req)
	if e != nil {
		return nil, ids, e
	}
	bw, bwStatus := any(i.BandwidthOutMbps), bmcChangeEnable
	switch {
	case i.DowngradeBandwidth != nil:
		bw, bwStatus = *i.DowngradeBandwidth, bmcChangeWaitToEnable
	case i.BandwidthChange != nil:
		bw, bwStatus = *i.BandwidthChange, bmcChangeProcessing
	}
	tp, tpStatus := any(i.TrafficPackageSize), any(nil)
	if i.TrafficPackageSize != nil {
		tpStatus = bmcChangeEnable
	}
	if i.DowngradeTrafficPackage != nil {
		tp, tpStatus = *i.DowngradeTrafficPackage, bmcChangeWaitToEnable
	}
	return map[string]any{
		"instanceId": i.InstanceID, "instanceName": i.InstanceName,
		"internetMaxBandwidthOut": i.BandwidthOutMbps, "modifiedInternetMaxBandwidthOut": bw, "modifiedBandwidthStatus": bwStatus,
		"trafficPackageSize": i.TrafficPackageSize, "modifiedTrafficPackageSize": tp, "modifiedTrafficPackageStatus": tpStatus,
	}, ids, nil
}

// cancelBandwidthDowngrade follows CancelInstanceBandwidthDowngrade.
func (b *bmcState) cancelBandwidthDowngrade(_ *call, i *bmcInstance) *errAPI {
	if i.DowngradeBandwidth == nil {
		return apiErr(http.StatusForbidden, bmcCodeDowngradeNotExist, "Instance %s has no bandwidth downgrade order.", i.InstanceID)
	}
	i.DowngradeBandwidth = nil
	return nil
}

// cancelTrafficPackageDowngrade follows CancelInstanceTrafficPackageDowngrade.
func (b *bmcState) cancelTrafficPackageDowngrade(_ *call, i *bmcInstance) *errAPI {
	switch {
	case i.TrafficPackageSize == nil:
		return apiErr(http.StatusForbidden, bmcCodeNoTrafficPackage, "Instance %s has no traffic package.", i.InstanceID)
	case i.DowngradeTrafficPackage == nil:
		return apiErr(http.StatusForbidden, bmcCodeDowngradeNotExist, "Instance %s has no traffic package downgrade order.", i.InstanceID)
	}
	i.DowngradeTrafficPackage = nil
	return nil
}

// EndBillingCycle ends the billing cycle of BMC instance id: the
// downgrades ordered for the next one take effect. It reports whether the
// instance exists.
func (s *Server) EndBillingCycle(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.bmcOf().instances[id]
	if i == nil {
		return false
	}
	if i.DowngradeBandwidth != nil {
		i.BandwidthOutMbps, i.DowngradeBandwidth = *i.DowngradeBandwidth, nil
	}
	if i.DowngradeTrafficPackage != nil {
		i.TrafficPackageSize, i.DowngradeTrafficPackage = i.DowngradeTrafficPackage, nil
	}
	return true
}
