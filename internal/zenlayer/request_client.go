package zenlayer

import "strings"

// maxRequestClient is the longest X-ZC-Request-Client the API takes (the
// SDK's WithRequestClient truncates to it).
const maxRequestClient = 128

// RequestClient is the X-ZC-Request-Client value for a User-Agent: the SDK
// accepts only [0-9A-Za-z-_ ,;.], at most 128 characters, and ignores any
// other value, so every other character ("/", "+", "(") becomes "-". The
// User-Agent keeps the exact product/version form.
func RequestClient(userAgent string) string {
	rc := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', strings.ContainsRune("-_ ,;.", r):
			return r
		}
		return '-'
	}, userAgent)
	if len(rc) > maxRequestClient {
		rc = rc[:maxRequestClient]
	}
	if strings.TrimSpace(rc) == "" {
		return "terraform-provider-cloudcompute"
	}
	return rc
}
