package provider

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
)

// These tests set environment variables, so they do not run in parallel.

// clearInsecureEnv unsets the variables configure reads, for the test.
func clearInsecureEnv(t *testing.T) {
	t.Helper()
	for _, k := range []string{EnvZenlayerAccessKeyID, EnvZenlayerAccessKeyPassword, EnvZenlayerDomain, EnvZenlayerScheme,
		EnvZenlayerClientTimeout, EnvZenlayerInsecure, EnvBatchWindow, EnvHuaweiRegion, EnvHuaweiProjectID, EnvHuaweiAccessKey,
		EnvHuaweiSecretKey, EnvHuaweiToken, EnvHuaweiUserName, EnvHuaweiPassword, EnvHuaweiDomainName, EnvHuaweiAuthURL,
		EnvHuaweiCloudDCEndpoint, EnvHuaweiMaxRetries, EnvHuaweiInsecure} {
		t.Setenv(k, "")
	}
}

// wantError checks that diags hold exactly one error, at path at (when
// given), whose summary and detail contain every part of want.
func wantError(t *testing.T, name string, diags diag.Diagnostics, at *path.Path, want ...string) {
	t.Helper()
	if diags.ErrorsCount() != 1 {
		t.Errorf("%s: %d errors, want 1: %v", name, diags.ErrorsCount(), diags)
		return
	}
	d := diags.Errors()[0]
	if at != nil {
		dp, ok := d.(diag.DiagnosticWithPath)
		if !ok || !dp.Path().Equal(*at) {
			t.Errorf("%s: error %q is not at %s", name, d.Summary(), at)
		}
	}
	for _, w := range want {
		if !strings.Contains(d.Summary()+": "+d.Detail(), w) {
			t.Errorf("%s: %q: %q lacks %q", name, d.Summary(), d.Detail(), w)
		}
	}
}

func TestConfigureZenlayer_insecure(t *testing.T) {
	insecureAt := path.Root("zenlayer").AtName("insecure")
	model := func(domain string, insecure types.Bool) *zenlayerModel {
		return &zenlayerModel{AccessKeyID: types.StringValue("id"), AccessKeyPassword: types.StringValue("test-password"),
			Domain: types.StringValue(domain), Insecure: insecure}
	}
	for _, tc := range []struct {
		name   string
		env    string
		model  *zenlayerModel
		at     *path.Path
		want   []string
		client bool
		// warn: the configure log warns that TLS checks are off.
		warn bool
	}{
		{name: "remote domain", model: model("api.example.com", types.BoolValue(true)), at: &insecureAt,
			want: []string{"TLS certificate checks cannot be skipped", `zenlayer.insecure skips TLS certificate checks and is allowed only for a loopback address ` +
				`(a local emulator or test server); "api.example.com" is not one. Remove zenlayer.insecure (and ZENLAYERCLOUD_INSECURE), ` +
				`or trust the server's CA in the system store.`}},
		{name: "remote domain, from the environment", env: "1", model: model("api.example.com", types.BoolNull()), at: &insecureAt,
			want: []string{`"api.example.com" is not one`}},
		{name: "default domain", env: "true", model: &zenlayerModel{AccessKeyID: types.StringValue("id"), AccessKeyPassword: types.StringValue("test-password")},
			at: &insecureAt, want: []string{`"console.zenlayer.com" is not one`}},
		{name: "unparsable variable", env: "yes please", model: model("127.0.0.1:8443", types.BoolNull()),
			want: []string{"Invalid ZENLAYERCLOUD_INSECURE", `ZENLAYERCLOUD_INSECURE must be true or false (or 1 or 0), got "yes please"`}},
		{name: "unknown", model: model("127.0.0.1:8443", types.BoolUnknown()), at: &insecureAt,
			want: []string{"Unknown Zenlayer Cloud setting", "zenlayer.insecure is not known until apply"}},
		{name: "loopback", model: model("127.0.0.1:8443", types.BoolValue(true)), client: true, warn: true},
		{name: "loopback, from the environment", env: "TRUE", model: model("localhost:8443", types.BoolNull()), client: true, warn: true},
		{name: "the attribute wins over the variable", env: "true", model: model("api.example.com", types.BoolValue(false)), client: true},
		{name: "off", model: model("api.example.com", types.BoolNull()), client: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clearInsecureEnv(t)
			t.Setenv(EnvZenlayerInsecure, tc.env)
			var diags diag.Diagnostics
			var logs bytes.Buffer
			client := &conns.Client{}
			configureZenlayer(tflogtest.RootLogger(context.Background(), &logs), tc.model, "test", client, &diags)
			if warned := strings.Contains(logs.String(), "TLS certificate verification is off for the loopback endpoint"); warned != tc.warn {
				t.Errorf("warned=%v, want %v; log: %s", warned, tc.warn, logs.String())
			}
			if tc.client {
				if diags.HasError() || client.Zenlayer == nil {
					t.Errorf("want a client, got %v", diags)
				}
				return
			}
			wantError(t, tc.name, diags, tc.at, tc.want...)
			if client.Zenlayer != nil {
				t.Error("a client was built despite the error")
			}
		})
	}
}

func TestConfigureHuaweiCloud_insecure(t *testing.T) {
	insecureAt := path.Root("huaweicloud").AtName("insecure")
	model := func(clouddc, iam string, insecure types.Bool) *huaweicloudModel {
		m := &huaweicloudModel{Region: types.StringValue("cn-east-3"), UserName: types.StringValue("u"), Password: types.StringValue("test-password"),
			DomainName: types.StringValue("d"), Insecure: insecure, Endpoints: &huaweicloudEndpointModel{}}
		if clouddc != "" {
			m.Endpoints.CloudDC = types.StringValue(clouddc)
		}
		if iam != "" {
			m.Endpoints.IAM = types.StringValue(iam)
		}
		return m
	}
	for _, tc := range []struct {
		name   string
		env    string
		model  *huaweicloudModel
		at     *path.Path
		want   []string
		client bool
		// warn: the configure log warns that TLS checks are off.
		warn bool
	}{
		{name: "default endpoints", model: model("", "", types.BoolValue(true)), at: &insecureAt,
			want: []string{"TLS certificate checks cannot be skipped", "huaweicloud.insecure skips TLS certificate checks and is allowed only for a loopback address",
				`the CloudDC endpoint "https://clouddc.cn-east-3.myhuaweicloud.com" is not one`, "Remove huaweicloud.insecure (and HW_INSECURE)"}},
		{name: "remote IAM", env: "true", model: model("https://127.0.0.1:8443", "https://iam.example.com/v3", types.BoolNull()), at: &insecureAt,
			want: []string{`the IAM endpoint "https://iam.example.com/v3" is not one`}},
		{name: "unparsable variable", env: "on", model: model("https://127.0.0.1:8443", "https://127.0.0.1:8443/v3", types.BoolNull()),
			want: []string{"Invalid HW_INSECURE", `HW_INSECURE must be true or false (or 1 or 0), got "on"`}},
		{name: "unknown", model: model("https://127.0.0.1:8443", "https://127.0.0.1:8443/v3", types.BoolUnknown()), at: &insecureAt,
			want: []string{"Unknown Huawei Cloud setting", "huaweicloud.insecure is not known until apply"}},
		{name: "loopback", model: model("https://127.0.0.1:8443", "https://localhost:8443/v3", types.BoolValue(true)), client: true, warn: true},
		{name: "off", env: "false", model: model("", "", types.BoolNull()), client: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clearInsecureEnv(t)
			t.Setenv(EnvHuaweiInsecure, tc.env)
			var diags diag.Diagnostics
			var logs bytes.Buffer
			client := &conns.Client{}
			configureHuaweiCloud(tflogtest.RootLogger(context.Background(), &logs), tc.model, "test", client, &diags)
			if warned := strings.Contains(logs.String(), "TLS certificate verification is off for the loopback endpoint"); warned != tc.warn {
				t.Errorf("warned=%v, want %v; log: %s", warned, tc.warn, logs.String())
			}
			if tc.client {
				if diags.HasError() || client.HuaweiCloud == nil {
					t.Errorf("want a client, got %v", diags)
				}
				return
			}
			wantError(t, tc.name, diags, tc.at, tc.want...)
			if client.HuaweiCloud != nil {
				t.Error("a client was built despite the error")
			}
		})
	}
}
