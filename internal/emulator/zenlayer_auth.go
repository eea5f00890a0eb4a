package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The API 2.0 gateway's authentication: ZC2-HMAC-SHA256 signatures or a
// bearer token. The emulator computes the signature with its own code, from
// the SDK's signer (zenlayercloud-sdk-go v0.2.40, zenlayercloud/common/client.go,
// Client.signRequest): the canonical URI is always "/", the query string
// empty, the signed headers always content-type and host.
const (
	// zc2Algorithm is signRequest's algorithm and the X-ZC-Signature-Method
	// header the SDK sends with it (common/client.go, Client.ApiCall).
	zc2Algorithm = "ZC2-HMAC-SHA256"
	// zc2SignedHeaders is signRequest's signedHeaders.
	zc2SignedHeaders = "content-type;host"
)

// zc2Signature is the hex HMAC-SHA256, keyed with the access key password,
// of the string to sign of a request: the algorithm, the timestamp and the
// hex SHA-256 of the canonical request, one per line.
func zc2Signature(password, method, contentType, host string, timestamp int64, body []byte) string {
	payload := sha256.Sum256(body)
	canonical := strings.Join([]string{
		method, "/", "",
		"content-type:" + contentType + "\nhost:" + host + "\n",
		zc2SignedHeaders, hex.EncodeToString(payload[:]),
	}, "\n")
	sum := sha256.Sum256([]byte(canonical))
	mac := hmac.New(sha256.New, []byte(password))
	mac.Write([]byte(zc2Algorithm + "\n" + strconv.FormatInt(timestamp, 10) + "\n" + hex.EncodeToString(sum[:])))
	return hex.EncodeToString(mac.Sum(nil))
}

// zc2Authorization is the parsed Authorization header of a signed request.
type zc2Authorization struct {
	credential, signedHeaders, signature string
}

// parseZC2Authorization splits "ZC2-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…".
func parseZC2Authorization(h string) (zc2Authorization, bool) {
	kv, ok := authParams(h, zc2Algorithm)
	a := zc2Authorization{credential: kv["Credential"], signedHeaders: kv["SignedHeaders"], signature: kv["Signature"]}
	return a, ok && a.credential != "" && a.signature != ""
}

// authParams splits the "k=v, k=v" after the algorithm of an Authorization
// header (both gateways' signatures have this form).
func authParams(h, algorithm string) (map[string]string, bool) {
	rest, found := strings.CutPrefix(h, algorithm+" ")
	if !found {
		return nil, false
	}
	kv := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, found := strings.Cut(strings.TrimSpace(part), "=")
		if !found {
			return nil, false
		}
		kv[k] = v
	}
	return kv, true
}

// accessKeyOf names the caller of a request for the rate limit.
func accessKeyOf(r *http.Request) string {
	if a, ok := parseZC2Authorization(r.Header.Get("Authorization")); ok {
		return a.credential
	}
	return "bearer"
}

// authenticateZenlayer checks the bearer token or the signature of a request.
func (s *Server) authenticateZenlayer(r *http.Request, contentType string, body []byte) *errAPI {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return apiErr(http.StatusUnauthorized, codeAuthMissing, "The request has no Authorization header.")
	}
	if token, ok := strings.CutPrefix(auth, "Bearer "); ok {
		for _, t := range s.opts.BearerTokens {
			if hmac.Equal([]byte(t), []byte(token)) {
				return nil
			}
		}
		return apiErr(http.StatusUnauthorized, codeAuthInvalid, "The bearer token is invalid or expired.")
	}
	if m := r.Header.Get("X-ZC-Signature-Method"); m != zc2Algorithm {
		return apiErr(http.StatusUnauthorized, codeAuthInvalid, "X-ZC-Signature-Method must be %s, got %q.", zc2Algorithm, m)
	}
	a, ok := parseZC2Authorization(auth)
	if !ok {
		return apiErr(http.StatusUnauthorized, codeAuthInvalid, "The Authorization header is malformed.")
	}
	ts, err := strconv.ParseInt(r.Header.Get("X-ZC-Timestamp"), 10, 64)
	if err != nil {
		return apiErr(http.StatusUnauthorized, codeAuthInvalid, "X-ZC-Timestamp is missing or not a number of seconds.")
	}
	if skew := s.now().Sub(time.Unix(ts, 0)); skew > s.opts.MaxClockSkew || skew < -s.opts.MaxClockSkew {
		return apiErr(http.StatusUnauthorized, codeAuthExpired, "The signature expired: the request timestamp is %s off the server time (at most %s allowed).", skew.Round(time.Second), s.opts.MaxClockSkew)
	}
	password, known := s.opts.Credentials[a.credential]
	if !known {
		return apiErr(http.StatusUnauthorized, codeAuthSecretNotFound, "The access key id %q does not exist.", a.credential)
	}
	if a.signedHeaders != zc2SignedHeaders {
		return apiErr(http.StatusUnauthorized, codeAuthInvalid, "SignedHeaders must be %q.", zc2SignedHeaders)
	}
	want := zc2Signature(password, r.Method, contentType, r.Host, ts, body)
	if !hmac.Equal([]byte(want), []byte(a.signature)) {
		return apiErr(http.StatusUnauthorized, codeAuthSignature, "The signature does not match.")
	}
	return nil
}
