package huaweicloud_test

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// startTLSEmulator serves an emulator over TLS with httptest's self-signed
// certificate on loopback, and counts the connections clients open.
func startTLSEmulator(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	emu := startEmulator(t, emulator.Options{})
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(emu.Handler())
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv, &conns
}

func newTLSClient(t *testing.T, srv *httptest.Server, method huaweicloud.AuthMethod, insecure bool) *huaweicloud.Client {
	t.Helper()
	c, err := huaweicloud.New(huaweicloud.Config{
		Region: emulator.HuaweiRegion, ProjectID: emulator.HuaweiProjectID,
		CloudDCEndpoint: srv.URL, IAMEndpoint: srv.URL + "/v3",
		Credentials: credentials(method),
		HTTPConfig:  transport.HTTPConfig{Retry: fastRetry, InsecureSkipVerify: insecure},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// By default the self-signed certificate is refused, by CloudDC and by
// IAM, with an error that says so and names the switch, after one attempt.
func TestClient_tlsUntrustedCertificate(t *testing.T) {
	srv, conns := startTLSEmulator(t)
	for _, method := range []huaweicloud.AuthMethod{huaweicloud.AuthAKSK, huaweicloud.AuthPassword} {
		conns.Store(0)
		c := newTLSClient(t, srv, method, false)
		_, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{})
		var ce *transport.CertificateError
		if !errors.As(err, &ce) {
			t.Fatalf("%s: %v, want a *transport.CertificateError", method, err)
		}
		for _, want := range []string{"TLS certificate of " + srv.URL + " is not trusted: x509: ", "Trust its CA",
			"set huaweicloud.insecure = true (or HW_INSECURE=true)"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %q lacks %q", method, err, want)
			}
		}
		if strings.Contains(err.Error(), "giving up after") {
			t.Errorf("%s: %q was retried", method, err)
		}
		if n := conns.Load(); n != 1 {
			t.Errorf("%s: %d connection attempts, want exactly 1 (no retries)", method, n)
		}
	}
}

func TestClient_tlsInsecureLoopback(t *testing.T) {
	srv, _ := startTLSEmulator(t)
	for _, method := range []huaweicloud.AuthMethod{huaweicloud.AuthAKSK, huaweicloud.AuthPassword} {
		c := newTLSClient(t, srv, method, true)
		if _, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{}); err != nil {
			t.Errorf("%s: list over TLS with insecure: %v", method, err)
		}
	}
}

func TestNew_insecureOnlyForLoopback(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cfg     huaweicloud.Config
		wantErr string
	}{
		{"default endpoints", huaweicloud.Config{Region: "cn-east-3", ProjectID: "p", Credentials: huaweicloud.Credentials{Token: "t"}},
			`the CloudDC endpoint "https://clouddc.cn-east-3.myhuaweicloud.com" is not one`},
		{"remote CloudDC", huaweicloud.Config{ProjectID: "p", CloudDCEndpoint: "https://clouddc.example.com", Credentials: huaweicloud.Credentials{Token: "t"}},
			`the CloudDC endpoint "https://clouddc.example.com" is not one`},
		{"remote IAM with password authentication", huaweicloud.Config{Region: "r", CloudDCEndpoint: "https://127.0.0.1:8443",
			IAMEndpoint: "https://iam.example.com/v3", Credentials: credentials(huaweicloud.AuthPassword)},
			`the IAM endpoint "https://iam.example.com/v3" is not one`},
		{"IAM unused with AK/SK", huaweicloud.Config{Region: "r", ProjectID: "p", CloudDCEndpoint: "https://127.0.0.1:8443",
			Credentials: credentials(huaweicloud.AuthAKSK)}, ""},
		{"all loopback", huaweicloud.Config{Region: "r", CloudDCEndpoint: "https://localhost:8443", IAMEndpoint: "https://[::1]:8443/v3",
			Credentials: credentials(huaweicloud.AuthPassword)}, ""},
	} {
		tc.cfg.InsecureSkipVerify = true
		_, err := huaweicloud.New(tc.cfg)
		if tc.wantErr == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		var ire *transport.InsecureRefusedError
		if !errors.As(err, &ire) || !strings.Contains(err.Error(), "huaweicloud.insecure skips TLS certificate checks and is allowed only for a loopback address") ||
			!strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%s: %v, want the insecure switch refused for %s", tc.name, err, tc.wantErr)
		}
	}
}
