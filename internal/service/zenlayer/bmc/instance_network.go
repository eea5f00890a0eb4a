package bmc

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The network of a machine: bandwidth, traffic package and subnet, changed
// in place. A PREPAID machine's decrease of bandwidth or traffic package is
// an order for its next billing cycle: DescribeInstances reports the old
// value until then, and DescribeInstanceInternetStatus the order
// (WaitToEnable). The state holds the ordered value meanwhile (keepOrdered),
// so that the next plan does not order it again, and an order that
// already waits is never sent a second time.

// updateNetwork changes the bandwidth, the traffic package and the subnet
// in place. The bandwidth and joining a subnet need a RUNNING machine: one
// that the plan powers on is started first (ModifyPlan refuses a plan that
// keeps it stopped).
func updateNetwork(ctx context.Context, conn *zenlayer.Client, p *framework.Partial[instanceResourceModel], plan *instanceResourceModel,
	timeout time.Duration, diags *diag.Diagnostics) bool {
	id := p.Cur.ID.ValueString()
	bandwidth := known(plan.Bandwidth) && !plan.Bandwidth.Equal(p.Cur.Bandwidth)
	traffic := known(plan.TrafficPackageSize) && !plan.TrafficPackageSize.Equal(p.Cur.TrafficPackageSize)
	subnet := !plan.SubnetID.IsUnknown() && !plan.SubnetID.Equal(p.Cur.SubnetID)
	if (bandwidth || (subnet && !plan.SubnetID.IsNull())) && p.Cur.PowerState.ValueString() == PowerStopped {
		if err := powerInstance(ctx, conn, id, PowerRunning, timeout); err != nil {
			p.Fail(fmt.Sprintf("starting BMC instance (%s) to change its network", id), err)
			return false
		}
		p.Cur.PowerState = types.StringValue(PowerRunning)
	}
	// A PREPAID machine's orders waiting for the next billing cycle.
	var status *zenlayer.BMCInternetStatus
	if p.Cur.ChargeType.ValueString() == zenlayer.BMCChargePrepaid && (bandwidth || traffic) {
		s, err := conn.DescribeBMCInstanceInternetStatus(ctx, id)
		if err != nil {
			p.Fail(fmt.Sprintf("reading the bandwidth orders of BMC instance (%s)", id), err)
			return false
		}
		status = s
	}
	if bandwidth {
		if !order(ctx, p, diags, status, bandwidthOrder(ctx, conn, id, plan.Bandwidth.ValueInt64(), p.Cur.Bandwidth.ValueInt64(), timeout)) {
			return false
		}
		p.Cur.Bandwidth = plan.Bandwidth
	}
	if traffic {
		if !order(ctx, p, diags, status, trafficOrder(ctx, conn, id, plan.TrafficPackageSize.ValueFloat64(), p.Cur.TrafficPackageSize.ValueFloat64())) {
			return false
		}
		p.Cur.TrafficPackageSize = plan.TrafficPackageSize
	}
	if subnet {
		return updateSubnet(ctx, conn, p, plan, timeout)
	}
	return true
}

// networkOrder is a change of the bandwidth (V int64) or the traffic
// package (V float64).
type networkOrder[V int64 | float64] struct {
	what, action, id string
	want, now        V // now: the value the state holds
	// current and pending read the value in effect and the order waiting
	// in a PREPAID machine's internet status.
	current func(*zenlayer.BMCInternetStatus) *V
	pending func(*zenlayer.BMCInternetStatus) (V, bool)
	cancel  func(context.Context, string) error
	send    func() error
	// wait waits until the change shows (nil: it shows at once).
	wait func() error
}

// bandwidthOrder is a change of the bandwidth (Mbps), which the API makes
// in the background: it shows once it is made.
func bandwidthOrder(ctx context.Context, conn *zenlayer.Client, id string, want, now int64, timeout time.Duration) networkOrder[int64] {
	shown := func(inst *zenlayer.BMCInstance) bool { return inst.BandwidthOutMbps == want }
	return networkOrder[int64]{what: "bandwidth", action: "ModifyInstanceBandwidth", id: id, want: want, now: now,
		current: (*zenlayer.BMCInternetStatus).CurrentBandwidth, pending: (*zenlayer.BMCInternetStatus).PendingBandwidth,
		cancel: conn.CancelBMCBandwidthDowngrade,
		// A change under way (one an interrupted run sent) is waited through.
		send: func() error {
			return sendWhenFree(ctx, conn, id, "to take the new bandwidth", timeout,
				func(ctx context.Context) error { return conn.ModifyBMCInstanceBandwidth(ctx, id, want) }, shown, zenlayer.CodeBMCBandwidthProcessing)
		},
		wait: func() error { return waitInstanceShows(ctx, conn, id, "to show the new bandwidth", timeout, shown) }}
}

// trafficOrder is a change of the traffic package (TB), which shows at once.
func trafficOrder(ctx context.Context, conn *zenlayer.Client, id string, want, now float64) networkOrder[float64] {
	return networkOrder[float64]{what: "traffic package", action: "ModifyInstanceTrafficPackage", id: id, want: want, now: now,
		current: (*zenlayer.BMCInternetStatus).CurrentTrafficPackage, pending: (*zenlayer.BMCInternetStatus).PendingTrafficPackage,
		cancel: conn.CancelBMCTrafficPackageDowngrade, send: func() error { return conn.ModifyBMCInstanceTrafficPackage(ctx, id, want) }}
}

// order changes a value of the network. On a PREPAID machine, a decrease
// ordered already (by a run whose state was not saved) is not ordered
// again; another order waiting is cancelled first, and a return to the
// value in effect is that cancellation alone; a decrease is not waited
// for, as it takes effect at the next billing cycle. status is a PREPAID
// machine's internet status (nil otherwise).
func order[V int64 | float64](ctx context.Context, p *framework.Partial[instanceResourceModel], diags *diag.Diagnostics,
	status *zenlayer.BMCInternetStatus, o networkOrder[V]) bool {
	now := o.now
	if status != nil {
		if v := o.current(status); v != nil {
			now = *v
		}
		if waiting, ok := o.pending(status); ok {
			if waiting == o.want {
				tflog.Info(ctx, "BMC instance: this "+o.what+" decrease is ordered already for the next billing cycle; not ordering it again",
					map[string]any{"id": o.id, "value": o.want})
				return true
			}
			tflog.Info(ctx, "cancelling the "+o.what+" decrease a BMC instance has ordered for the next billing cycle",
				map[string]any{"id": o.id, "ordered": waiting, "wanted": o.want})
			if err := o.cancel(ctx, o.id); err != nil {
				p.Fail(fmt.Sprintf("cancelling the %s decrease of BMC instance (%s)", o.what, o.id), err)
				return false
			}
			if o.want == now {
				return true
			}
		}
	}
	tflog.Info(ctx, "changing BMC instance "+o.what, map[string]any{"id": o.id, "action": o.action, "value": o.want})
	if err := o.send(); err != nil {
		p.Fail(fmt.Sprintf("changing the %s of BMC instance (%s)", o.what, o.id), err)
		return false
	}
	switch {
	case status != nil && o.want < now:
		diags.AddWarning(fmt.Sprintf("BMC instance (%s): the %s decrease takes effect at the next billing cycle", o.id, o.what),
			fmt.Sprintf("A PREPAID machine keeps its %s until its subscription renews; the state holds the new value meanwhile, "+
				"and the order is not sent again.", o.what))
	case o.wait != nil:
		if err := o.wait(); err != nil {
			p.Fail(fmt.Sprintf("waiting for the %s of BMC instance (%s)", o.what, o.id), err)
			return false
		}
	}
	return true
}

// updateSubnet moves the machine out of its subnet and into the planned one.
func updateSubnet(ctx context.Context, conn *zenlayer.Client, p *framework.Partial[instanceResourceModel], plan *instanceResourceModel,
	timeout time.Duration) bool {
	id := p.Cur.ID.ValueString()
	if old := p.Cur.SubnetID.ValueString(); old != "" {
		tflog.Info(ctx, "taking BMC instance out of its subnet", map[string]any{"id": id, "action": "UnAssociateSubnetInstance", "subnet_id": old})
		if err := moveSubnet(ctx, conn, id, "to leave subnet "+old, timeout, func(ctx context.Context) error {
			return conn.UnassociateBMCSubnet(ctx, id, old)
		}, func(inst *zenlayer.BMCInstance) bool { return !slices.Contains(inst.SubnetIDs, old) }); err != nil {
			p.Fail(fmt.Sprintf("taking BMC instance (%s) out of subnet %s", id, old), err)
			return false
		}
		p.Cur.SubnetID = types.StringNull()
	}
	if !plan.SubnetID.IsNull() {
		to := plan.SubnetID.ValueString()
		tflog.Info(ctx, "putting BMC instance in a subnet", map[string]any{"id": id, "action": "AssociateSubnetInstances", "subnet_id": to})
		if err := moveSubnet(ctx, conn, id, "to join subnet "+to, timeout, func(ctx context.Context) error {
			return conn.AssociateBMCSubnet(ctx, id, to)
		}, func(inst *zenlayer.BMCInstance) bool { return slices.Contains(inst.SubnetIDs, to) }); err != nil {
			p.Fail(fmt.Sprintf("putting BMC instance (%s) in subnet %s", id, to), err)
			return false
		}
		p.Cur.SubnetID = plan.SubnetID
	}
	return true
}

// moveSubnet sends a move of machine id into or out of a subnet (send)
// and waits until the machine shows it (shown). The API carries a move out
// in the background and refuses another one meanwhile
// (CodeBMCSubnetMoving), such as the one an interrupted run sent and whose
// end no state recorded; and it refuses a join while the machine is in a
// subnet (CodeBMCSubnetInSubnet): either is waited through (sendWhenFree).
func moveSubnet(ctx context.Context, conn *zenlayer.Client, id, what string, timeout time.Duration, send func(context.Context) error,
	shown func(*zenlayer.BMCInstance) bool) error {
	if err := sendWhenFree(ctx, conn, id, what, timeout, send, shown, zenlayer.CodeBMCSubnetMoving, zenlayer.CodeBMCSubnetInSubnet); err != nil {
		return err
	}
	return waitInstanceShows(ctx, conn, id, what, timeout, shown)
}

// sendTaken is the pseudo status of sendWhenFree's other target: the API
// took the change sent again.
const sendTaken = "(change taken)"

// sendWhenFree sends a change of machine id that the API carries out in
// the background, and refuses while another of its kind is under way
// (busy), such as the one a run interrupted while it waited had sent; or
// refuses as made already (made, optional). Such a refusal is no error
// yet: until the machine shows the change (shown: that run's change was
// this one) or the API takes it (that one was another, now over), the
// machine is read and the change sent again at each poll, within timeout.
// Any other refusal ends it (a machine that stays in another subnet, say).
func sendWhenFree(ctx context.Context, conn *zenlayer.Client, id, what string, timeout time.Duration, send func(context.Context) error,
	shown func(*zenlayer.BMCInstance) bool, busy string, made ...string) error {
	err := send(ctx)
	if !zenlayer.HasCode(err, busy) && !slices.ContainsFunc(made, func(code string) bool { return zenlayer.HasCode(err, code) }) {
		return err
	}
	tflog.Info(ctx, "BMC instance: the API refuses the change while another is under way or made; waiting for the machine to show it, or to take it",
		map[string]any{"id": id, "waiting_for": what, "error": err.Error()})
	status := wait.StatusOf(conn.FindBMCInstance, id, zenlayer.IsNotFound, func(inst *zenlayer.BMCInstance) string {
		if shown(inst) {
			return changeShown
		}
		return instanceFinder.Status(inst)
	})
	refresh := func(ctx context.Context) (*zenlayer.BMCInstance, string, error) {
		inst, st, err := status(ctx)
		if err != nil || st == changeShown || st == wait.Gone {
			return inst, st, err
		}
		switch err := send(ctx); {
		case err == nil:
			return inst, sendTaken, nil
		case zenlayer.HasCode(err, busy):
			return inst, st, nil // still under way
		default:
			return inst, "", err
		}
	}
	_, err = wait.Until(ctx, wait.Object(ctx, "BMC instance", id, what, refresh, timeout, []string{changeShown, sendTaken},
		[]string{zenlayer.BMCStatusRecycling, zenlayer.BMCStatusRecycle, zenlayer.BMCStatusReleasing, wait.Gone}))
	return err
}

// keepOrdered keeps in m, read from the API, the bandwidth and traffic
// package of prior (the state, or the plan an update carried out) that a
// PREPAID machine has ordered for its next billing cycle: the API reports
// the old, higher values until then. A lower value that no order backs is
// drift, and m keeps what the API reports. It reads the internet status
// only when there is such a value to check.
func keepOrdered(ctx context.Context, conn *zenlayer.Client, prior instanceResourceModel, m *instanceResourceModel, diags *diag.Diagnostics) {
	if m.ChargeType.ValueString() != zenlayer.BMCChargePrepaid {
		return
	}
	bw := known(prior.Bandwidth) && known(m.Bandwidth) && prior.Bandwidth.ValueInt64() < m.Bandwidth.ValueInt64()
	tp := known(prior.TrafficPackageSize) && known(m.TrafficPackageSize) && prior.TrafficPackageSize.ValueFloat64() < m.TrafficPackageSize.ValueFloat64()
	if !bw && !tp {
		return
	}
	id := m.ID.ValueString()
	s, err := conn.DescribeBMCInstanceInternetStatus(ctx, id)
	if err != nil {
		diags.AddError(fmt.Sprintf("reading the bandwidth orders of BMC instance (%s)", id), err.Error())
		return
	}
	if v, ok := s.PendingBandwidth(); bw && ok && v == prior.Bandwidth.ValueInt64() {
		m.Bandwidth = prior.Bandwidth
	}
	if v, ok := s.PendingTrafficPackage(); tp && ok && v == prior.TrafficPackageSize.ValueFloat64() {
		m.TrafficPackageSize = prior.TrafficPackageSize
	}
}
