package zenlayer

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// SignatureMethod is the only signing method of Zenlayer Cloud API 2.0.
const SignatureMethod = "ZC2-HMAC-SHA256"

// SignedHeaders is the fixed list of headers the signature covers.
const SignedHeaders = "content-type;host"

// CanonicalRequest builds the request string that is hashed into the
// signature. The canonical URI is always "/" and the query string is
// always empty; canonical headers each end in "\n" and are then joined
// with "\n", which leaves an empty line before the signed-header list.
func CanonicalRequest(method, contentType, host string, body []byte) string {
	bodyHash := sha256.Sum256(body)
	return method + "\n" +
		"/" + "\n" +
		"" + "\n" +
		"content-type:" + contentType + "\n" + "host:" + host + "\n" + "\n" +
		SignedHeaders + "\n" +
		hex.EncodeToString(bodyHash[:])
}

// StringToSign is the method, the timestamp and the hash of the canonical request.
func StringToSign(timestamp int64, canonicalRequest string) string {
	h := sha256.Sum256([]byte(canonicalRequest))
	return SignatureMethod + "\n" + strconv.FormatInt(timestamp, 10) + "\n" + hex.EncodeToString(h[:])
}

// Sign returns the hex HMAC-SHA256 signature of a request.
func Sign(accessKeyPassword, method, contentType, host string, timestamp int64, body []byte) string {
	mac := hmac.New(sha256.New, []byte(accessKeyPassword))
	mac.Write([]byte(StringToSign(timestamp, CanonicalRequest(method, contentType, host, body))))
	return hex.EncodeToString(mac.Sum(nil))
}

// Authorization is the value of the Authorization header.
func Authorization(accessKeyID, signature string) string {
	return SignatureMethod + " Credential=" + accessKeyID + ", SignedHeaders=" + SignedHeaders + ", Signature=" + signature
}
