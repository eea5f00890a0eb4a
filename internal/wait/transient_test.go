package wait_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// clock is a fake wait.Clock: After advances it at once (or never fires, when blocked).
type clock struct {
	mu    sync.Mutex
	now   time.Time
	block bool
}

var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if !c.block {
		c.now = c.now.Add(d)
		ch <- c.now
	}
	return ch
}

// apiError is a client's error answer (as zenlayer.APIError and
// huaweicloud.APIError are): the transport sees its status.
type apiError struct{ status int }

func (e *apiError) Error() string             { return "HTTP " + strconv.Itoa(e.status) + " from the API" }
func (e *apiError) AnswerStatus() (int, bool) { return e.status, false }

var _ transport.Answer = (*apiError)(nil)

// failingCall runs one call through a retry policy that gives up after one
// try, as a client configured with max_retries = 0 does: what a status
// poll returns when its retries did not overcome a 429 or a 5xx.
func failingCall(ctx context.Context, c wait.Clock, status int) error {
	p := transport.Policy{MaxAttempts: 1, Clock: c}
	return p.Run(ctx, func(context.Context, int) (transport.Verdict, error) {
		return transport.Verdict{Retry: true, Reason: "HTTP " + strconv.Itoa(status)}, &apiError{status: status}
	}, nil)
}

type disk struct{ status string }

// A 429, a 503 or a cut connection while polling does not end the wait:
// it polls again and sees the object settle.
func TestUntilPollsThroughTransientErrors(t *testing.T) {
	c := &clock{now: epoch}
	// An answer is a status, or the HTTP status of a failed poll.
	type answer struct {
		status string
		failed int
	}
	answers := []answer{{status: "CREATING"}, {failed: 429}, {failed: 503}, {status: "CREATING"}, {failed: 503}, {status: "AVAILABLE"}}
	polls := 0
	got, err := wait.Until(context.Background(), wait.Config[*disk]{
		Operation: "disk d-1 to be created", Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"}, Clock: c,
		Refresh: func(ctx context.Context) (*disk, string, error) {
			a := answers[min(polls, len(answers)-1)]
			polls++
			if a.failed != 0 {
				return nil, "", failingCall(ctx, c, a.failed)
			}
			return &disk{status: a.status}, a.status, nil
		},
	})
	if err != nil || got == nil || got.status != "AVAILABLE" || polls != len(answers) {
		t.Fatalf("got %+v, %v after %d polls; want AVAILABLE after %d", got, err, polls, len(answers))
	}
}

// When the time runs out while the polls fail, the error is the wait's
// own: what it waited for, the last status it saw and the last error.
func TestUntilTimeoutNamesLastStatusAndError(t *testing.T) {
	c := &clock{now: epoch}
	polls := 0
	_, err := wait.Until(context.Background(), wait.Config[*disk]{
		Operation: "disk d-1 to be created", Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"}, Clock: c,
		Timeout: time.Minute, MinInterval: time.Second, MaxInterval: 5 * time.Second,
		Refresh: func(ctx context.Context) (*disk, string, error) {
			polls++
			if polls == 1 {
				return &disk{status: "CREATING"}, "CREATING", nil
			}
			return nil, "", failingCall(ctx, c, 503)
		},
	})
	var te *wait.TimeoutError
	if !errors.As(err, &te) {
		t.Fatalf("want a *wait.TimeoutError, got %v", err)
	}
	if te.LastStatus != "CREATING" || te.LastError == nil || polls < 10 {
		t.Fatalf("last status %q, last error %v after %d polls", te.LastStatus, te.LastError, polls)
	}
	msg := err.Error()
	for _, want := range []string{"timeout after 1m0s waiting for disk d-1 to be created (last status: CREATING)", "the last poll failed", "HTTP 503"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Error("a timeout should satisfy errors.Is(err, context.DeadlineExceeded)")
	}
	if elapsed := c.Now().Sub(epoch); elapsed > time.Minute {
		t.Errorf("waited %s past a 1m timeout", elapsed)
	}
}

// A Retry-After that points past the wait's deadline makes the poll's
// retries give up at once, and the wait reports its timeout at once,
// without sleeping into the deadline.
func TestUntilRetryAfterPastDeadlineIsTimeout(t *testing.T) {
	c := &clock{now: epoch}
	polls := 0
	_, err := wait.Until(context.Background(), wait.Config[*disk]{
		Operation: "disk d-1 to be released", Pending: []string{"RELEASING"}, Target: []string{wait.Gone}, Clock: c,
		Timeout: 5 * time.Minute, MinInterval: time.Second,
		Refresh: func(ctx context.Context) (*disk, string, error) {
			polls++
			if polls == 1 {
				return &disk{status: "RELEASING"}, "RELEASING", nil
			}
			return nil, "", transport.DefaultPolicy().Run(ctx, func(context.Context, int) (transport.Verdict, error) {
				return transport.Verdict{Retry: true, After: time.Hour}, &apiError{status: 429}
			}, nil)
		},
	})
	var te *wait.TimeoutError
	if !errors.As(err, &te) || te.LastStatus != "RELEASING" {
		t.Fatalf("want a *wait.TimeoutError with the last status, got %v", err)
	}
	if !strings.Contains(err.Error(), "the server asked to retry after 1h0m0s, past the operation's deadline") {
		t.Fatalf("message %q does not say why it gave up early", err)
	}
	if elapsed := c.Now().Sub(epoch); elapsed > 10*time.Second || polls != 2 {
		t.Fatalf("%d polls over %s: it slept instead of failing at once", polls, elapsed)
	}
}

// The client's retries inside a poll run into the wait's deadline (real
// time here): the error is the wait's timeout, not "context deadline
// exceeded" nor the policy's error alone.
func TestUntilPolicyDeadlineInsidePollIsTimeout(t *testing.T) {
	start := time.Now()
	_, err := wait.Until(context.Background(), wait.Config[*disk]{
		Operation: "ZEC instance i-1 to be created (RUNNING)", Pending: []string{"DEPLOYING"}, Target: []string{"RUNNING"},
		Timeout: 300 * time.Millisecond, MinInterval: 10 * time.Millisecond,
		Refresh: func(ctx context.Context) (*disk, string, error) {
			if time.Since(start) < 50*time.Millisecond {
				return &disk{status: "DEPLOYING"}, "DEPLOYING", nil
			}
			p := transport.Policy{Base: 20 * time.Millisecond, Max: 40 * time.Millisecond}
			return nil, "", p.Run(ctx, func(context.Context, int) (transport.Verdict, error) {
				return transport.Verdict{Retry: true}, &apiError{status: 503}
			}, nil)
		},
	})
	var te *wait.TimeoutError
	if !errors.As(err, &te) || te.LastStatus != "DEPLOYING" {
		t.Fatalf("want a *wait.TimeoutError with the last status, got %v", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "timeout after 300ms waiting for ZEC instance i-1 to be created (RUNNING) (last status: DEPLOYING)") ||
		strings.Contains(msg, "context deadline exceeded") {
		t.Fatalf("message %q", msg)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Fatalf("the wait took %s with a 300ms timeout", elapsed)
	}
}

// The deadline of the caller's ctx (a resource's timeout) passes while the
// wait sleeps: the error is the wait's timeout with the last status.
func TestUntilCtxDeadlineIsTimeout(t *testing.T) {
	c := &clock{now: epoch, block: true}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := wait.Until(ctx, wait.Config[*disk]{
		Operation: "disk d-1 to become AVAILABLE", Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"}, Clock: c,
		Refresh: func(context.Context) (*disk, string, error) { return &disk{status: "CREATING"}, "CREATING", nil },
	})
	var te *wait.TimeoutError
	if !errors.As(err, &te) || te.LastStatus != "CREATING" {
		t.Fatalf("want a *wait.TimeoutError with the last status, got %v", err)
	}
	if !strings.Contains(err.Error(), "waiting for disk d-1 to become AVAILABLE (last status: CREATING)") {
		t.Fatalf("message %q", err)
	}
}

// Ctrl-C is not a timeout: the wait ends with context.Canceled.
func TestUntilCancelIsNotTimeout(t *testing.T) {
	c := &clock{now: epoch, block: true}
	ctx, cancel := context.WithCancel(context.Background())
	_, err := wait.Until(ctx, wait.Config[*disk]{
		Pending: []string{"CREATING"}, Target: []string{"AVAILABLE"}, Clock: c,
		Refresh: func(context.Context) (*disk, string, error) {
			cancel()
			return &disk{status: "CREATING"}, "CREATING", nil
		},
	})
	var te *wait.TimeoutError
	if !errors.Is(err, context.Canceled) || errors.As(err, &te) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
}

// A poll that fails for good (a 4xx, say) still ends the wait at once.
func TestUntilPermanentErrorEndsWait(t *testing.T) {
	polls := 0
	denied := errors.New("HTTP 403: access denied")
	_, err := wait.Until(context.Background(), wait.Config[*disk]{
		Target: []string{"AVAILABLE"}, Clock: &clock{now: epoch},
		Refresh: func(context.Context) (*disk, string, error) { polls++; return nil, "", denied },
	})
	if !errors.Is(err, denied) || polls != 1 || wait.IsTransient(err) {
		t.Fatalf("got %v after %d polls", err, polls)
	}
}
