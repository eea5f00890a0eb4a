package zenlayer

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// RebootInstances of both services. Sources: the public Zenlayer CLI specs
// (zenlayer/zenlayercloud-cli apis/en-US/zec/reboot-instances.yaml, SDK
// zec 2025-09-01; apis/en-US/bmc/reboot-instances.yaml) and the SDK
// (zenlayer/zenlayercloud-sdk-go zenlayercloud/zec20250901/client.go and
// zenlayercloud/bmc20221120/models.go RebootInstancesRequest): the request
// is instanceIds (at most 100), the answer only a requestId.
//   - ZEC: only RUNNING instances outside the recycle bin; the status
//     becomes REBOOT, then RUNNING again.
//   - BMC: STOPPED or RUNNING instances outside the recycle bin; the
//     status becomes BOOTING, then RUNNING.

// RebootZECInstance reboots a RUNNING ZEC instance (REBOOT → RUNNING). An
// id the API answers as failed comes back as a *BatchError. See rebootOnce
// for an answer that is lost.
func (c *Client) RebootZECInstance(ctx context.Context, id string) error {
	return c.rebootOnce(ctx, zecInstanceKind.name, id, InstanceStatusRunning,
		func(ctx context.Context) error {
			return c.batchInstances(ctx, "RebootInstances", []string{id}, nil, NotIdempotent())
		},
		zecInstanceKind.statusOf(c, id))
}

// RebootBMCInstance reboots a RUNNING or STOPPED BMC instance (BOOTING →
// RUNNING). See rebootOnce for an answer that is lost.
func (c *Client) RebootBMCInstance(ctx context.Context, id string) error {
	return c.rebootOnce(ctx, bmcInstanceKind.name, id, BMCStatusRunning,
		func(ctx context.Context) error {
			return c.Call(ctx, BMC, "RebootInstances", map[string]any{"instanceIds": []string{id}}, nil, NotIdempotent())
		},
		bmcInstanceKind.statusOf(c, id))
}

// rebootOnce sends a reboot once: a reboot sent twice reboots twice, or is
// refused as "in operation" while the first one runs. The transport retries
// only what surely was not acted on (a 429, a connection that failed before
// the request left). After an ambiguous failure (the answer never came, a
// 5xx, an answer that could not be read) it reads the instance: in any
// status but running the reboot took effect and rebootOnce returns nil;
// still running (or unreadable), the outcome is unknown and the error is a
// *RebootOutcomeUnknownError. Any other error is returned as it is.
func (c *Client) rebootOnce(ctx context.Context, kind, id, running string, send func(context.Context) error,
	status func(context.Context) (string, error),
) error {
	err := send(ctx)
	if err == nil || !transport.Ambiguous(err) {
		return err
	}
	now, rerr := status(ctx)
	if rerr == nil && now != running {
		tflog.Info(ctx, "the reboot took effect although its answer was lost", map[string]any{"action": "RebootInstances", "id": id, "status": now})
		return nil
	}
	return &RebootOutcomeUnknownError{Kind: kind, ID: id, Status: now, Err: err, ReadErr: rerr}
}

// RebootOutcomeUnknownError is a reboot whose answer was lost while the
// instance was read back still running (or could not be read): it may have
// rebooted already, or not at all. It is not sent again.
type RebootOutcomeUnknownError struct {
	Kind, ID, Status string
	// Err is the call's error, ReadErr the error of the read after it.
	Err, ReadErr error
}

func (e *RebootOutcomeUnknownError) Error() string {
	seen := "is still " + e.Status
	if e.ReadErr != nil {
		seen = fmt.Sprintf("could not be read (%v)", e.ReadErr)
	}
	return fmt.Sprintf("zenlayer RebootInstances of %s %s: the answer was lost (%v), and the instance %s: it may have rebooted "+
		"already, or not at all. The reboot was not sent again (a second one would reboot it twice); run it again if it is needed",
		e.Kind, e.ID, e.Err, seen)
}

func (e *RebootOutcomeUnknownError) Unwrap() []error { return []error{e.Err, e.ReadErr} }
