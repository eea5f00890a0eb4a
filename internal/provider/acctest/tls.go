package acctest

import (
	"io"
	"log" //nolint:depguard // the test server's log of the handshakes it refuses, not a provider log
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// StartTLSEmulator starts an emulator for one test and serves it over TLS
// on a loopback port with httptest's self-signed certificate, as a local
// test server would be: the provider trusts it only with insecure = true.
// Both are stopped when the test ends.
func StartTLSEmulator(t testing.TB, opts emulator.Options) (*emulator.Server, *httptest.Server) {
	t.Helper()
	emu := StartEmulator(t, opts)
	srv := httptest.NewUnstartedServer(emu.Handler())
	// The handshakes the provider refuses would be logged to stderr.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return emu, srv
}

// ZenlayerTLSProviderConfig is a provider block that points the zenlayer
// block at srv (from StartTLSEmulator) over HTTPS with the default test
// credentials, with insecure set to true or left out.
func ZenlayerTLSProviderConfig(srv *httptest.Server, insecure bool) string {
	attrs := [][2]string{attr("domain", strings.TrimPrefix(srv.URL, "https://")), attr("access_key_id", emulator.DefaultAccessKeyID),
		attr("access_key_password", emulator.DefaultAccessKeyPassword)}
	if insecure {
		attrs = append(attrs, [2]string{"insecure", "true"})
	}
	return zenlayerProvider(attrs...)
}

// HuaweiTLSProviderConfig is HuaweiProviderConfig for srv (from
// StartTLSEmulator) over HTTPS, with insecure set to true or left out.
func HuaweiTLSProviderConfig(srv *httptest.Server, method huaweicloud.AuthMethod, insecure bool) string {
	attrs := HuaweiCredentials(method)
	if insecure {
		attrs["insecure"] = "true"
	}
	return huaweiProviderConfigAt(srv.URL, attrs)
}
