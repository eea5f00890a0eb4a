package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"time"
)

// The Huawei Cloud test knobs: injected gateway answers and IAM tokens.

type huaweiFault struct {
	status    int
	remaining int // < 0: forever
}

// takeFault returns the injected error for action, if any. Called with s.mu held.
func (h *huaweiState) takeFault(action string) *errAPI {
	f := h.faults[action]
	if f == nil || f.remaining == 0 {
		return nil
	}
	if f.remaining > 0 {
		f.remaining--
	}
	switch f.status {
	case http.StatusBadRequest:
		return apiErr(f.status, cdcCodeInvalidParameter, "A request parameter contains invalid or unsupported value: injected fault")
	case http.StatusUnauthorized:
		return gatewayAuthErr("decrypt token fail")
	case http.StatusForbidden:
		return apiErr(f.status, cdcCodeForbidden, "Insufficient permissions")
	case http.StatusTooManyRequests:
		return &errAPI{status: f.status}
	case http.StatusInternalServerError:
		return apiErr(f.status, cdcCodeInternalError, "Internal server error")
	default:
		return apiErr(f.status, fmt.Sprintf("HTTP.%d", f.status), "%s", http.StatusText(f.status))
	}
}

// InjectHuaweiFault makes the next times calls of action ("clouddc.DeleteInstance",
// "iam.CreateToken") fail with status before they are handled (times < 0:
// every call until cleared with times 0). The answers are the API's: 400
// iMetal.0001, 401 APIGW.0301, 403 iMetal.0004, 429 without a body, 500
// iMetal.0099. Authentication is checked first.
func (s *Server) InjectHuaweiFault(action string, status, times int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.huawei()
	if times == 0 {
		delete(h.faults, action)
		return
	}
	h.faults[action] = &huaweiFault{status: status, remaining: times}
}

// ExpireHuaweiTokens makes every IAM token issued so far expire now (a
// token that runs out in the middle of an apply). It returns how many.
func (s *Server) ExpireHuaweiTokens() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, t := range s.huawei().tokens {
		if !t.static && s.now().Before(t.expiresAt) {
			t.expiresAt = s.now()
			n++
		}
	}
	return n
}

// HuaweiIssuedTokens returns the IAM tokens issued so far (tests: no token in logs).
func (s *Server) HuaweiIssuedTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for tok, t := range s.huawei().tokens {
		if !t.static {
			out = append(out, tok)
		}
	}
	sort.Strings(out)
	return out
}

// IssueHuaweiTemporaryCredentials issues new temporary AK/SK credentials
// valid for lifetime from the emulator's clock, and returns the access key,
// the secret key and the security token.
func (s *Server) IssueHuaweiTemporaryCredentials(lifetime time.Duration) (ak, sk, token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.huawei()
	ak = fmt.Sprintf("HWEMUSTS%012X", s.rand.Uint64()&0xffffffffffff)
	sk = fmt.Sprintf("emulator-temporary-sk-%016x", s.rand.Uint64())
	token = fmt.Sprintf("gQpjbi1lYXN0LTEmulatorSecurityToken-%016x%016x", s.rand.Uint64(), s.rand.Uint64())
	h.tempKeys[ak] = HuaweiTemporaryKey{SecretKey: sk, SecurityToken: token, ExpiresAt: s.now().Add(lifetime)}
	return ak, sk, token
}

// CloudDCServerTags returns the tags of a physical server (key to value),
// or false if there is no such server.
func (s *Server) CloudDCServerTags(id string) (map[string]string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	srv := s.huawei().servers[id]
	if srv == nil {
		return nil, false
	}
	out := map[string]string{}
	for _, t := range srv.Tags {
		out[t.Key] = t.Value
	}
	return out, true
}

// SetCloudDCServerTag sets (value non-nil) or removes a tag of a physical
// server behind the provider's back (tests: drift).
func (s *Server) SetCloudDCServerTag(id, key string, value *string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	srv := s.huawei().servers[id]
	if srv == nil {
		return false
	}
	srv.Tags = slices.DeleteFunc(srv.Tags, func(t cdcTag) bool { return t.Key == key })
	if value != nil {
		srv.Tags = append(srv.Tags, cdcTag{Key: key, Value: *value})
	}
	return true
}
