// Package wait holds the provider's one generic waiter: it polls a status
// function until the status settles, with exponential backoff (capped, with
// jitter), a timeout, context cancellation, failure states that end the wait
// at once, and a count of consecutive not-found answers before "gone" is
// believed. Its clock can be replaced in tests.
package wait

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Gone is the status a StatusFunc reports when the object was not found.
// Put it in Target to wait for a deletion.
const Gone = "(gone)"

// StatusFunc reads the object once and reports its status. It returns
// status Gone (and a zero object) when the API says the object does not
// exist; any error ends the wait.
type StatusFunc[T any] func(ctx context.Context) (T, string, error)

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

// TimeoutError is returned when the wait's timeout passes first.
type TimeoutError struct {
	Operation  string
	LastStatus string
	Timeout    time.Duration
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("timeout after %s waiting for %s (last status: %s)", e.Timeout, e.Operation, displayStatus(e.LastStatus))
}

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
func Until[T any](ctx context.Context, cfg Config[T]) (T, error) {
	cfg.defaults()
	var zero T
	if cfg.Refresh == nil {
		return zero, errors.New("wait: no Refresh function")
	}
	start := cfg.Clock.Now()
	deadline := start.Add(cfg.Timeout)
	interval := cfg.MinInterval
	next := cfg.Delay
	lastStatus := ""
	notFound, targetSeen := 0, 0
	var last T

	for attempt := 1; ; attempt++ {
		if next > 0 {
			remaining := deadline.Sub(cfg.Clock.Now())
			if remaining <= 0 {
				return last, &TimeoutError{Operation: cfg.Operation, LastStatus: lastStatus, Timeout: cfg.Timeout}
			}
			if next > remaining {
				next = remaining
			}
			select {
			case <-ctx.Done():
				return last, fmt.Errorf("waiting for %s (last status: %s): %w", cfg.Operation, displayStatus(lastStatus), context.Cause(ctx))
			case <-cfg.Clock.After(next):
			}
		} else if err := ctx.Err(); err != nil {
			return last, fmt.Errorf("waiting for %s (last status: %s): %w", cfg.Operation, displayStatus(lastStatus), context.Cause(ctx))
		}

		obj, status, err := cfg.Refresh(ctx)
		if err != nil {
			return last, fmt.Errorf("waiting for %s: %w", cfg.Operation, err)
		}
		if cfg.OnPoll != nil {
			cfg.OnPoll(attempt, status)
		}
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
		if !cfg.Clock.Now().Before(deadline) {
			return last, &TimeoutError{Operation: cfg.Operation, LastStatus: lastStatus, Timeout: cfg.Timeout}
		}
	}
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

// jittered spreads d over [d*(1-j/2), d*(1+j/2)).
func jittered(d time.Duration, j float64, r func() float64) time.Duration {
	if j == 0 {
		return d
	}
	f := 1 - j/2 + j*r()
	return time.Duration(float64(d) * f)
}

// Backoff returns the capped exponential backoff with jitter for retry
// attempt n (0-based): base*2^n, capped at max, spread by jitter. The
// transports of the API clients share it.
func Backoff(n int, base, maxDelay time.Duration, jitter float64, r func() float64) time.Duration {
	d := base
	for i := 0; i < n && d < maxDelay; i++ {
		d *= 2
	}
	d = min(d, maxDelay)
	if r == nil {
		r = rand.Float64
	}
	return jittered(d, jitter, r)
}

// Sleep waits for d or until ctx is done, whichever comes first.
func Sleep(ctx context.Context, clock Clock, d time.Duration) error {
	if clock == nil {
		clock = RealClock
	}
	if d <= 0 {
		return ctx.Err()
	}
	select {
	case <-ctx.Done():
		return context.Cause(ctx)
	case <-clock.After(d):
		return nil
	}
}
