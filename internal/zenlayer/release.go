package zenlayer

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// releaseSends is the most times releaseOnce sends one release: again only
// when the object was read back exactly where the previous call found it.
const releaseSends = 3

// statusGone stands for the status of an object the finder did not find.
const statusGone = "(gone)"

// releaseOp is one release (or terminate) of one object for releaseOnce.
type releaseOp struct {
	// Action names the API action, Kind and ID the object ("ZEC disk", id).
	Action, Kind, ID string
	// Send makes the call once. It must be sent NotIdempotent: the transport
	// then retries only what surely was not acted on (a 429, a connection
	// that failed before the request left).
	Send func(context.Context) error
	// Status reads the object's status; a *NotFoundError when it is gone.
	Status func(context.Context) (string, error)
}

// releaseOnce is the one guard of the calls that must not take effect twice:
// ReleaseDisk, ReleaseInstances (ZEC and BMC) and BMC TerminateInstance. On
// an account with a recycle bin the first release moves an object into the
// bin and a second one frees it for good, so re-sending a release whose
// answer was lost can free what release_on_destroy = false keeps.
//
// It reads the object's status, then sends the call. After an ambiguous
// failure (transport.Ambiguous: the answer never came, a 5xx, an answer the
// client could not read) it reads the object again, and:
//   - gone, or in another status (RECYCLING, RECYCLE(D), RELEASING, ...):
//     the call took effect; it is not sent again and releaseOnce returns nil;
//   - still in the status the call found it in: the call did not take
//     effect and is sent again (at most releaseSends times in all);
//   - unreadable: the outcome stays unknown; the call is not sent again and
//     the error is a *ReleaseOutcomeUnknownError.
//
// Any other error (a refusal, a per-id failure) is returned as it is.
func (c *Client) releaseOnce(ctx context.Context, op releaseOp) error {
	before, err := op.Status(ctx)
	if IsNotFound(err) {
		// Sent all the same: the API's own answer (not found) says so best.
		before, err = statusGone, nil
	}
	if err != nil {
		return fmt.Errorf("zenlayer %s: reading %s %s before sending it: %w", op.Action, op.Kind, op.ID, err)
	}
	fields := func(extra map[string]any) map[string]any {
		m := map[string]any{"action": op.Action, "id": op.ID, "status": before}
		maps.Copy(m, extra)
		return m
	}
	for sent := 1; ; sent++ {
		err := op.Send(ctx)
		if err == nil || !Ambiguous(err) {
			return err
		}
		tflog.Warn(ctx, "the outcome of a release is unknown: reading the object before deciding to send it again",
			fields(map[string]any{"attempt": sent, "error": err.Error()}))
		now, rerr := op.Status(ctx)
		switch {
		case IsNotFound(rerr):
			now = statusGone
		case rerr != nil:
			return &ReleaseOutcomeUnknownError{Action: op.Action, Kind: op.Kind, ID: op.ID, Err: err, ReadErr: rerr}
		}
		if now != before {
			tflog.Info(ctx, "the release took effect although its answer was lost: not sending it again",
				fields(map[string]any{"now": now}))
			return nil
		}
		if sent >= releaseSends {
			return fmt.Errorf("zenlayer %s: sent %d times, and %s %s is still %s: %w", op.Action, sent, op.Kind, op.ID, before, err)
		}
		tflog.Warn(ctx, "the release did not take effect (the object is where the call found it): sending it again",
			fields(map[string]any{"attempt": sent}))
	}
}

// releaseBatched is releaseOnce of one instance's ReleaseInstances (ZEC or
// BMC), sent through a coalescer of releases (newBatchAction) with others.
func (k *objectKind[T]) releaseBatched(ctx context.Context, c *Client, id string, batch *Coalescer[struct{}]) error {
	return c.releaseOnce(ctx, releaseOp{
		Action: "ReleaseInstances", Kind: k.name, ID: id,
		Send: func(ctx context.Context) error {
			_, err := batch.Do(ctx, id)
			return err
		},
		Status: k.statusOf(c, id),
	})
}

// statusOf is releaseOnce's Status of the object id of kind k: find it (a
// *NotFoundError when it is gone) and read its status.
func (k *objectKind[T]) statusOf(c *Client, id string) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		obj, err := k.find(c, ctx, id)
		if err != nil {
			return "", err
		}
		return k.status(obj), nil
	}
}

// releaseOne is releaseOnce of a call on the one object id of kind k, which
// the call takes under idKey (ReleaseDisk, BMC TerminateInstance).
func (k *objectKind[T]) releaseOne(ctx context.Context, c *Client, svc Service, action, idKey, id string) error {
	return c.releaseOnce(ctx, releaseOp{
		Action: action, Kind: k.name, ID: id,
		Send: func(ctx context.Context) error {
			return c.Call(ctx, svc, action, map[string]any{idKey: id}, nil, NotIdempotent())
		},
		Status: k.statusOf(c, id),
	})
}

// ReleaseOutcomeUnknownError is a release (or terminate) whose answer was
// lost and whose object could not be read afterwards: whether it took effect
// is unknown, and it was not sent again.
type ReleaseOutcomeUnknownError struct {
	Action, Kind, ID string
	// Err is the call's error, ReadErr the error of the read after it.
	Err, ReadErr error
}

func (e *ReleaseOutcomeUnknownError) Error() string {
	return fmt.Sprintf("zenlayer %s of %s %s: the answer was lost (%v), and reading the object to learn whether the call took effect "+
		"failed too (%v). The call was not sent again: on an account with a recycle bin a second release frees for good what the "+
		"first may only have recycled. Run the destroy again: it reads the object first", e.Action, e.Kind, e.ID, e.Err, e.ReadErr)
}

func (e *ReleaseOutcomeUnknownError) Unwrap() []error { return []error{e.Err, e.ReadErr} }

// AnswerStatus makes a *BatchError a definite answer for transport.Ambiguous:
// the API answered 200 and named the ids it did not act on.
func (e *BatchError) AnswerStatus() (int, bool) { return http.StatusOK, false }

// IsReleaseOutcomeUnknown reports whether err is (or wraps) a *ReleaseOutcomeUnknownError.
func IsReleaseOutcomeUnknown(err error) bool {
	var ue *ReleaseOutcomeUnknownError
	return errors.As(err, &ue)
}
