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
	var re *RetryError
	if !errors.As(err, &re) || re.Stop != StopAttempts || re.OutOfTime() {
		t.Fatalf("want a *RetryError stopped by the count, got %#v", err)
	}
	if len(clock.delays) != 5 {
		t.Fatalf("delays %v", clock.delays)
	}
	// The third attempt's Retry-After (10s) is capped to MaxRetryAfter, and
	// lengthened by at most a quarter of the jitter.
	if d := clock.delays[2]; d < time.Second || d > time.Second+time.Second/8 {
		t.Errorf("delay after Retry-After = %s, want the 1s cap (+12.5%%)", d)
	}
	for i, d := range clock.delays {
		if i != 2 && (d > 500*time.Millisecond || d <= 0) {
			t.Errorf("backoff %d = %s, want in (0, Max+25%%]", i, d)
		}
	}
}

// Unset, the count does not bound the retries: a call refused with 429
// and Retry-After is retried past the old six attempts, every time no
// sooner than the server asked, until it succeeds.
func TestRunHonoursRetryAfterPastSixAttempts(t *testing.T) {
	clock := &stepClock{now: time.Unix(0, 0)}
	calls := 0
	err := DefaultPolicy().withClock(clock).Run(context.Background(), func(context.Context, int) (Verdict, error) {
		calls++
		if calls <= 12 {
			return Verdict{Retry: true, After: 2 * time.Second, Reason: "REQUEST_LIMIT_EXCEEDED"}, errors.New("429")
		}
		return Verdict{}, nil
	}, nil)
	if err != nil || calls != 13 {
		t.Fatalf("calls=%d err=%v, want success at the 13th", calls, err)
	}
	for i, d := range clock.delays {
		if d < 2*time.Second || d > 2*time.Second+2*time.Second/8 {
			t.Errorf("delay %d = %s, want Retry-After 2s (+12.5%%)", i, d)
		}
	}
}

// With a deadline on ctx (the operation's timeout) a failing call is
// retried until no time is left, never after it, and the error says so.
func TestRunBoundedByDeadline(t *testing.T) {
	clock := &stepClock{now: time.Unix(0, 0)}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p := Policy{Base: 100 * time.Millisecond, Max: 2 * time.Second, Clock: clock}
	calls := 0
	apiErr := errors.New("HTTP 503")
	err := p.Run(ctx, func(context.Context, int) (Verdict, error) { calls++; return Verdict{Retry: true}, apiErr }, nil)
	var re *RetryError
	if !errors.As(err, &re) || re.Stop != StopDeadline || !re.OutOfTime() || !errors.Is(err, apiErr) {
		t.Fatalf("want a *RetryError at the deadline wrapping the last error, got %v", err)
	}
	if elapsed := clock.Now().Sub(time.Unix(0, 0)); elapsed > time.Minute || elapsed < 55*time.Second {
		t.Fatalf("retried for %s with a 1m deadline", elapsed)
	}
	if calls <= 6 {
		t.Fatalf("%d calls in a minute: the count still bounds the retries", calls)
	}
	if !strings.Contains(err.Error(), "the operation's deadline leaves no time for another") || !strings.Contains(err.Error(), "HTTP 503") {
		t.Fatalf("message %q", err)
	}
}

// Without a deadline on ctx, MaxElapsed bounds the retries.
func TestRunBoundedByMaxElapsedWithoutDeadline(t *testing.T) {
	clock := &stepClock{now: time.Unix(0, 0)}
	p := Policy{MaxElapsed: 30 * time.Second, Base: 100 * time.Millisecond, Max: time.Second, Clock: clock}
	calls := 0
	err := p.Run(context.Background(), func(context.Context, int) (Verdict, error) {
		calls++
		return Verdict{Retry: true}, errors.New("connection reset")
	}, nil)
	var re *RetryError
	if !errors.As(err, &re) || re.Stop != StopDeadline || !strings.Contains(err.Error(), "the 30s retry limit") {
		t.Fatalf("want a *RetryError at the 30s limit, got %v", err)
	}
	if elapsed := clock.Now().Sub(time.Unix(0, 0)); elapsed > 30*time.Second || calls <= 6 {
		t.Fatalf("%d calls in %s", calls, elapsed)
	}
	if DefaultPolicy().MaxElapsed != 10*time.Minute || DefaultPolicy().MaxAttempts != 0 {
		t.Fatalf("default policy %+v: want time-bounded (10m without a deadline), no count", DefaultPolicy())
	}
}

// A Retry-After that would end after the deadline fails at once with an
// error that says so, instead of sleeping into the deadline.
func TestRunRetryAfterPastDeadlineFailsAtOnce(t *testing.T) {
	clock := &stepClock{now: time.Unix(0, 0)}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	calls := 0
	err := DefaultPolicy().withClock(clock).Run(ctx, func(context.Context, int) (Verdict, error) {
		calls++
		return Verdict{Retry: true, After: time.Minute}, errors.New("REQUEST_LIMIT_EXCEEDED")
	}, nil)
	var re *RetryError
	if !errors.As(err, &re) || re.Stop != StopRetryAfter || re.RetryAfter != time.Minute {
		t.Fatalf("want a *RetryError for the Retry-After, got %v", err)
	}
	if calls != 1 || len(clock.delays) != 0 {
		t.Fatalf("calls=%d sleeps=%v: it must give up at once", calls, clock.delays)
	}
	if want := "the server asked to retry after 1m0s, past the operation's deadline"; !strings.Contains(err.Error(), want) {
		t.Fatalf("message %q lacks %q", err, want)
	}
}

// A count bounds the retries only when it is set.
func TestRunMaxAttemptsWhenSet(t *testing.T) {
	p := Policy{MaxAttempts: 3, Base: time.Millisecond, Clock: &stepClock{}}
	calls := 0
	err := p.Run(context.Background(), func(context.Context, int) (Verdict, error) {
		calls++
		return Verdict{Retry: true, After: time.Second}, errors.New("429")
	}, nil)
	if calls != 3 || !strings.Contains(fmt.Sprint(err), "giving up after 3 attempts: 429") {
		t.Fatalf("calls=%d err=%v", calls, err)
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

// withClock returns p with clock as its clock.
func (p Policy) withClock(c *stepClock) Policy { p.Clock = c; return p }

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

// The deadline of the call's ctx passes during a try that fails with a
// failure worth another try (a slow 503 on a loaded machine): the retries
// stop because the deadline was reached, as when it leaves no time for the
// next try, so that a wait whose poll this is reports its timeout, not the
// 503 as a failure of its own. Ctrl-C during a try still returns the error
// as it is.
func TestDeadlinePassedDuringATry(t *testing.T) {
	slow503 := func(ctx context.Context, _ int) (Verdict, error) {
		<-ctx.Done()
		return Verdict{Retry: true}, errors.New("HTTP 503")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	var re *RetryError
	if err := (Policy{}).Run(ctx, slow503, nil); !errors.As(err, &re) || !re.DeadlineReached() || err.Error() == "HTTP 503" {
		t.Fatalf("got %v, want a *RetryError that reached the deadline", err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	if err := (Policy{}).Run(ctx, slow503, nil); errors.As(err, &re) || err.Error() != "HTTP 503" {
		t.Fatalf("got %v after Ctrl-C, want the try's error as it is", err)
	}
}
