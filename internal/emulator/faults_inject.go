package emulator

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"
)

// Injection: the middleware in front of every API that draws a fault for a
// request and answers, delays or cuts it as the fault says.

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

// withFaults wraps the API handlers with the fault rules.
func (s *Server) withFaults(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/_emulator/") {
			next.ServeHTTP(w, r)
			return
		}
		s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		key := requestKey(r)
		s.mu.Lock()
		rule, hit := s.pickFault(key)
		if hit && rule.Kind == FaultAsyncFail {
			// Counted and logged by the backend when it applies it (asyncFailHere).
			s.mu.Unlock()
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), asyncFailKey{}, key)))
			return
		}
		if hit {
			s.countFault(rule.Kind, key)
		}
		s.mu.Unlock()
		if !hit {
			next.ServeHTTP(w, r)
			return
		}
		injectFault(w, r, rule, next)
	})
}

// countFault counts an injected fault and logs it apart from the actions
// ("fault.<kind>", the request key as its message), so that action counts
// say what the API did, not what it was asked. Called with s.mu held.
func (s *Server) countFault(kind FaultKind, key string) {
	if s.faultCounts == nil {
		s.faultCounts = map[FaultKind]int{}
	}
	s.faultCounts[kind]++
	s.record(LogEntry{Time: s.now(), API: "fault", Action: string(kind), Message: key, Code: "FAULT_" + string(kind)})
}

// injectFault answers, delays or cuts a request as rule says, handing it to
// next when the action is done after all.
func injectFault(w http.ResponseWriter, r *http.Request, rule FaultRule, next http.Handler) {
	zenlayerAPI := strings.HasPrefix(r.URL.Path, "/api/v2/")
	switch rule.Kind {
	case FaultLatency:
		select {
		case <-time.After(rule.latency()):
		case <-r.Context().Done():
			return
		}
		next.ServeHTTP(w, r)
	case FaultSlow:
		time.Sleep(rule.latency())
		if r.Context().Err() != nil {
			// The client gave up: the action happens all the same, and
			// its answer goes nowhere.
			next.ServeHTTP(httptest.NewRecorder(), r.WithContext(context.WithoutCancel(r.Context())))
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
		writeServerError(w, rule.Kind, zenlayerAPI)
	case FaultCutBefore:
		cut(w)
	case FaultCutAfter:
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		cut(w)
	case FaultOperationTimeout:
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		if !zenlayerAPI {
			copyRecorded(w, rec)
			return
		}
		writeJSON(w, http.StatusInternalServerError, map[string]any{"requestId": "FAULT", "code": codeOperationTimeout,
			"message": "The operation timed out (injected): it may have been applied."})
	case FaultMalformedJSON, FaultWrongTypes, FaultUnexpectedStatus:
		writeHostile(w, rule.Kind, zenlayerAPI)
	case FaultHugeBody:
		writeHuge(r.Context(), w, zenlayerAPI)
	default:
		next.ServeHTTP(w, r)
	}
}

// writeServerError answers a 500, 502 or 503 fault: a 500 in the API's own
// error body, a 502 or 503 with a gateway's HTML page.
func writeServerError(w http.ResponseWriter, kind FaultKind, zenlayerAPI bool) {
	status, _ := strconv.Atoi(string(kind))
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

// copyRecorded sends a recorded answer as it is.
func copyRecorded(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}
