package emulator

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"hash/fnv"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"
)

// FaultKind is one way the emulator can misbehave on purpose.
type FaultKind string

// The faults the emulator injects.
const (
	// FaultRateLimit answers 429 (REQUEST_LIMIT_EXCEEDED) with Retry-After: 1, before the action.
	FaultRateLimit FaultKind = "429"
	// FaultRateLimitBare answers 429 without Retry-After and without a body.
	FaultRateLimitBare FaultKind = "429-bare"
	// Fault500, Fault502 and Fault503 answer that status before the action.
	Fault500 FaultKind = "500"
	Fault502 FaultKind = "502"
	Fault503 FaultKind = "503"
	// FaultLatency delays the request by the rule's Latency (default 2s).
	FaultLatency FaultKind = "latency"
	// FaultCutBefore closes the connection without doing the action.
	FaultCutBefore FaultKind = "cut-before"
	// FaultCutAfter does the action, then closes the connection without an answer.
	FaultCutAfter FaultKind = "cut-after"
)

// FaultKinds lists every kind, for flags and suites.
var FaultKinds = []FaultKind{FaultRateLimit, FaultRateLimitBare, Fault500, Fault502, Fault503, FaultLatency, FaultCutBefore, FaultCutAfter}

// FaultRule injects one kind of fault into a share of the matching requests.
type FaultRule struct {
	Kind FaultKind `json:"kind"`
	// Rate is the share of matching requests, 0..1.
	Rate float64 `json:"rate"`
	// Actions limits the rule to some requests: "zec.CreateDisks" (one
	// action), "zec" (one API). Huawei requests are named "clouddc.<METHOD>
	// <path>" and "iam.<METHOD> <path>". Empty: every request.
	Actions []string `json:"actions,omitempty"`
	// Latency is the delay of a latency fault.
	Latency time.Duration `json:"latency,omitempty"`
}

func (r FaultRule) matches(key string) bool {
	if len(r.Actions) == 0 {
		return true
	}
	for _, a := range r.Actions {
		if key == a || strings.HasPrefix(key, a+".") {
			return true
		}
	}
	return false
}

// SetFaults replaces the fault rules (tests, and PUT /_emulator/faults).
func (s *Server) SetFaults(rules []FaultRule) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Faults = append([]FaultRule(nil), rules...)
}

// FaultCounts is how many faults of each kind were injected.
func (s *Server) FaultCounts() map[FaultKind]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[FaultKind]int, len(s.faultCounts))
	for k, v := range s.faultCounts {
		out[k] = v
	}
	return out
}

// requestKey names a request for fault rules: "zec.CreateDisks", "clouddc.DELETE /v1/...".
func requestKey(r *http.Request) string {
	if svc, ok := strings.CutPrefix(r.URL.Path, "/api/v2/"); ok {
		return svc + "." + r.Header.Get("X-ZC-Action")
	}
	api := "clouddc"
	if strings.HasPrefix(r.URL.Path, "/v3/") {
		api = "iam"
	}
	return api + "." + r.Method + " " + r.URL.Path
}

// pickFault decides, repeatably for a seed, whether the n-th request with
// key gets a fault. Called with s.mu held.
func (s *Server) pickFault(key string) (FaultRule, bool) {
	if len(s.opts.Faults) == 0 {
		return FaultRule{}, false
	}
	if s.faultSeq == nil {
		s.faultSeq = map[string]uint64{}
	}
	n := s.faultSeq[key]
	s.faultSeq[key]++
	for i, rule := range s.opts.Faults {
		if rule.Rate <= 0 || !rule.matches(key) {
			continue
		}
		h := fnv.New64a()
		var buf [24]byte
		binary.LittleEndian.PutUint64(buf[0:], s.opts.Seed)
		binary.LittleEndian.PutUint64(buf[8:], n)
		binary.LittleEndian.PutUint64(buf[16:], uint64(i))
		_, _ = h.Write(buf[:])
		_, _ = h.Write([]byte(key))
		if float64(h.Sum64()>>11)/float64(1<<53) < rule.Rate {
			return rule, true
		}
	}
	return FaultRule{}, false
}

// withFaults wraps the API handlers with the fault rules.
func (s *Server) withFaults(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/_emulator/") {
			next.ServeHTTP(w, r)
			return
		}
		key := requestKey(r)
		s.mu.Lock()
		rule, hit := s.pickFault(key)
		if hit {
			if s.faultCounts == nil {
				s.faultCounts = map[FaultKind]int{}
			}
			s.faultCounts[rule.Kind]++
			// Logged apart from the actions ("fault.<kind>"), so that action
			// counts say what the API did, not what it was asked.
			s.record(LogEntry{Time: s.now(), API: "fault", Action: string(rule.Kind), Message: key, Code: "FAULT_" + string(rule.Kind)})
		}
		s.mu.Unlock()
		if !hit {
			next.ServeHTTP(w, r)
			return
		}
		zenlayerAPI := strings.HasPrefix(r.URL.Path, "/api/v2/")
		switch rule.Kind {
		case FaultLatency:
			d := rule.Latency
			if d <= 0 {
				d = 2 * time.Second
			}
			select {
			case <-time.After(d):
			case <-r.Context().Done():
				return
			}
			next.ServeHTTP(w, r)
		case FaultRateLimit, FaultRateLimitBare:
			if rule.Kind == FaultRateLimit {
				w.Header().Set("Retry-After", "1")
			}
			if zenlayerAPI && rule.Kind == FaultRateLimit {
				writeJSON(w, http.StatusTooManyRequests, map[string]any{"requestId": "FAULT", "code": codeRateLimit, "message": "Request rate limit exceeded (injected)."})
				return
			}
			w.WriteHeader(http.StatusTooManyRequests)
		case Fault500, Fault502, Fault503:
			status, _ := strconv.Atoi(string(rule.Kind))
			if zenlayerAPI && status == http.StatusInternalServerError {
				writeJSON(w, status, map[string]any{"requestId": "FAULT", "code": codeInternal, "message": "Internal error (injected)."})
				return
			}
			if status == http.StatusInternalServerError {
				writeJSON(w, status, map[string]any{"error_code": "iMetal.0099", "error_msg": "Internal error (injected)."})
				return
			}
			// Gateways answer with their own page, not the API's body.
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(status)
			_, _ = w.Write([]byte("<html><body><h1>" + strconv.Itoa(status) + " " + http.StatusText(status) + "</h1></body></html>"))
		case FaultCutBefore:
			cut(w)
		case FaultCutAfter:
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			cut(w)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// cut closes the client's connection without an answer.
func cut(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	closeNow(conn, buf)
}

func closeNow(conn net.Conn, _ *bufio.ReadWriter) {
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // a reset, as a dropped connection looks to the client
	}
	_ = conn.Close()
}

func (s *Server) serveFaults(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPut {
		var rules []FaultRule
		if err := json.NewDecoder(r.Body).Decode(&rules); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		for _, rule := range rules {
			if !validFaultKind(rule.Kind) || rule.Rate < 0 || rule.Rate > 1 {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad rule " + string(rule.Kind)})
				return
			}
		}
		s.SetFaults(rules)
	}
	s.mu.Lock()
	rules := append([]FaultRule(nil), s.opts.Faults...)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"rules": rules, "injected": s.FaultCounts()})
}

func validFaultKind(k FaultKind) bool {
	for _, x := range FaultKinds {
		if x == k {
			return true
		}
	}
	return false
}

// ParseFaults reads rules from "kind=rate[@actions][~latency],..." for
// flags: "429=0.05,cut-after=0.02@zec.CreateDisks|bmc,latency=0.1~500ms".
func ParseFaults(spec string) ([]FaultRule, error) {
	var rules []FaultRule
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		kind, rest, ok := strings.Cut(part, "=")
		if !ok || !validFaultKind(FaultKind(kind)) {
			return nil, &faultSpecError{part}
		}
		rule := FaultRule{Kind: FaultKind(kind)}
		body, lat, hasLatency := strings.Cut(rest, "~")
		if hasLatency {
			d, err := time.ParseDuration(lat)
			if err != nil {
				return nil, &faultSpecError{part}
			}
			rule.Latency = d
		}
		rate, actions, _ := strings.Cut(body, "@")
		r, err := strconv.ParseFloat(rate, 64)
		if err != nil || r < 0 || r > 1 {
			return nil, &faultSpecError{part}
		}
		rule.Rate = r
		if actions != "" {
			rule.Actions = strings.Split(actions, "|")
		}
		rules = append(rules, rule)
	}
	return rules, nil
}

type faultSpecError struct{ part string }

func (e *faultSpecError) Error() string {
	return "bad fault rule " + strconv.Quote(e.part) + ": want kind=rate[@action|api...][~latency], kind one of 429, 429-bare, 500, 502, 503, latency, cut-before, cut-after"
}
