package emulator

import (
	"context"
	"net/http"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// A PREPAID machine's decrease waits for the next billing cycle: the
// instance keeps its bandwidth and traffic package, the internet status
// shows the order (WaitToEnable), a second order is refused while it
// waits, a cancellation withdraws it (and a second one finds none), and
// the end of the cycle applies it. An increase, and any change of a
// POSTPAID machine, is made in the background (Processing; another is
// refused meanwhile, other actions are not).
func TestBMCPrepaidDowngradeWaitsForTheBillingCycle(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	in := bmcBasicReq()
	in.InstanceChargeType, in.InstanceChargePrepaid = "PREPAID", &zenlayer.BMCPrepaidCharge{Period: 1}
	in.InternetChargeType, in.InternetMaxBandwidthOut = "ByTrafficPackage", 50
	tb := 10.0
	in.TrafficPackageSize = &tb
	id := h.running(in)
	status := func() *zenlayer.BMCInternetStatus {
		t.Helper()
		s, err := h.c.DescribeBMCInstanceInternetStatus(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	network := func(bw int64, tb float64) {
		t.Helper()
		inst, err := h.c.FindBMCInstance(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if inst.BandwidthOutMbps != bw || inst.TrafficPackageSize == nil || *inst.TrafficPackageSize != tb {
			t.Fatalf("instance reports %d Mbps, %v TB; want %d, %v", inst.BandwidthOutMbps, inst.TrafficPackageSize, bw, tb)
		}
	}
	if s := status(); s.ModifiedBandwidthStatus != "Enable" || s.ModifiedTrafficPackageStatus != "Enable" || *s.InternetMaxBandwidthOut != 50 {
		t.Fatalf("status of a machine without orders: %+v", s)
	}

	if err := h.c.ModifyBMCInstanceBandwidth(ctx, id, 20); err != nil {
		t.Fatal(err)
	}
	if err := h.c.ModifyBMCInstanceTrafficPackage(ctx, id, 5); err != nil {
		t.Fatal(err)
	}
	network(50, 10)
	s := status()
	if bw, ok := s.PendingBandwidth(); !ok || bw != 20 {
		t.Fatalf("pending bandwidth %d %v, want 20: %+v", bw, ok, s)
	}
	if size, ok := s.PendingTrafficPackage(); !ok || size != 5 {
		t.Fatalf("pending traffic package %v %v, want 5: %+v", size, ok, s)
	}
	bmcWantCode(t, h.call("ModifyInstanceBandwidth", map[string]any{"instanceId": id, "bandwidthOutMbps": 30}),
		http.StatusForbidden, "OPERATION_FAILED_INSTANCE_BANDWIDTH_PROCESSING")
	bmcWantCode(t, h.call("ModifyInstanceTrafficPackage", map[string]any{"instanceId": id, "trafficPackageSize": 20}),
		http.StatusForbidden, "OPERATION_FAILED_INSTANCE_EXIST_PLAN_TRAFFIC_PACKAGE")

	if err := h.c.CancelBMCBandwidthDowngrade(ctx, id); err != nil {
		t.Fatal(err)
	}
	bmcWantCode(t, h.call("CancelInstanceBandwidthDowngrade", map[string]any{"instanceId": id}),
		http.StatusForbidden, "OPERATION_DENIED_DOWNGRADE_NOT_EXIST")
	if _, ok := status().PendingBandwidth(); ok {
		t.Fatal("the bandwidth downgrade still waits after its cancellation")
	}
	if err := h.c.ModifyBMCInstanceBandwidth(ctx, id, 80); err != nil { // an increase: in the background
		t.Fatal(err)
	}
	network(50, 10)
	if s := status(); s.ModifiedBandwidthStatus != "Processing" || *s.ModifiedInternetMaxBandwidthOut != 80 {
		t.Fatalf("status while the increase is made: %+v", s)
	}
	bmcWantCode(t, h.call("ModifyInstanceBandwidth", map[string]any{"instanceId": id, "bandwidthOutMbps": 90}),
		http.StatusForbidden, "OPERATION_FAILED_INSTANCE_BANDWIDTH_PROCESSING")
	if err := h.c.RenameBMCInstances(ctx, "renamed-meanwhile", id); err != nil { // the instance takes other actions meanwhile
		t.Fatal(err)
	}
	h.clock.Add(bmcTestDurations.BMCStart)
	network(80, 10)

	if !h.emu.EndBillingCycle(id) {
		t.Fatal("EndBillingCycle found no instance")
	}
	network(80, 5)
	if s := status(); s.ModifiedTrafficPackageStatus != "Enable" || *s.ModifiedTrafficPackageSize != 5 {
		t.Fatalf("status after the billing cycle: %+v", s)
	}

	post := h.running(bmcBasicReq())
	if err := h.c.ModifyBMCInstanceBandwidth(ctx, post, 1); err != nil {
		t.Fatal(err)
	}
	h.clock.Add(bmcTestDurations.BMCStart)
	if inst, err := h.c.FindBMCInstance(ctx, post); err != nil || inst.BandwidthOutMbps != 1 {
		t.Fatalf("a POSTPAID decrease is made with no billing cycle to wait for: %+v %v", inst, err)
	}
	bmcWantCode(t, h.call("CancelInstanceTrafficPackageDowngrade", map[string]any{"instanceId": post}),
		http.StatusForbidden, "OPERATION_FILED_INSTANCE_NOT_EXIST_TRAFFIC_PACKAGE")
}

// A subnet move is carried out in the background: while it is, the API
// refuses another move of the instance (errors.go's
// OPERATION_DENIED_SUBNET_ASSOCIATING_INSTANCE), whether a join or a
// leave; once the instance shows the subnet, a second join is refused as
// a duplicate (OPERATION_DENIED_SUBNET_NOT_REPEAT_INSTANCE), and a leave
// is taken.
func TestBMCSubnetMoveRefusesAnotherMeanwhile(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	id := h.running(bmcBasicReq())
	const subnet = "subnet-sel-a-1"
	if err := h.c.AssociateBMCSubnet(ctx, id, subnet); err != nil {
		t.Fatal(err)
	}
	if err := h.c.AssociateBMCSubnet(ctx, id, subnet); !zenlayer.HasCode(err, zenlayer.CodeBMCSubnetMoving) {
		t.Fatalf("second join during the first: %v, want %s", err, zenlayer.CodeBMCSubnetMoving)
	}
	if err := h.c.UnassociateBMCSubnet(ctx, id, subnet); !zenlayer.HasCode(err, zenlayer.CodeBMCSubnetMoving) {
		t.Fatalf("leave during the join: %v, want %s", err, zenlayer.CodeBMCSubnetMoving)
	}
	h.clock.Add(bmcTestDurations.BMCStart)
	if inst, err := h.c.FindBMCInstance(ctx, id); err != nil || len(inst.SubnetIDs) != 1 || inst.SubnetIDs[0] != subnet {
		t.Fatalf("after the join: %+v, %v; want it in %s", inst, err, subnet)
	}
	if err := h.c.AssociateBMCSubnet(ctx, id, subnet); !zenlayer.HasCode(err, zenlayer.CodeBMCSubnetInSubnet) {
		t.Fatalf("join of an instance in the subnet: %v, want %s", err, zenlayer.CodeBMCSubnetInSubnet)
	}
	if err := h.c.UnassociateBMCSubnet(ctx, id, subnet); err != nil {
		t.Fatal(err)
	}
	if err := h.c.AssociateBMCSubnet(ctx, id, subnet); !zenlayer.HasCode(err, zenlayer.CodeBMCSubnetMoving) {
		t.Fatalf("join during the leave: %v, want %s", err, zenlayer.CodeBMCSubnetMoving)
	}
}
