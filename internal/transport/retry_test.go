package transport

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// stepClock is a wait.Clock whose After fires at once and records the delays.
type stepClock struct {
	mu     sync.Mutex
	now    time.Time
	delays []time.Duration
}

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *stepClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.delays = append(c.delays, d)
	c.now = c.now.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.now
	return ch
}

func TestRunBacksOffWithCapAndRetryAfter(t *testing.T) {
	clock := &stepClock{now: time.Unix(0, 0)}
	p := Policy{MaxAttempts: 6, Base: 100 * time.Millisecond, Max: 400 * time.Millisecond, Jitter: 0.5, MaxRetryAfter: time.Second, Clock: clock}
	calls := 0
	err := p.Run(context.Background(), func(context.Context, int) (Verdict, error) {
		calls++
		if calls == 3 {
			return Verdict{Retry: true, After: 10 * time.Second}, errors.New("rate limited")
		}
		return Verdict{Retry: true}, errors.New("busy")
	}, nil)
	if calls != 6 || err == nil || !strings.Contains(err.Error(), "giving up after 6 attempts") {
		t.Fatalf("calls=%d err=%v", calls, err)
	}
	if len(clock.delays) != 5 {
		t.Fatalf("delays %v", clock.delays)
	}
	for i, d := range clock.delays {
		if d > time.Second || d <= 0 {
			t.Errorf("delay %d = %s, want in (0, 1s]", i, d)
		}
	}
	// The third attempt's Retry-After (10s) is capped to MaxRetryAfter.
	if clock.delays[2] != time.Second {
		t.Errorf("delay after Retry-After = %s, want the 1s cap", clock.delays[2])
	}
	// Backoff without Retry-After never exceeds Max, spread by the jitter (±25%).
	if clock.delays[4] > 500*time.Millisecond {
		t.Errorf("backoff %s exceeds Max", clock.delays[4])
	}
}

func TestRunStopsOnNonRetryableAndSuccess(t *testing.T) {
	p := Policy{MaxAttempts: 5, Base: time.Millisecond, Clock: &stepClock{}}
	calls := 0
	wantErr := errors.New("bad request")
	err := p.Run(context.Background(), func(context.Context, int) (Verdict, error) { calls++; return Verdict{}, wantErr }, nil)
	if calls != 1 || !errors.Is(err, wantErr) {
		t.Fatalf("calls=%d err=%v", calls, err)
	}
	calls = 0
	err = p.Run(context.Background(), func(context.Context, int) (Verdict, error) {
		calls++
		if calls < 3 {
			return Verdict{Retry: true}, errors.New("flaky")
		}
		return Verdict{}, nil
	}, nil)
	if calls != 3 || err != nil {
		t.Fatalf("calls=%d err=%v", calls, err)
	}
}

func TestRunHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p := Policy{MaxAttempts: 100, Base: time.Hour, Max: time.Hour}
	calls := 0
	go func() { time.Sleep(10 * time.Millisecond); cancel() }()
	err := p.Run(ctx, func(context.Context, int) (Verdict, error) { calls++; return Verdict{Retry: true}, errors.New("busy") }, nil)
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Fatalf("calls=%d err=%v", calls, err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	for h, want := range map[string]time.Duration{
		"": 0, "3": 3 * time.Second, " 0 ": 0, "-5": 0, "soon": 0,
		now.Add(90 * time.Second).Format(http.TimeFormat): 90 * time.Second,
		now.Add(-time.Minute).Format(http.TimeFormat):     0,
	} {
		if got := ParseRetryAfter(h, now); got != want {
			t.Errorf("ParseRetryAfter(%q) = %s, want %s", h, got, want)
		}
	}
}

func TestTransportVerdict(t *testing.T) {
	dial := &net.OpError{Op: "dial", Err: errors.New("connection refused")}
	read := &net.OpError{Op: "read", Err: errors.New("connection reset by peer")}
	ctx := context.Background()
	for _, tc := range []struct {
		name       string
		err        error
		idempotent bool
		retry      bool
	}{
		{"dial failure, create", fmt.Errorf("post: %w", dial), false, true},
		{"dial failure, read", dial, true, true},
		{"reset after sending, create", read, false, false},
		{"reset after sending, read", read, true, true},
		{"dns failure, create", &net.DNSError{Err: "no such host"}, false, true},
	} {
		if v := TransportVerdict(ctx, tc.err, tc.idempotent); v.Retry != tc.retry {
			t.Errorf("%s: retry=%v, want %v", tc.name, v.Retry, tc.retry)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if v := TransportVerdict(cancelled, read, true); v.Retry {
		t.Error("a cancelled context must not retry")
	}
}

func TestStatusRetryable(t *testing.T) {
	for _, tc := range []struct {
		status           int
		idempotent, want bool
	}{
		{429, false, true}, {429, true, true}, {500, true, true}, {500, false, false}, {503, true, true},
		{400, true, false}, {401, true, false}, {403, true, false}, {404, true, false}, {501, true, false},
	} {
		if got := StatusRetryable(tc.status, tc.idempotent); got != tc.want {
			t.Errorf("StatusRetryable(%d, %v) = %v", tc.status, tc.idempotent, got)
		}
	}
}

func TestIsLoopbackHost(t *testing.T) {
	for h, want := range map[string]bool{
		"127.0.0.1": true, "127.0.0.1:8780": true, "localhost:1": true, "LOCALHOST": true, "[::1]:80": true, "::1": true,
		"127.1.2.3": true, "10.0.0.1": false, "example.com": false, "localhost.example.com": false, "": false,
	} {
		if got := IsLoopbackHost(h); got != want {
			t.Errorf("IsLoopbackHost(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestUserAgent(t *testing.T) {
	if got := UserAgent("1.0.0", "1.11.4"); got != "Terraform/1.11.4 terraform-provider-cloudcompute/1.0.0" {
		t.Errorf("UserAgent = %q", got)
	}
	if got := UserAgent("dev", ""); got != "terraform-provider-cloudcompute/dev" {
		t.Errorf("UserAgent = %q", got)
	}
}
