package huaweicloud

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
)

// The APIG request signature of Huawei Cloud (the SDKs' "SDK-HMAC-SHA256").
const (
	SignAlgorithm = "SDK-HMAC-SHA256"
	// HeaderSdkDate is the request time the signature covers.
	HeaderSdkDate = "X-Sdk-Date"
	// HeaderSecurityToken is the security token of temporary credentials
	// (the SDK's SecurityTokenInHeader), a signed header.
	HeaderSecurityToken = "X-Security-Token"
	// HeaderContentSha256 overrides the body hash (for example UNSIGNED-PAYLOAD).
	HeaderContentSha256 = "X-Sdk-Content-Sha256"
	// SdkDateFormat is the layout of X-Sdk-Date (UTC).
	SdkDateFormat = "20060102T150405Z"
	// MaxSdkDateSkew is how far X-Sdk-Date may be from the gateway's clock.
	MaxSdkDateSkew = 15 * time.Minute
)

// SignInput is one request to sign. Header holds every header the request
// will carry that should be signed candidates: names starting with
// Content-Type and names containing "_" are never signed, all others are.
// A "Host" entry is signed like any other header (the client always adds
// it); Path is the unescaped URL path.
type SignInput struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   []byte
}

// Signature is the result of signing.
type Signature struct {
	// CanonicalRequest and StringToSign are exposed for tests and debugging.
	CanonicalRequest string
	StringToSign     string
	SignedHeaders    []string
	// Value is the lower-case hex HMAC-SHA256.
	Value string
}

// Authorization is the Authorization header value for access key ak.
func (s Signature) Authorization(ak string) string {
	return SignAlgorithm + " Access=" + ak + ", SignedHeaders=" + strings.Join(s.SignedHeaders, ";") + ", Signature=" + s.Value
}

// Sign computes the signature of in with the secret key sk, signing every
// header of in that may be signed. The request time is the X-Sdk-Date
// header of in, which must be set.
func Sign(in SignInput, sk string) (Signature, error) {
	return SignHeaders(in, SignedHeaderNames(in.Header), sk)
}

// SignHeaders is Sign over the given lower-case header names, sorted (a
// verifier passes the SignedHeaders of the Authorization it checks).
func SignHeaders(in SignInput, signed []string, sk string) (Signature, error) {
	if sk == "" {
		return Signature{}, errors.New("huaweicloud: secret key is required to sign a request")
	}
	date := in.Header.Get(HeaderSdkDate)
	if _, err := time.Parse(SdkDateFormat, date); err != nil {
		return Signature{}, errors.New("huaweicloud: the request has no valid " + HeaderSdkDate + " header (format " + SdkDateFormat + ")")
	}
	cr := CanonicalRequest(in, signed)
	sts := StringToSign(date, cr)
	mac := hmac.New(sha256.New, []byte(sk))
	mac.Write([]byte(sts))
	return Signature{CanonicalRequest: cr, StringToSign: sts, SignedHeaders: signed, Value: hex.EncodeToString(mac.Sum(nil))}, nil
}

// SignedHeaderNames is the sorted, lower-cased list of the headers of h
// that are signed: all but Content-Type* and names containing "_".
func SignedHeaderNames(h http.Header) []string {
	var names []string
	seen := map[string]bool{}
	for k := range h {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "content-type") || strings.Contains(lk, "_") || seen[lk] {
			continue
		}
		seen[lk] = true
		names = append(names, lk)
	}
	sort.Strings(names)
	return names
}

// CanonicalRequest is METHOD \n URI \n query \n headers \n signed-headers \n
// payload-hash, over the headers named in signed (lower case).
func CanonicalRequest(in SignInput, signed []string) string {
	lower := map[string][]string{}
	for k, v := range in.Header {
		lk := strings.ToLower(k)
		lower[lk] = append(lower[lk], v...)
	}
	var hdr strings.Builder
	for _, name := range signed {
		values := append([]string(nil), lower[name]...)
		sort.Strings(values)
		if len(values) == 0 {
			values = []string{""}
		}
		for _, v := range values {
			hdr.WriteString(name)
			hdr.WriteByte(':')
			hdr.WriteString(strings.TrimSpace(v))
			hdr.WriteByte('\n')
		}
	}
	payload := in.Header.Get(HeaderContentSha256)
	if payload == "" {
		sum := sha256.Sum256(in.Body)
		payload = hex.EncodeToString(sum[:])
	}
	return strings.Join([]string{
		strings.ToUpper(in.Method),
		CanonicalURI(in.Path),
		CanonicalQueryString(in.Query),
		hdr.String(),
		strings.Join(signed, ";"),
		payload,
	}, "\n")
}

// StringToSign is the algorithm, the request time and the hex SHA-256 of
// the canonical request, one per line.
func StringToSign(date, canonicalRequest string) string {
	sum := sha256.Sum256([]byte(canonicalRequest))
	return SignAlgorithm + "\n" + date + "\n" + hex.EncodeToString(sum[:])
}

// CanonicalURI escapes each segment of the (unescaped) path and makes sure
// it ends with "/".
func CanonicalURI(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = Escape(s)
	}
	uri := strings.Join(segs, "/")
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	if !strings.HasPrefix(uri, "/") {
		uri = "/" + uri
	}
	return uri
}

// CanonicalQueryString sorts the keys, and each key's values, and joins
// escaped key=value pairs with "&". The client sends exactly this string as
// its query, so that what is signed is what goes on the wire.
func CanonicalQueryString(q url.Values) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(q)) {
		for _, v := range slices.Sorted(slices.Values(q[k])) {
			parts = append(parts, Escape(k)+"="+Escape(v))
		}
	}
	return strings.Join(parts, "&")
}

// Escape percent-encodes every byte except A-Z a-z 0-9 - _ . ~, with
// upper-case hex (a space is %20).
func Escape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

// ParseAuthorization splits an SDK-HMAC-SHA256 Authorization header.
func ParseAuthorization(h string) (ak string, signedHeaders []string, signature string, ok bool) {
	rest, found := strings.CutPrefix(h, SignAlgorithm+" ")
	if !found {
		return "", nil, "", false
	}
	for _, part := range strings.Split(rest, ",") {
		k, v, found := strings.Cut(strings.TrimSpace(part), "=")
		if !found {
			return "", nil, "", false
		}
		switch k {
		case "Access":
			ak = v
		case "SignedHeaders":
			if v != "" {
				signedHeaders = strings.Split(v, ";")
			}
		case "Signature":
			signature = v
		}
	}
	return ak, signedHeaders, signature, ak != "" && signature != "" && len(signedHeaders) > 0
}
