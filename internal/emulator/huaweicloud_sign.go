package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// SDK-HMAC-SHA256, the API gateway's AK/SK signature, computed with the
// emulator's own code from the SDK's signer (huaweicloud-sdk-go-v3,
// core/auth/signer/signer.go: CanonicalRequest, CanonicalURI,
// CanonicalQueryString, CanonicalHeaders, StringToSign, SignStringToSign;
// core/auth/signer/escape.go for the escaping).
const (
	// sdkAlgorithm is signer.go's Algorithm, the first word of Authorization.
	sdkAlgorithm = "SDK-HMAC-SHA256"
	// sdkDateHeader is signer.go's HeaderXDate; sdkDateFormat its BasicDateFormat.
	sdkDateHeader = "X-Sdk-Date"
	sdkDateFormat = "20060102T150405Z"
	// sdkContentSHA256Header is signer.go's HeaderContentSha256: a body hash
	// the client gives instead of the body's (UNSIGNED-PAYLOAD).
	sdkContentSHA256Header = "X-Sdk-Content-Sha256"
)

// sdkRequest is what the signature of a request covers.
type sdkRequest struct {
	method, path string
	query        url.Values
	header       http.Header // with "Host"
	body         []byte
}

// sdkSignature is the hex HMAC-SHA256, keyed with the secret key, of the
// string to sign: the algorithm, X-Sdk-Date and the hex SHA-256 of the
// canonical request over the signed header names (lower case, sorted).
func sdkSignature(sk string, req sdkRequest, signed []string) string {
	sum := sha256.Sum256([]byte(sdkCanonicalRequest(req, signed)))
	mac := hmac.New(sha256.New, []byte(sk))
	mac.Write([]byte(sdkAlgorithm + "\n" + req.header.Get(sdkDateHeader) + "\n" + hex.EncodeToString(sum[:])))
	return hex.EncodeToString(mac.Sum(nil))
}

// sdkCanonicalRequest is the method, the URI (each segment escaped, ending
// in "/"), the query (keys lower-cased and sorted, each key's values
// sorted, all escaped), one "name:value" line per value of each signed
// header (values sorted and trimmed) followed by an empty line, the signed
// names joined with ";", and the hex SHA-256 of the body.
func sdkCanonicalRequest(req sdkRequest, signed []string) string {
	segs := strings.Split(req.path, "/")
	for i, seg := range segs {
		segs[i] = sdkEscape(seg)
	}
	uri := strings.Join(segs, "/")
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	query := map[string][]string{}
	for k, vs := range req.query {
		query[strings.ToLower(k)] = append(query[strings.ToLower(k)], vs...)
	}
	var pairs []string
	for _, k := range sortedKeys(query) {
		vs := slices.Sorted(slices.Values(query[k]))
		for _, v := range vs {
			pairs = append(pairs, sdkEscape(k)+"="+sdkEscape(v))
		}
	}
	lower := map[string][]string{}
	for k, vs := range req.header {
		lower[strings.ToLower(k)] = append(lower[strings.ToLower(k)], vs...)
	}
	var headers []string
	for _, name := range signed {
		for _, v := range slices.Sorted(slices.Values(lower[name])) {
			headers = append(headers, name+":"+strings.TrimSpace(v))
		}
	}
	payload := req.header.Get(sdkContentSHA256Header)
	if payload == "" {
		sum := sha256.Sum256(req.body)
		payload = hex.EncodeToString(sum[:])
	}
	return strings.Join([]string{strings.ToUpper(req.method), uri, strings.Join(pairs, "&"),
		strings.Join(headers, "\n") + "\n", strings.Join(signed, ";"), payload}, "\n")
}

// sdkEscape percent-encodes every byte but the unreserved ones (A-Z a-z
// 0-9 - _ . ~) as %XX in upper-case hex.
func sdkEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if unreserved(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~", c) >= 0
}

// sdkAuthorization is a parsed "SDK-HMAC-SHA256 Access=…, SignedHeaders=a;b, Signature=…".
type sdkAuthorization struct {
	access    string
	signed    []string
	signature string
}

func parseSDKAuthorization(h string) (sdkAuthorization, bool) {
	kv, ok := authParams(h, sdkAlgorithm)
	a := sdkAuthorization{access: kv["Access"], signature: kv["Signature"]}
	if v := kv["SignedHeaders"]; v != "" {
		a.signed = strings.Split(v, ";")
	}
	return a, ok && a.access != "" && a.signature != "" && len(a.signed) > 0
}
