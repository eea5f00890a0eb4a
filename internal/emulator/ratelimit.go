package emulator

import (
	"time"
)

// bucket is a token bucket for one key.
type bucket struct {
	tokens float64
	last   time.Time
}

// allow takes a token for key, or says how long until one is there.
// Called with s.mu held.
func (s *Server) allow(key string) (bool, time.Duration) {
	if s.opts.RateLimit <= 0 {
		return true, 0
	}
	now := s.now()
	b := s.buckets[key]
	if b == nil {
		b = &bucket{tokens: float64(s.opts.RateBurst), last: now}
		s.buckets[key] = b
	}
	b.tokens = min(float64(s.opts.RateBurst), b.tokens+now.Sub(b.last).Seconds()*s.opts.RateLimit)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / s.opts.RateLimit * float64(time.Second))
}
