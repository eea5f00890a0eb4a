package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
)

// InsecureSwitch names a client's setting that turns TLS certificate
// checks off, for messages: the provider attribute and its variable.
type InsecureSwitch struct {
	Attr string // "zenlayer.insecure"
	Env  string // "ZENLAYERCLOUD_INSECURE"
}

// NewHTTPTransport returns a clone of http.DefaultTransport (proxy from the
// environment, connection pooling, HTTP/2) that speaks TLS 1.2 or later.
// With insecureSkipVerify it does not check the server's certificate: the
// clients allow that only for loopback endpoints (see InsecureRefusedError).
func NewHTTPTransport(insecureSkipVerify bool) *http.Transport {
	base, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		base = &http.Transport{Proxy: http.ProxyFromEnvironment, ForceAttemptHTTP2: true}
	}
	t := base.Clone()
	t.TLSClientConfig = &tls.Config{
		MinVersion: tls.VersionTLS12,
		// Off only on request (an insecure switch), which the clients refuse
		// unless every endpoint is a loopback address.
		InsecureSkipVerify: insecureSkipVerify, // #nosec G402 -- loopback endpoints only, checked by the clients
	}
	return t
}

// InsecureRefusedError says that certificate checks may not be skipped for
// an endpoint that is not a loopback address.
type InsecureRefusedError struct {
	Switch InsecureSwitch
	// What names the endpoint in the message, for example
	// `"api.example.com"` or `the CloudDC endpoint "https://x"`.
	What string
}

func (e *InsecureRefusedError) Error() string {
	return fmt.Sprintf("%s skips TLS certificate checks and is allowed only for a loopback address (a local emulator or test server); "+
		"%s is not one. Remove %s (and %s), or trust the server's CA in the system store",
		e.Switch.Attr, e.What, e.Switch.Attr, e.Switch.Env)
}

// CertificateError is a server certificate the client does not trust. It
// never heals by itself, so it is never retried.
type CertificateError struct {
	// Origin is scheme://host[:port] of the server.
	Origin string
	Switch InsecureSwitch
	// Err is the error of the HTTP exchange.
	Err error
}

func (e *CertificateError) Error() string {
	return fmt.Sprintf("TLS certificate of %s is not trusted: %v. Trust its CA (add it to this machine's trusted certificates), "+
		"or for a loopback test server set %s = true (or %s=true)", e.Origin, certificateCause(e.Err), e.Switch.Attr, e.Switch.Env)
}

func (e *CertificateError) Unwrap() error { return e.Err }

// IsCertificateError reports whether err is a failed check of the server's
// TLS certificate (unknown authority, wrong host name, expired...).
func IsCertificateError(err error) bool { return certificateCause(err) != nil }

// certificateCause is the x509 error inside err, or nil.
func certificateCause(err error) error {
	var verr *tls.CertificateVerificationError
	if errors.As(err, &verr) {
		if verr.Err != nil {
			return verr.Err
		}
		return verr
	}
	var unknownCA x509.UnknownAuthorityError
	if errors.As(err, &unknownCA) {
		return unknownCA
	}
	var hostname x509.HostnameError
	if errors.As(err, &hostname) {
		return hostname
	}
	var invalid x509.CertificateInvalidError
	if errors.As(err, &invalid) {
		return invalid
	}
	return nil
}

// SendFailure classifies an error of http.Client.Do for req: the retry
// verdict and the error to report. An untrusted TLS certificate becomes a
// *CertificateError that is not retried. A non-idempotent request that may
// have reached the server says that it is not sent again.
func SendFailure(ctx context.Context, req *http.Request, err error, idempotent bool, sw InsecureSwitch) (Verdict, error) {
	if IsCertificateError(err) {
		return Verdict{}, &CertificateError{Origin: req.URL.Scheme + "://" + req.URL.Host, Switch: sw, Err: err}
	}
	v := TransportVerdict(ctx, err, idempotent)
	if !idempotent && !v.Retry && ctx.Err() == nil {
		err = fmt.Errorf("%w; the request may or may not have been applied, so it is not sent again", err)
	}
	return v, err
}
