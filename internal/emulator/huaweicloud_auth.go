package emulator

import (
	"crypto/hmac"
	"net/http"
	"slices"
	"sort"
	"time"
)

// The API gateway's authentication: IAM tokens (X-Auth-Token) and
// SDK-HMAC-SHA256 signatures, with the lock of an access key after repeated
// signature failures.

// huaweiPrincipal is who a request authenticated as.
type huaweiPrincipal struct {
	projectID string
	// key names the caller for the rate limit.
	key string
}

func gatewayAuthErr(format string, args ...any) *errAPI {
	return apiErr(http.StatusUnauthorized, cdcCodeGatewayAuth, "Incorrect IAM authentication information: "+format, args...)
}

// authenticate checks X-Auth-Token or the SDK-HMAC-SHA256 signature as the
// API gateway does. Called with s.mu held.
func (h *huaweiState) authenticate(r *http.Request, body []byte) (huaweiPrincipal, *errAPI) {
	now := h.s.now()
	if tok := r.Header.Get("X-Auth-Token"); tok != "" {
		t := h.tokens[tok]
		if t == nil {
			return huaweiPrincipal{}, gatewayAuthErr("decrypt token fail")
		}
		if !t.static && !now.Before(t.expiresAt) {
			return huaweiPrincipal{}, gatewayAuthErr("token expires, expires_at: %s", t.expiresAt.UTC().Format("2006-01-02T15:04:05.000000Z"))
		}
		return huaweiPrincipal{projectID: t.projectID, key: "user:" + t.user}, nil
	}
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return huaweiPrincipal{}, gatewayAuthErr("x-auth-token not found")
	}
	a, ok := parseSDKAuthorization(auth)
	ak := a.access
	if !ok {
		return huaweiPrincipal{}, gatewayAuthErr("verify aksk signature fail, the Authorization header is not SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...")
	}
	if until, locked := h.akLocked[ak]; locked && now.Before(until) {
		return huaweiPrincipal{}, gatewayAuthErr("AK access failed to reach the limit,forbidden")
	}
	sk, known := h.opts.AccessKeys[ak]
	temp, isTemp := h.tempKeys[ak]
	if isTemp {
		if e := checkSecurityToken(r, a, temp, now); e != nil {
			return huaweiPrincipal{}, e
		}
		sk, known = temp.SecretKey, true
	}
	if !known {
		return huaweiPrincipal{}, gatewayAuthErr("Get secretKey failed,ak:%s,err:ak not exist", ak)
	}
	if e := h.verifySignature(r, body, a, sk, now); e != nil {
		h.akFailures[ak]++
		if h.akFailures[ak] >= huaweiAKLockAfter {
			h.akLocked[ak] = now.Add(huaweiAKLockFor)
			h.akFailures[ak] = 0
		}
		return huaweiPrincipal{}, e
	}
	h.akFailures[ak] = 0
	return huaweiPrincipal{projectID: h.opts.ProjectID, key: "ak:" + ak}, nil
}

func (h *huaweiState) verifySignature(r *http.Request, body []byte, a sdkAuthorization, sk string, now time.Time) *errAPI {
	signed := a.signed
	if !sort.StringsAreSorted(signed) || !slices.Contains(signed, "x-sdk-date") {
		return gatewayAuthErr("verify aksk signature fail, SignedHeaders must be sorted and include x-sdk-date")
	}
	date, err := time.Parse(sdkDateFormat, r.Header.Get(sdkDateHeader))
	if err != nil {
		return gatewayAuthErr("verify aksk signature fail, X-Sdk-Date is missing or not in the format YYYYMMDDTHHMMSSZ")
	}
	if skew := now.Sub(date); skew > huaweiMaxSdkDateSkew || skew < -huaweiMaxSdkDateSkew {
		return gatewayAuthErr("verify aksk signature fail, the signature expired: X-Sdk-Date is %s off the server time (at most %s allowed)", skew.Round(time.Second), huaweiMaxSdkDateSkew)
	}
	hdr := r.Header.Clone()
	hdr.Set("Host", r.Host)
	for _, name := range signed {
		if hdr.Get(name) == "" && name != "host" {
			return gatewayAuthErr("verify aksk signature fail, the signed header %s is not in the request", name)
		}
	}
	want := sdkSignature(sk, sdkRequest{method: r.Method, path: r.URL.Path, query: r.URL.Query(), header: hdr, body: body}, signed)
	if !hmac.Equal([]byte(want), []byte(a.signature)) {
		return gatewayAuthErr("verify aksk signature fail, the signature does not match")
	}
	return nil
}

// securityTokenHeader carries the security token of temporary AK/SK
// credentials (huaweicloud-sdk-go-v3 core/auth/basic/basic_icredential.go
// SecurityTokenInHeader). The SDK adds it before signing, so it is one of
// the signed headers.
const securityTokenHeader = "X-Security-Token"

// checkSecurityToken: a request signed with a temporary access key must
// carry that key's security token, signed, before the key expires.
func checkSecurityToken(r *http.Request, a sdkAuthorization, k HuaweiTemporaryKey, now time.Time) *errAPI {
	tok := r.Header.Get(securityTokenHeader)
	switch {
	case !now.Before(k.ExpiresAt):
		return gatewayAuthErr("the temporary access key expired at %s: get new temporary credentials", k.ExpiresAt.UTC().Format(time.RFC3339))
	case tok == "":
		return gatewayAuthErr("the access key is temporary: the request must carry its security token (X-Security-Token)")
	case !hmac.Equal([]byte(tok), []byte(k.SecurityToken)):
		return gatewayAuthErr("the security token (X-Security-Token) is not the one of this temporary access key")
	case !slices.Contains(a.signed, "x-security-token"):
		return gatewayAuthErr("verify aksk signature fail, X-Security-Token must be one of the signed headers")
	}
	return nil
}
