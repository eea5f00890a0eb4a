// Package transport holds what the API clients share on the wire: the one
// retry policy (capped exponential backoff with jitter, Retry-After, ctx),
// the rule for which failures are safe to retry, and the User-Agent.
package transport

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// Policy says how often and how long to retry a call.
type Policy struct {
	// MaxAttempts counts the first try (default 6).
	MaxAttempts int
	// Base is the first backoff (default 500ms); it doubles up to Max (default 20s).
	Base time.Duration
	Max  time.Duration
	// Jitter spreads each backoff, 0..1 (default 0.5).
	Jitter float64
	// MaxRetryAfter caps a server's Retry-After (default 60s).
	MaxRetryAfter time.Duration
	Clock         wait.Clock
}

// DefaultPolicy is what the clients use unless told otherwise.
func DefaultPolicy() Policy {
	return Policy{MaxAttempts: 6, Base: 500 * time.Millisecond, Max: 20 * time.Second, Jitter: 0.5, MaxRetryAfter: time.Minute}
}

func (p Policy) withDefaults() Policy {
	d := DefaultPolicy()
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = d.MaxAttempts
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
	if p.MaxRetryAfter <= 0 {
		p.MaxRetryAfter = d.MaxRetryAfter
	}
	if p.Clock == nil {
		p.Clock = wait.RealClock
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

// Run calls fn until it succeeds, fails without a retry verdict, the
// attempts run out or ctx is done. It returns the last error.
func (p Policy) Run(ctx context.Context, fn Attempt, onRetry OnRetry) error {
	p = p.withDefaults()
	for attempt := 1; ; attempt++ {
		v, err := fn(ctx, attempt)
		if err == nil {
			return nil
		}
		if !v.Retry || attempt >= p.MaxAttempts {
			if v.Retry {
				return fmt.Errorf("giving up after %d attempts: %w", attempt, err)
			}
			return err
		}
		if ctx.Err() != nil {
			return err
		}
		delay := wait.Backoff(attempt-1, p.Base, p.Max, p.Jitter, nil)
		if v.After > 0 {
			delay = max(delay, min(v.After, p.MaxRetryAfter))
		}
		if onRetry != nil {
			onRetry(attempt, delay, v.Reason, err)
		}
		if serr := wait.Sleep(ctx, p.Clock, delay); serr != nil {
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
