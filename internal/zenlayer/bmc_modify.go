package zenlayer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
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
// instance (Mbps); a PREPAID machine's decrease is ordered for the next
// billing cycle. After a lost answer, the bandwidth read back, or the
// downgrade waiting in the internet status, confirms it.
func (c *Client) ModifyBMCInstanceBandwidth(ctx context.Context, id string, mbps int64) error {
	pending := c.internetShows(id, func(s *BMCInternetStatus) bool { bw, ok := s.PendingBandwidth(); return ok && bw == mbps })
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

// confirmReads and confirmPause bound how long sendOnceBMC reads an
// instance after a lost answer (a change the API acted on may take a
// moment to show).
var (
	confirmReads = 6
	confirmPause = 2 * time.Second
)

// OutcomeUnknownError is a call whose answer was lost and whose effect the
// instance does not show: it was not sent again.
type OutcomeUnknownError struct {
	Action, ID string
	Err        error
	// Last is the instance's status when the reads gave up ("" if unread).
	Last string
}

func (e *OutcomeUnknownError) Error() string {
	return fmt.Sprintf("zenlayer bmc %s of instance %s: the answer was lost (%v), and the instance does not show the change "+
		"(status %q). The call was not sent again, as a second one could be done twice (a second reinstall wipes the disks "+
		"again). Check the instance; the next plan shows the change again if it was not made", e.Action, e.ID, e.Err, e.Last)
}

func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// IsOutcomeUnknown reports whether err is (or wraps) an *OutcomeUnknownError.
func IsOutcomeUnknown(err error) bool {
	var ue *OutcomeUnknownError
	return errors.As(err, &ue)
}

// sendOnceBMC sends a call that must not take effect twice. After an
// ambiguous failure (the answer never came, a 5xx) it reads the instance
// up to confirmReads times and returns nil as soon as done(instance) holds;
// else an *OutcomeUnknownError. It never sends the call again. A call cut
// short by Ctrl-C (ctx cancelled while it was sent) is confirmed all the
// same, on a context of its own: the run then saves what the call did,
// and the next one does not send it a second time.
func (c *Client) sendOnceBMC(ctx context.Context, action, id string, send func(context.Context) error, done func(context.Context, *BMCInstance) bool) error {
	err := send(ctx)
	if err == nil || !Ambiguous(err) {
		return err
	}
	tflog.Warn(ctx, "the answer of a BMC call was lost: reading the instance to learn whether it took effect",
		map[string]any{"action": action, "id": id, "error": err.Error()})
	if ctx.Err() != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), time.Duration(confirmReads)*(confirmPause+5*time.Second))
		defer cancel()
	}
	last := ""
	for n := range confirmReads {
		if n > 0 {
			if serr := wait.Sleep(ctx, nil, confirmPause); serr != nil {
				break
			}
		}
		inst, rerr := c.FindBMCInstance(ctx, id)
		if rerr != nil {
			continue
		}
		last = inst.InstanceStatus
		if done(ctx, inst) {
			tflog.Info(ctx, "the BMC call took effect although its answer was lost: not sending it again",
				map[string]any{"action": action, "id": id, "status": last})
			return nil
		}
	}
	return &OutcomeUnknownError{Action: action, ID: id, Err: err, Last: last}
}
