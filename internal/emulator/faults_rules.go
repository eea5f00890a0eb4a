package emulator

import (
	"encoding/binary"
	"encoding/json"
	"hash/fnv"
	"net/http"
	"slices"
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
	// FaultSlow is a slow server: it holds the request for the rule's
	// Latency (default 2s) and then carries the action out even if the
	// client has given up waiting meanwhile (its answer is then lost), as a
	// real server that accepted a request does. A client timeout shorter
	// than the latency turns a create into one whose object appears later.
	FaultSlow FaultKind = "slow"
	// FaultCutBefore closes the connection without doing the action.
	FaultCutBefore FaultKind = "cut-before"
	// FaultCutAfter does the action, then closes the connection without an answer.
	FaultCutAfter FaultKind = "cut-after"
	// FaultAsyncFail lets a create of an object with an asynchronous
	// failure status (zec.CreateZecInstances, bmc.CreateInstances, CloudDC
	// POST .../instances) succeed, and makes what it created end in that
	// status (CREATE_FAILED; for BMC with an image also INSTALL_FAILED; CloudDC
	// failed or error) instead of the success status. Other requests never
	// draw it. It is counted when a create applies it. ZEC disks have no
	// failure status in the emulator, so CreateDisks is not affected.
	FaultAsyncFail FaultKind = "async-fail"

	// The hostile kinds answer instead of the action (which is not done),
	// with an answer no API documents. Clients must fail with a clear error
	// and never panic; a create that gets one does not know whether it was
	// applied (it was not).

	// FaultMalformedJSON answers 200, Content-Type application/json, with a
	// truncated JSON body (the envelope's start, then nothing).
	FaultMalformedJSON FaultKind = "malformed-json"
	// FaultWrongTypes answers 200 with valid JSON whose fields have the wrong
	// types: Zenlayer {"requestId":"FAULT-WRONG-TYPES","response":{"requestId":7,
	// "totalCount":"many","dataSet":"nope",...}}, Huawei {"instance_id":42,
	// "instances":"nope","state":7,...}.
	FaultWrongTypes FaultKind = "wrong-types"
	// FaultHugeBody answers 200 with a valid-looking JSON body of 64 MiB
	// (whitespace inside an array), streamed without being built in memory:
	// more than any client should read.
	FaultHugeBody FaultKind = "huge-body"
	// FaultUnexpectedStatus answers 418 I'm a teapot with an HTML page, a
	// status and a body neither API documents.
	FaultUnexpectedStatus FaultKind = "unexpected-status"

	// FaultOperationTimeout does the action, then answers the API's own
	// error INVALID_OPERATION_TIMEOUT (HTTP 500, Zenlayer only): the back
	// end timed out, and the caller cannot know whether the action was
	// applied (it was). A create must be looked up, never sent again.
	FaultOperationTimeout FaultKind = "op-timeout"
)

// FaultKinds lists the kinds a converging run survives, for flags and
// suites: each is retried by the clients, or leaves at most an object that
// the next apply adopts (cut-after) or replaces (async-fail: a tainted
// object in a failure status, which is still deletable).
var FaultKinds = []FaultKind{FaultRateLimit, FaultRateLimitBare, Fault500, Fault502, Fault503, FaultLatency, FaultSlow, FaultCutBefore, FaultCutAfter, FaultAsyncFail}

// HostileFaultKinds answer what no API documents (see FaultMalformedJSON).
// They are not in FaultKinds: a client fails on them with a clear error
// rather than retrying, so they belong in tests of the error paths, not in
// the default mix of a suite that expects every run to converge.
var HostileFaultKinds = []FaultKind{FaultMalformedJSON, FaultWrongTypes, FaultHugeBody, FaultUnexpectedStatus}

// CodeFaultKinds answer with an error code of the API that clients must
// handle. They are not in FaultKinds, the fault suite's mix.
var CodeFaultKinds = []FaultKind{FaultOperationTimeout}

// FaultRule injects one kind of fault into a share of the matching requests.
type FaultRule struct {
	Kind FaultKind `json:"kind"`
	// Rate is the share of matching requests, 0..1.
	Rate float64 `json:"rate"`
	// Actions limits the rule to some requests: "zec.CreateDisks" (one
	// action), "zec" (one API). Huawei requests are named "clouddc.<METHOD>
	// <path>" and "iam.<METHOD> <path>". Empty: every request.
	Actions []string `json:"actions,omitempty"`
	// Latency is the delay of a latency or slow fault.
	Latency time.Duration `json:"latency,omitempty"`
	// Max, if positive, is how many requests the rule hits at most
	// ("the first create of each type": Rate 1, Max 1).
	Max int `json:"max,omitempty"`
}

// latency is the delay of a latency or slow fault (default 2s).
func (r FaultRule) latency() time.Duration {
	if r.Latency <= 0 {
		return 2 * time.Second
	}
	return r.Latency
}

// matches reports whether the rule applies to a request key.
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
	s.faultHits = nil
}

// FaultCounts is how many faults of each kind were injected.
func (s *Server) FaultCounts() map[FaultKind]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copyOf(s.faultCounts)
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
		if rule.Rate <= 0 || !rule.matches(key) || (rule.Kind == FaultAsyncFail && !asyncCreateKey(key)) {
			continue
		}
		if rule.Max > 0 && s.faultHits[ruleHitKey(i, key)] >= rule.Max {
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
			if rule.Max > 0 {
				if s.faultHits == nil {
					s.faultHits = map[string]int{}
				}
				s.faultHits[ruleHitKey(i, key)]++
			}
			return rule, true
		}
	}
	return FaultRule{}, false
}

// InFlight is how many API requests the emulator is handling now,
// including slow ones whose client has given up: a test that must see
// what a slow server finally did waits for it to be 0.
func (s *Server) InFlight() int { return int(s.inFlight.Load()) }

// Settle waits until no API request is in flight, at most d.
func (s *Server) Settle(d time.Duration) bool {
	deadline := time.Now().Add(d)
	for s.InFlight() > 0 {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

// ruleHitKey counts a rule's hits per request key, so that Max applies to
// each action the rule names ("the first create of each type").
func ruleHitKey(rule int, key string) string { return strconv.Itoa(rule) + " " + key }

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
	return slices.Contains(slices.Concat(FaultKinds, HostileFaultKinds, CodeFaultKinds), k)
}

// FaultKindNames lists every kind a rule may name, for help texts.
func FaultKindNames() string {
	var names []string
	for _, k := range slices.Concat(FaultKinds, HostileFaultKinds, CodeFaultKinds) {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// ParseFaults reads rules from "kind=rate[@actions][~latency][#max],..."
// for flags: "429=0.05,cut-after=0.02@zec.CreateDisks|bmc,latency=0.1~500ms",
// "slow=1@zec.CreateDisks~4s#1" (the first CreateDisks takes 4 s).
// Every kind of FaultKinds and HostileFaultKinds may be named:
// "async-fail=0.2", "malformed-json=0.1@zec.DescribeDisks".
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
		rest, most, hasMax := strings.Cut(rest, "#")
		if hasMax {
			n, err := strconv.Atoi(most)
			if err != nil || n < 1 {
				return nil, &faultSpecError{part}
			}
			rule.Max = n
		}
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
	return "bad fault rule " + strconv.Quote(e.part) + ": want kind=rate[@action|api...][~latency][#max], kind one of " + FaultKindNames()
}
