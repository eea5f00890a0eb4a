package wait

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Gone is the status a StatusFunc reports when the object was not found.
// Put it in Target to wait for a deletion.
const Gone = "(gone)"

// StatusFunc reads the object once and reports its status. It returns
// status Gone (and a zero object) when the API says the object does not
// exist. A transient error (see IsTransient) is polled through; any other
// error ends the wait.
type StatusFunc[T any] func(ctx context.Context) (T, string, error)

// StatusOf is the status function of the object id, read by find (the
// client's finder): what find reports as not found (isNotFound) is Gone,
// any other error is the poll's, and status reads the status of what was
// found. Every status function of the provider is one of these.
func StatusOf[T any](find func(ctx context.Context, id string) (T, error), id string, isNotFound func(error) bool, status func(T) string) StatusFunc[T] {
	return func(ctx context.Context) (T, string, error) {
		var zero T
		obj, err := find(ctx, id)
		if isNotFound(err) {
			return zero, Gone, nil
		}
		if err != nil {
			return zero, "", err
		}
		return obj, status(obj), nil
	}
}

// Object is the usual wait for one object of an API: label names its kind
// ("ZEC disk"), refresh reads its status (see StatusOf). The Operation is
// "<label> <id> <what>", each poll is logged at debug level ("polled
// <label>", with the id, the status, the attempt and what is awaited), and
// a status outside target and failure counts as in progress: the APIs add
// statuses over time. Set any other field on the result.
func Object[T any](ctx context.Context, label, id, what string, refresh StatusFunc[T], timeout time.Duration, target, failure []string) Config[T] {
	return Config[T]{
		Operation:        label + " " + id + " " + what,
		Target:           target,
		Failure:          failure,
		UnknownIsPending: true,
		Refresh:          refresh,
		Timeout:          timeout,
		OnPoll: func(attempt int, status string) {
			tflog.Debug(ctx, "polled "+label, map[string]any{"id": id, "status": status, "attempt": attempt, "waiting_for": what})
		},
	}
}

// Clock is the time source of a wait; tests replace it.
type Clock interface {
	Now() time.Time
	// After waits for d and sends the time then, like time.After.
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// RealClock is the wall clock.
var RealClock Clock = realClock{}

// Config describes one wait.
type Config[T any] struct {
	// Operation names what is awaited, for errors ("ZEC disk d-1 to be AVAILABLE").
	Operation string
	// Pending statuses keep the wait going. With UnknownIsPending, any status
	// outside Target and Failure does too.
	Pending []string
	// Target statuses end the wait successfully. Include Gone to wait for a deletion.
	Target []string
	// Failure statuses end the wait at once with a *FailureError.
	Failure []string
	// UnknownIsPending treats a status outside Pending, Target and Failure as
	// still in progress rather than as an error. The APIs we call add statuses
	// over time, so most waits set it.
	UnknownIsPending bool
	// FailureDetail, if set, adds the API's reason to a failure error.
	FailureDetail func(obj T) string

	Refresh StatusFunc[T]

	// Timeout bounds the whole wait; zero means 20 minutes.
	Timeout time.Duration
	// Delay before the first poll (default 0: the first poll is immediate).
	Delay time.Duration
	// MinInterval is the first interval between polls (default 500ms).
	MinInterval time.Duration
	// MaxInterval caps the backoff (default 10s).
	MaxInterval time.Duration
	// Multiplier grows the interval after each poll that does not settle (default 1.5).
	Multiplier float64
	// Jitter is the share of each interval that is randomised, 0..1 (default 0.2).
	Jitter float64
	// Proportional, if above 0, replaces the Multiplier growth: each interval
	// is this share of the time waited so far, within MinInterval and
	// MaxInterval. A wait then overshoots the moment its object settles by
	// at most that share (0.1: 10%), however long the operation takes.
	Proportional float64
	// Align rounds each interval down to MinInterval times a power of two and
	// polls on the clock's multiples of it, without jitter. Waits that run at
	// the same time then poll at the same instants, so the client's coalescer
	// answers all of them with one call per tick.
	Align bool
	// NotFoundChecks is how many consecutive Gone answers are needed before
	// the object is believed gone (default 1 when Gone is a target, else 3
	// for an object that may not be visible yet after its creation).
	NotFoundChecks int
	// ContinuousTargetOccurrence is how many consecutive target answers are
	// needed (default 1).
	ContinuousTargetOccurrence int

	// Clock defaults to RealClock.
	Clock Clock
	// Rand returns a float in [0,1) for jitter; defaults to math/rand/v2.
	Rand func() float64
	// OnPoll, if set, is called after each poll (for logging).
	OnPoll func(attempt int, status string)
}

// finalPollReserve is how much of the time before the deadline, at most,
// the last poll of a wait has to be answered (half the time left, if that
// is less).
const finalPollReserve = 2 * time.Second

// Shared polling schedule of every API wait of the provider: the first
// poll at once, then every PollMin, growing with the time waited (10% of
// it) up to PollMax, on a clock grid shared by all waits so that the API
// clients' coalescers answer simultaneous waits with one call.
var (
	PollMin = 100 * time.Millisecond
	PollMax = 10 * time.Second
)

// WithSharedPolling fills the schedule fields that are unset with the
// shared schedule (PollMin, PollMax, Proportional 0.1, Align).
func (c Config[T]) WithSharedPolling() Config[T] {
	if c.MinInterval <= 0 {
		c.MinInterval = PollMin
	}
	if c.MaxInterval <= 0 {
		c.MaxInterval = PollMax
	}
	if c.Proportional <= 0 {
		c.Proportional = 0.1
	}
	c.Align = true
	return c
}

// Transient is implemented by errors that say whether the failure may
// pass by itself (the retry policy's *transport.RetryError: a 429, a 5xx
// or a connection error that its retries did not overcome).
type Transient interface {
	Transient() bool
}

// IsTransient reports whether err, or an error it wraps, is Transient and
// says it is.
func IsTransient(err error) bool {
	var t Transient
	return errors.As(err, &t) && t.Transient()
}

// deadlineReached is implemented by errors that ended because the
// deadline of the ctx left no time for another try (the retry policy's
// *transport.RetryError).
type deadlineReached interface {
	DeadlineReached() bool
}

// TimeoutError is returned when the wait's timeout (or the deadline of its
// ctx) passes first.
type TimeoutError struct {
	Operation  string
	LastStatus string
	Timeout    time.Duration
	// LastError is the last transient error of a poll, if the last poll failed
	// with one (it is what the wait saw last).
	LastError error
}

func (e *TimeoutError) Error() string {
	timeout := e.Timeout.Round(time.Millisecond)
	if timeout >= time.Second {
		timeout = timeout.Round(time.Second)
	}
	msg := fmt.Sprintf("timeout after %s waiting for %s (last status: %s)", timeout, e.Operation, displayStatus(e.LastStatus))
	if e.LastError != nil {
		msg += "; the last poll failed: " + e.LastError.Error()
	}
	return msg
}

// Unwrap returns the last transient error, if any.
func (e *TimeoutError) Unwrap() error { return e.LastError }

// Is makes errors.Is(err, context.DeadlineExceeded) true for a timeout.
func (e *TimeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// FailureError is returned when the object reaches a failure status.
type FailureError struct {
	Operation string
	Status    string
	Detail    string
}

func (e *FailureError) Error() string {
	msg := fmt.Sprintf("%s: reached failure status %s", e.Operation, e.Status)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// UnexpectedStatusError is returned for a status outside Pending, Target and
// Failure when UnknownIsPending is false.
type UnexpectedStatusError struct {
	Operation string
	Status    string
	Expected  []string
}

func (e *UnexpectedStatusError) Error() string {
	return fmt.Sprintf("%s: unexpected status %s, wanted one of %s", e.Operation, displayStatus(e.Status), strings.Join(e.Expected, ", "))
}

// ErrGone is wrapped by the error returned when the object disappears while
// Gone is not a target.
var ErrGone = errors.New("object no longer exists")

func displayStatus(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func (c *Config[T]) defaults() {
	if c.Timeout <= 0 {
		c.Timeout = 20 * time.Minute
	}
	if c.MinInterval <= 0 {
		c.MinInterval = 500 * time.Millisecond
	}
	if c.MaxInterval <= 0 {
		c.MaxInterval = 10 * time.Second
	}
	if c.MaxInterval < c.MinInterval {
		c.MaxInterval = c.MinInterval
	}
	if c.Multiplier < 1 {
		c.Multiplier = 1.5
	}
	if c.Jitter < 0 || c.Jitter > 1 {
		c.Jitter = 0.2
	}
	if c.NotFoundChecks <= 0 {
		if slices.Contains(c.Target, Gone) {
			c.NotFoundChecks = 1
		} else {
			c.NotFoundChecks = 3
		}
	}
	if c.ContinuousTargetOccurrence <= 0 {
		c.ContinuousTargetOccurrence = 1
	}
	if c.Clock == nil {
		c.Clock = RealClock
	}
	if c.Rand == nil {
		c.Rand = rand.Float64
	}
	if c.Operation == "" {
		c.Operation = "status to settle"
	}
}

// Until polls cfg.Refresh until the status is a target, a failure, the
// timeout passes or ctx is done. It returns the last object read.
//
// The timeout is cfg.Timeout, or the time left before ctx's deadline if
// that is sooner; each poll gets the time that is left as its deadline, so
// the client's retries inside a poll end with the wait. A poll that fails
// with a transient error is logged and polled again; when the time runs
// out (between polls, during one, or in the client's retries) the error
// is a *TimeoutError, never a bare "context deadline exceeded". A ctx
// cancelled (Ctrl-C) ends the wait with an error that wraps context.Canceled.
func Until[T any](ctx context.Context, cfg Config[T]) (T, error) {
	cfg.defaults()
	var zero T
	if cfg.Refresh == nil {
		return zero, errors.New("wait: no Refresh function")
	}
	start := cfg.Clock.Now()
	if d, ok := ctx.Deadline(); ok {
		// The ctx's deadline is wall-clock time; on cfg.Clock (a test's
		// fake clock) it is the time left from now.
		cfg.Timeout = min(cfg.Timeout, max(time.Until(d), 0))
	}
	deadline := start.Add(cfg.Timeout)
	interval := cfg.MinInterval
	next := cfg.Delay
	lastStatus := ""
	var lastErr error
	notFound, targetSeen := 0, 0
	var last T
	timeout := func() error {
		return &TimeoutError{Operation: cfg.Operation, LastStatus: lastStatus, Timeout: cfg.Timeout, LastError: lastErr}
	}
	// ended is the error of a wait whose ctx is done: a timeout if its
	// deadline passed, else (Ctrl-C) the cancellation.
	ended := func() error {
		if errors.Is(context.Cause(ctx), context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return timeout()
		}
		return fmt.Errorf("waiting for %s (last status: %s): %w", cfg.Operation, displayStatus(lastStatus), context.Cause(ctx))
	}

	for attempt := 1; ; attempt++ {
		// final marks the last poll: the one that the next sleep would
		// otherwise push past the deadline.
		final := false
		if next > 0 {
			remaining := deadline.Sub(cfg.Clock.Now())
			if remaining <= 0 {
				return last, timeout()
			}
			if next >= remaining {
				// Early enough for the poll to be answered before the deadline.
				next, final = remaining-min(remaining/2, finalPollReserve), true
			}
			select {
			case <-ctx.Done():
				return last, ended()
			case <-cfg.Clock.After(next):
			}
		} else if ctx.Err() != nil {
			return last, ended()
		}
		budget := deadline.Sub(cfg.Clock.Now())
		if budget <= 0 {
			return last, timeout()
		}

		obj, status, pollTimedOut, err := cfg.poll(ctx, budget)
		if err != nil {
			var dr deadlineReached
			switch {
			case ctx.Err() != nil:
				return last, ended()
			case pollTimedOut && (IsTransient(err) || errors.Is(err, context.DeadlineExceeded)),
				errors.As(err, &dr) && dr.DeadlineReached():
				// The poll, or the client's retries inside it, ran into the
				// wait's deadline (or a Retry-After past it). A try cut
				// short by the deadline says nothing new: the last
				// transient error stays the one reported.
				if IsTransient(err) {
					lastErr = err
				}
				return last, timeout()
			case IsTransient(err):
				lastErr = err
				if final {
					return last, timeout()
				}
				tflog.Warn(ctx, "status poll failed with a transient error; polling again", map[string]any{
					"waiting_for": cfg.Operation, "attempt": attempt, "last_status": displayStatus(lastStatus), "error": err.Error(),
				})
				next, interval = cfg.nextSleep(interval, start)
				continue
			}
			return last, fmt.Errorf("waiting for %s: %w", cfg.Operation, err)
		}
		lastErr = nil
		if cfg.OnPoll != nil {
			cfg.OnPoll(attempt, status)
		}
		reportProgress(ctx, cfg.Operation, lastStatus, status, cfg.Clock.Now().Sub(start))
		lastStatus = status

		switch {
		case status == Gone:
			targetSeen = 0
			notFound++
			if notFound >= cfg.NotFoundChecks {
				if slices.Contains(cfg.Target, Gone) {
					return zero, nil
				}
				return zero, fmt.Errorf("waiting for %s: %w", cfg.Operation, ErrGone)
			}
		case slices.Contains(cfg.Target, status):
			notFound = 0
			last = obj
			targetSeen++
			if targetSeen >= cfg.ContinuousTargetOccurrence {
				return obj, nil
			}
		case slices.Contains(cfg.Failure, status):
			detail := ""
			if cfg.FailureDetail != nil {
				detail = cfg.FailureDetail(obj)
			}
			return obj, &FailureError{Operation: cfg.Operation, Status: status, Detail: detail}
		case slices.Contains(cfg.Pending, status) || cfg.UnknownIsPending:
			notFound, targetSeen = 0, 0
			last = obj
		default:
			return obj, &UnexpectedStatusError{Operation: cfg.Operation, Status: status, Expected: append(slices.Clone(cfg.Pending), cfg.Target...)}
		}

		next, interval = cfg.nextSleep(interval, start)
		if final || !cfg.Clock.Now().Before(deadline) {
			return last, timeout()
		}
	}
}

// poll calls Refresh once with the time that is left as its deadline, and
// says whether that deadline passed.
func (c *Config[T]) poll(ctx context.Context, remaining time.Duration) (T, string, bool, error) {
	pctx, cancel := context.WithTimeout(ctx, remaining)
	defer cancel()
	obj, status, err := c.Refresh(pctx)
	return obj, status, pctx.Err() != nil, err
}

// nextSleep decides the sleep before the next poll and the interval after it.
func (c *Config[T]) nextSleep(interval time.Duration, start time.Time) (time.Duration, time.Duration) {
	now := c.Clock.Now()
	if c.Proportional > 0 {
		interval = min(max(time.Duration(c.Proportional*float64(now.Sub(start))), c.MinInterval), c.MaxInterval)
	}
	if c.Align {
		step := c.MinInterval
		for step*2 <= interval {
			step *= 2
		}
		next := step - time.Duration(now.UnixNano()%int64(step))
		if next < step/10 { // on the grid point already: take the next one
			next += step
		}
		if c.Proportional <= 0 {
			interval = min(time.Duration(float64(interval)*c.Multiplier), c.MaxInterval)
		}
		return next, interval
	}
	next := jittered(interval, c.Jitter, c.Rand)
	if c.Proportional <= 0 {
		interval = min(time.Duration(float64(interval)*c.Multiplier), c.MaxInterval)
	}
	return next, interval
}
