package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestNewHTTPTransport(t *testing.T) {
	for _, insecure := range []bool{false, true} {
		tr := NewHTTPTransport(insecure)
		if tr == http.DefaultTransport {
			t.Fatal("the default transport must not be shared")
		}
		if tr.TLSClientConfig == nil || tr.TLSClientConfig.MinVersion != tls.VersionTLS12 {
			t.Errorf("insecure=%v: TLS config %+v, want MinVersion TLS 1.2", insecure, tr.TLSClientConfig)
		}
		if tr.TLSClientConfig.InsecureSkipVerify != insecure {
			t.Errorf("insecure=%v: InsecureSkipVerify=%v", insecure, tr.TLSClientConfig.InsecureSkipVerify)
		}
		if tr.Proxy == nil {
			t.Errorf("insecure=%v: the proxy from the environment is lost", insecure)
		}
	}
}

func TestCertificateErrorsAreNotRetried(t *testing.T) {
	sw := InsecureSwitch{Attr: "x.insecure", Env: "X_INSECURE"}
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://127.0.0.1:8443/v1/things", nil)
	unknownCA := &url.Error{Op: "Get", URL: req.URL.String(), Err: &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}}
	for name, err := range map[string]error{
		"unknown authority": unknownCA,
		"host name":         fmt.Errorf("get: %w", x509.HostnameError{Host: "127.0.0.1", Certificate: &x509.Certificate{}}),
		"expired":           x509.CertificateInvalidError{Reason: x509.Expired, Cert: &x509.Certificate{}},
	} {
		for _, idempotent := range []bool{true, false} {
			if v := TransportVerdict(context.Background(), err, idempotent); v.Retry {
				t.Errorf("%s: TransportVerdict retries a certificate error", name)
			}
			v, got := SendFailure(context.Background(), req, err, idempotent, sw)
			if v.Retry {
				t.Errorf("%s: SendFailure retries a certificate error", name)
			}
			var ce *CertificateError
			if !errors.As(got, &ce) {
				t.Fatalf("%s: %v is not a *CertificateError", name, got)
			}
			msg := got.Error()
			for _, want := range []string{"TLS certificate of https://127.0.0.1:8443 is not trusted: x509: ", "Trust its CA",
				"set x.insecure = true (or X_INSECURE=true)"} {
				if !strings.Contains(msg, want) {
					t.Errorf("%s: %q lacks %q", name, msg, want)
				}
			}
			if strings.Contains(msg, "may or may not have been applied") {
				t.Errorf("%s: a request refused at the handshake was surely not applied: %q", name, msg)
			}
		}
	}
	if !errors.As(unknownCA, new(x509.UnknownAuthorityError)) {
		t.Error("the x509 error must stay in the chain")
	}
	// Other transport errors keep their verdicts.
	v, err := SendFailure(context.Background(), req, errors.New("connection reset"), false, sw)
	if v.Retry || !strings.Contains(err.Error(), "may or may not have been applied") || IsCertificateError(err) {
		t.Errorf("reset of a create: %+v %v", v, err)
	}
}

func TestInsecureRefusedError(t *testing.T) {
	err := &InsecureRefusedError{Switch: InsecureSwitch{Attr: "zenlayer.insecure", Env: "ZENLAYERCLOUD_INSECURE"}, What: `"api.example.com"`}
	want := `zenlayer.insecure skips TLS certificate checks and is allowed only for a loopback address (a local emulator or test server); ` +
		`"api.example.com" is not one. Remove zenlayer.insecure (and ZENLAYERCLOUD_INSECURE), or trust the server's CA in the system store`
	if err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
}
