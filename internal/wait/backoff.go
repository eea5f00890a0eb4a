package wait

import (
	"context"
	"math/rand/v2"
	"time"
)

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
