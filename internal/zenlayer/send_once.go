package zenlayer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// confirmReads and confirmPause bound how long sendOnce reads an object
// after a lost answer (a change the API acted on may take a moment to
// show).
var (
	confirmReads = 6
	confirmPause = 2 * time.Second
)

// OutcomeUnknownError is a call whose answer was lost and whose effect the
// object does not show: it was not sent again.
type OutcomeUnknownError struct {
	// Object names what the call changes ("bmc instance", "zec disk").
	Object, Action, ID string
	Err                error
	// Last is the object's status when the reads gave up ("" if unread).
	Last string
	// Sent is how many times the call was sent, each answer lost (0 or 1:
	// once; sendDisk sends a call the disk shows no sign of again).
	Sent int
}

func (e *OutcomeUnknownError) Error() string {
	sent := "The call was not sent again, as a second one could be done twice (a second reinstall wipes the disks again) or be refused"
	if e.Sent > 1 {
		sent = fmt.Sprintf("The call was sent %d times, each time the answer was lost and the %s showed no sign of it afterwards; "+
			"it is not sent again", e.Sent, e.Object)
	}
	return fmt.Sprintf("zenlayer %[1]s of %[2]s %[3]s: the answer was lost (%[4]v), and the %[2]s does not show the change "+
		"(status %[5]q). %[6]s. Check the %[2]s; the next plan shows the change again if it was not made", e.Action, e.Object, e.ID,
		e.Err, e.Last, sent)
}

func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// IsOutcomeUnknown reports whether err is (or wraps) an *OutcomeUnknownError.
func IsOutcomeUnknown(err error) bool {
	var ue *OutcomeUnknownError
	return errors.As(err, &ue)
}

// onceTarget is what sendOnce reads to confirm a call: the object's kind,
// how it is found and its status.
type onceTarget[T any] struct {
	object string
	find   func(context.Context, string) (*T, error)
	status func(*T) string
}

// sendOnce sends a call that must not take effect twice (or whose second
// sending the API refuses). After an ambiguous failure (the answer never
// came, a 5xx) it reads the object up to confirmReads times and returns
// nil as soon as done(object) holds; else an *OutcomeUnknownError. It
// never sends the call again. A call cut short by Ctrl-C (ctx cancelled
// while it was sent) is confirmed all the same, on a context of its own:
// the run then saves what the call did, and the next one does not send it
// a second time.
func sendOnce[T any](ctx context.Context, on onceTarget[T], action, id string, send func(context.Context) error, done func(context.Context, *T) bool) error {
	err := send(ctx)
	if err == nil || !Ambiguous(err) {
		return err
	}
	tflog.Warn(ctx, "the answer of a call was lost: reading the "+on.object+" to learn whether it took effect",
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
		o, rerr := on.find(ctx, id)
		if rerr != nil {
			continue
		}
		last = on.status(o)
		if done(ctx, o) {
			tflog.Info(ctx, "the call took effect although its answer was lost: not sending it again",
				map[string]any{"action": action, "id": id, "status": last})
			return nil
		}
	}
	return &OutcomeUnknownError{Object: on.object, Action: action, ID: id, Err: err, Last: last}
}

// sendOnceBMC is sendOnce of a call that changes a BMC instance.
func (c *Client) sendOnceBMC(ctx context.Context, action, id string, send func(context.Context) error, done func(context.Context, *BMCInstance) bool) error {
	return sendOnce(ctx, onceTarget[BMCInstance]{object: "bmc instance", find: c.FindBMCInstance,
		status: func(i *BMCInstance) string { return i.InstanceStatus }}, action, id, send, done)
}

// sendDisk sends a call that changes a ZEC disk and that the API refuses
// while the change is under way or made (a resize, an attach, a detach),
// so that a blind retry turns a success into a failure. After a lost
// answer the disk is read (sendOnce); a disk that shows no sign of the
// call (not CHANGING, not of the size) was not changed, and the call is
// sent again, up to diskAttempts times in all.
func (c *Client) sendDisk(ctx context.Context, action, id string, send func(context.Context) error, done func(*Disk) bool) error {
	on := onceTarget[Disk]{object: "zec disk", find: c.FindDisk, status: func(d *Disk) string { return d.DiskStatus }}
	var err error
	for n := range diskAttempts {
		err = sendOnce(ctx, on, action, id, send, func(_ context.Context, d *Disk) bool { return done(d) })
		var ue *OutcomeUnknownError
		if !errors.As(err, &ue) {
			return err
		}
		if ue.Sent = n + 1; ctx.Err() != nil || ue.Sent == diskAttempts {
			return err
		}
		tflog.Info(ctx, "the disk shows no sign of the call whose answer was lost: sending it again", map[string]any{"action": action, "id": id})
	}
	return err
}

// diskAttempts bounds the sendings of a disk call (sendDisk).
var diskAttempts = 3
