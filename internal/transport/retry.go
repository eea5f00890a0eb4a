package transport

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// DefaultMaxElapsed bounds the retries of a call whose ctx has no deadline.
// Every operation of a resource has one (its timeout); a call without one
// (a Read, a coalesced lookup that outlives its callers) stops retrying
// after this long.
const DefaultMaxElapsed = 10 * time.Minute

// Policy says how long, and optionally how often, to retry a call. A call
// is retried until the deadline of its ctx (the operation's timeout), or
// for MaxElapsed when its ctx has none; a count bounds it only when
// MaxAttempts is set. A server's Retry-After is honoured: the next try is
// never sooner, and when it would come after the deadline the call fails
// at once instead of sleeping into the deadline.
type Policy struct {
	// MaxAttempts, if above 0, also bounds the number of tries (the first
	// one counts). 0 (the default) retries as long as time remains.
	MaxAttempts int
	// MaxElapsed bounds the retries of a call whose ctx has no deadline
	// (default DefaultMaxElapsed).
	MaxElapsed time.Duration
	// Base is the first backoff (default 500ms); it doubles up to Max (default 20s).
	Base time.Duration
	Max  time.Duration
	// Jitter spreads each backoff, 0..1 (default 0.5). A Retry-After is
	// lengthened (never shortened) by up to a quarter of Jitter, so that
	// callers refused together do not all come back at the same instant.
	Jitter float64
	// MaxRetryAfter, if above 0, caps a server's Retry-After (tests use it
	// to run fast). 0 (the default) honours it as the server sent it.
	MaxRetryAfter time.Duration
	Clock         wait.Clock
	// Rand returns a float in [0,1) for jitter; defaults to math/rand/v2.
	Rand func() float64
}

// DefaultPolicy is what the clients use unless told otherwise: bounded by
// time only.
func DefaultPolicy() Policy {
	return Policy{MaxElapsed: DefaultMaxElapsed, Base: 500 * time.Millisecond, Max: 20 * time.Second, Jitter: 0.5}
}

func (p Policy) withDefaults() Policy {
	d := DefaultPolicy()
	if p.MaxAttempts < 0 {
		p.MaxAttempts = 0
	}
	if p.MaxElapsed <= 0 {
		p.MaxElapsed = d.MaxElapsed
	}
	if p.Base <= 0 {
		p.Base = d.Base
	}
	if p.Max <= 0 {
		p.Max = d.Max
	}
	if p.Jitter <= 0 || p.Jitter > 1 {
		p.Jitter = d.Jitter
	}
	if p.Clock == nil {
		p.Clock = wait.RealClock
	}
	if p.Rand == nil {
		p.Rand = rand.Float64
	}
	return p
}

// Verdict is what one attempt says about retrying.
type Verdict struct {
	Retry bool
	// After is the server's Retry-After, if it gave one.
	After time.Duration
	// Reason names why a retry happens (for logs).
	Reason string
}

// Attempt performs one try of a call. It returns the error of that try and
// whether the failure may be retried.
type Attempt func(ctx context.Context, attempt int) (Verdict, error)

// OnRetry is told about each retry before the sleep.
type OnRetry func(attempt int, delay time.Duration, reason string, err error)

// Why a policy stopped retrying a call that was worth another try.
const (
	// StopAttempts: MaxAttempts tries were made.
	StopAttempts = "attempts"
	// StopDeadline: the ctx's deadline (or MaxElapsed) leaves no time for another try.
	StopDeadline = "deadline"
	// StopRetryAfter: the server's Retry-After points past the deadline.
	StopRetryAfter = "retry-after"
)

// RetryError is what Run returns when it stops retrying a call whose
// failure was worth another try (a 429, a 5xx or a connection error of a
// call that may be repeated): the tries or the time ran out, or the
// server asked to wait past the deadline. It wraps the last try's error,
// so the API's error stays visible to errors.As.
//
// It is transient (see Transient): the condition may pass, so a status
// poll that fails with it does not end a wait (internal/wait).
type RetryError struct {
	// Stop is why the retries stopped: StopAttempts, StopDeadline or StopRetryAfter.
	Stop     string
	Attempts int
	// Elapsed is the time from the first try to the end.
	Elapsed time.Duration
	// RetryAfter is the server's last Retry-After (StopRetryAfter).
	RetryAfter time.Duration
	// Remaining is the time that was left before the deadline (StopRetryAfter).
	Remaining time.Duration
	// Limit names the time limit: "the operation's deadline" or "the 10m0s retry limit".
	Limit string
	Err   error
	// ctxDeadline says the time limit was the ctx's deadline.
	ctxDeadline bool
}

func (e *RetryError) Error() string {
	switch e.Stop {
	case StopRetryAfter:
		return fmt.Sprintf("giving up after %d attempts: the server asked to retry after %s, past %s (%s left): %v",
			e.Attempts, e.RetryAfter, e.Limit, e.Remaining.Round(time.Millisecond), e.Err)
	case StopDeadline:
		return fmt.Sprintf("giving up after %d attempts in %s: %s leaves no time for another: %v",
			e.Attempts, e.Elapsed.Round(time.Millisecond), e.Limit, e.Err)
	}
	return fmt.Sprintf("giving up after %d attempts: %v", e.Attempts, e.Err)
}

func (e *RetryError) Unwrap() error { return e.Err }

// Transient reports true: the call failed for a reason that may pass.
func (e *RetryError) Transient() bool { return true }

// OutOfTime reports whether the retries stopped because the time ran out
// (the deadline or MaxElapsed, or a Retry-After past it) rather than the count.
func (e *RetryError) OutOfTime() bool { return e.Stop != StopAttempts }

// DeadlineReached reports whether the retries stopped because the
// deadline of the call's ctx (not MaxElapsed) left no time for another
// try: a wait whose poll fails so has timed out (internal/wait).
func (e *RetryError) DeadlineReached() bool { return e.OutOfTime() && e.ctxDeadline }

// Run calls fn until it succeeds, fails without a retry verdict, the time
// runs out (ctx's deadline, else MaxElapsed), MaxAttempts tries were made
// (if set) or ctx is done. A failure worth another try that is not retried
// any more comes back as a *RetryError; otherwise the last error as it is.
func (p Policy) Run(ctx context.Context, fn Attempt, onRetry OnRetry) error {
	p = p.withDefaults()
	start := p.Clock.Now()
	deadline, limit := start.Add(p.MaxElapsed), fmt.Sprintf("the %s retry limit", p.MaxElapsed)
	d, hasDeadline := ctx.Deadline()
	if hasDeadline {
		// The ctx's deadline is wall-clock time; measured on p.Clock (a
		// test's fake clock) it is the time left from now.
		deadline, limit = start.Add(time.Until(d)), "the operation's deadline"
	}
	for attempt := 1; ; attempt++ {
		v, err := fn(ctx, attempt)
		if err == nil {
			return nil
		}
		if !v.Retry {
			return err
		}
		giveUp := func(stop string) *RetryError {
			return &RetryError{Stop: stop, Attempts: attempt, Elapsed: p.Clock.Now().Sub(start), Limit: limit, Err: err, ctxDeadline: hasDeadline}
		}
		if ctx.Err() != nil {
			// The deadline passed during the try (a slow answer, a loaded
			// machine): a failure worth another try, out of time, as when
			// the deadline leaves no time for the next one.
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return giveUp(StopDeadline)
			}
			return err
		}
		if p.MaxAttempts > 0 && attempt >= p.MaxAttempts {
			return giveUp(StopAttempts)
		}
		remaining := deadline.Sub(p.Clock.Now())
		delay := wait.Backoff(attempt-1, p.Base, p.Max, p.Jitter, p.Rand)
		if v.After > 0 {
			after := v.After
			if p.MaxRetryAfter > 0 {
				after = min(after, p.MaxRetryAfter)
			}
			if after >= remaining {
				re := giveUp(StopRetryAfter)
				re.RetryAfter, re.Remaining = after, max(remaining, 0)
				return re
			}
			// Never sooner than asked; a little later (if time allows), so
			// that the callers refused together do not come back together.
			if delay = after + time.Duration(float64(after)*p.Jitter/4*p.Rand()); delay >= remaining {
				delay = after
			}
		} else if delay >= remaining {
			// Our own backoff (not the server's wish) may shrink: one more
			// try halfway to the deadline, if that leaves a meaningful wait.
			delay = remaining / 2
			if delay < min(p.Base, time.Second)/2 {
				return giveUp(StopDeadline)
			}
		}
		if onRetry != nil {
			onRetry(attempt, delay, v.Reason, err)
		}
		if serr := wait.Sleep(ctx, p.Clock, delay); serr != nil {
			if errors.Is(serr, context.DeadlineExceeded) {
				return giveUp(StopDeadline)
			}
			return fmt.Errorf("%w (retry interrupted: %w)", err, serr)
		}
	}
}

// ParseRetryAfter reads a Retry-After header: delta seconds or an HTTP date.
func ParseRetryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if secs, err := strconv.Atoi(h); err == nil {
		if secs < 0 {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// NotSent reports whether a transport error happened before any byte of
// the request could have reached the server (a refused or failed dial), so
// that even a non-idempotent request may be sent again.
func NotSent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED)
}

// TransportVerdict classifies an error from http.Client.Do. A read is
// always retried (unless ctx ended); a non-idempotent request only when it
// surely never left. An untrusted TLS certificate is never retried: it
// does not heal.
func TransportVerdict(ctx context.Context, err error, idempotent bool) Verdict {
	if ctx.Err() != nil || IsCertificateError(err) {
		return Verdict{}
	}
	if NotSent(err) {
		return Verdict{Retry: true, Reason: "connection failed before sending"}
	}
	if idempotent {
		return Verdict{Retry: true, Reason: "connection error"}
	}
	return Verdict{}
}

// StatusRetryable says whether an HTTP status is worth another try:
// 429 always (the server refused before doing anything); 5xx gateway and
// server errors only for idempotent requests.
func StatusRetryable(status int, idempotent bool) bool {
	switch status {
	case http.StatusTooManyRequests:
		return true
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return idempotent
	}
	return false
}

// UserAgent names the provider, its version and Terraform's.
func UserAgent(providerVersion, terraformVersion string) string {
	ua := "terraform-provider-cloudcompute/" + providerVersion
	if terraformVersion != "" {
		ua = "Terraform/" + terraformVersion + " " + ua
	}
	return ua
}

// IsLoopbackHost reports whether host (with or without a port) is a loopback
// address or localhost: plain HTTP and skipped TLS checks are allowed only there.
func IsLoopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Answer is an error that is an API's answer: its HTTP status, and whether
// the client could not read it (a malformed 2xx).
type Answer interface {
	error
	AnswerStatus() (status int, unreadable bool)
}

// Ambiguous reports whether a failed create may nevertheless have been
// applied: the answer never came (a transport error, the caller's ctx
// ended), or the server failed after it may have acted (5xx, an answer the
// client cannot read). A 4xx refusal is not ambiguous, and neither is an
// untrusted certificate (the request was never sent).
func Ambiguous(err error) bool {
	if err == nil || IsCertificateError(err) {
		return false
	}
	var ans Answer
	if errors.As(err, &ans) {
		status, unreadable := ans.AnswerStatus()
		return status >= http.StatusInternalServerError || unreadable
	}
	return true
}
