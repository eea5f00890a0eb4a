package zenlayer_test

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
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// tlsEmulator serves an emulator over TLS with httptest's self-signed
// certificate on loopback, and counts the connections clients open.
func tlsEmulator(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	emu, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
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

func tlsClient(t *testing.T, srv *httptest.Server, insecure bool) *zenlayer.Client {
	t.Helper()
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain:     strings.TrimPrefix(srv.URL, "https://"),
		HTTPConfig: transport.HTTPConfig{InsecureSkipVerify: insecure, Retry: transport.Policy{MaxAttempts: 4, Base: time.Millisecond, Max: 2 * time.Millisecond}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// By default the self-signed certificate is refused with an error that
// says so and names the switch, after one attempt: it never heals.
func TestTLSUntrustedCertificate(t *testing.T) {
	srv, conns := tlsEmulator(t)
	c := tlsClient(t, srv, false)
	for name, call := range map[string]func() error{
		"describe": func() error {
			_, err := c.DescribeDisks(context.Background(), zenlayer.DescribeDisksRequest{})
			return err
		},
		"create": func() error {
			_, err := c.CreateDisks(context.Background(), zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "d", DiskSize: 20})
			return err
		},
	} {
		conns.Store(0)
		err := call()
		var ce *transport.CertificateError
		if !errors.As(err, &ce) {
			t.Fatalf("%s: %v, want a *transport.CertificateError", name, err)
		}
		for _, want := range []string{"TLS certificate of " + srv.URL + " is not trusted: x509: ", "Trust its CA",
			"set zenlayer.insecure = true (or ZENLAYERCLOUD_INSECURE=true)"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %q lacks %q", name, err, want)
			}
		}
		for _, unwanted := range []string{"giving up after", "may or may not have been applied"} {
			if strings.Contains(err.Error(), unwanted) {
				t.Errorf("%s: %q says %q", name, err, unwanted)
			}
		}
		if n := conns.Load(); n != 1 {
			t.Errorf("%s: %d connection attempts, want exactly 1 (no retries)", name, n)
		}
	}
}

func TestTLSInsecureLoopback(t *testing.T) {
	srv, _ := tlsEmulator(t)
	c := tlsClient(t, srv, true)
	ids, err := c.CreateDisks(context.Background(), zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "d", DiskSize: 20})
	if err != nil || len(ids) != 1 {
		t.Fatalf("create over TLS with insecure: %v %v", ids, err)
	}
	if _, err := c.DescribeDisks(context.Background(), zenlayer.DescribeDisksRequest{DiskIDs: ids}); err != nil {
		t.Fatal(err)
	}
}

func TestTLSInsecureRefusedForRemoteDomain(t *testing.T) {
	for _, domain := range []string{"", "console.zenlayer.com", "api.example.com:443", "10.0.0.1"} {
		_, err := zenlayer.New(zenlayer.Config{AccessKeyID: "a", AccessKeyPassword: "b", Domain: domain, HTTPConfig: transport.HTTPConfig{InsecureSkipVerify: true}})
		var ire *transport.InsecureRefusedError
		if !errors.As(err, &ire) || !strings.Contains(err.Error(), "zenlayer.insecure skips TLS certificate checks and is allowed only for a loopback address") {
			t.Errorf("domain %q: %v, want the insecure switch refused", domain, err)
		}
	}
	for _, domain := range []string{"127.0.0.1:8443", "localhost", "[::1]:443"} {
		if _, err := zenlayer.New(zenlayer.Config{AccessKeyID: "a", AccessKeyPassword: "b", Domain: domain, HTTPConfig: transport.HTTPConfig{InsecureSkipVerify: true}}); err != nil {
			t.Errorf("domain %q: %v", domain, err)
		}
	}
}
