package provider

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Environment variables of the zenlayer block.
const (
	EnvZenlayerAccessKeyID       = "ZENLAYERCLOUD_ACCESS_KEY_ID"
	EnvZenlayerAccessKeyPassword = "ZENLAYERCLOUD_ACCESS_KEY_PASSWORD" // #nosec G101 -- a variable name, not a credential
	EnvZenlayerDomain            = "ZENLAYERCLOUD_DOMAIN"
	EnvZenlayerScheme            = "ZENLAYERCLOUD_SCHEME"
	EnvZenlayerClientTimeout     = "ZENLAYERCLOUD_CLIENT_TIMEOUT"
	EnvZenlayerInsecure          = "ZENLAYERCLOUD_INSECURE"
	EnvZenlayerMaxRetries        = "ZENLAYERCLOUD_MAX_RETRIES"
)

// EnvBatchWindow sets how long concurrent lookups and releases wait to share
// one API call ("0" turns it off; for benchmarks and troubleshooting).
const EnvBatchWindow = "CLOUDCOMPUTE_BATCH_WINDOW"

type zenlayerModel struct {
	AccessKeyID       types.String `tfsdk:"access_key_id"`
	AccessKeyPassword types.String `tfsdk:"access_key_password"`
	Domain            types.String `tfsdk:"domain"`
	Scheme            types.String `tfsdk:"scheme"`
	Timeout           types.Int64  `tfsdk:"timeout"`
	Insecure          types.Bool   `tfsdk:"insecure"`
	MaxRetries        types.Int64  `tfsdk:"max_retries"`
	DefaultTags       types.Map    `tfsdk:"default_tags"`
}

// zenlayerCloud is the provider's zenlayer block.
var zenlayerCloud = cloudBlock{name: "zenlayer", title: "Zenlayer Cloud"}

func zenlayerBlock() schema.Block {
	return schema.SingleNestedBlock{
		MarkdownDescription: "Zenlayer Cloud API 2.0 credentials and endpoint. Every attribute falls back to an environment variable.",
		Attributes: map[string]schema.Attribute{
			"access_key_id":       setting("Access key id. Falls back to `" + EnvZenlayerAccessKeyID + "`."),
			"access_key_password": secretSetting("Access key password, used to sign requests; never sent or logged. Falls back to `" + EnvZenlayerAccessKeyPassword + "`."),
			"domain":              setting("API host, optionally with a port. Falls back to `" + EnvZenlayerDomain + "`, then `" + zenlayer.DefaultDomain + "`."),
			"scheme": setting("`HTTPS` or `HTTP`. Falls back to `" + EnvZenlayerScheme + "`, then `HTTPS`. " +
				"Plain HTTP is refused unless the domain is a loopback address (a local emulator)."),
			"timeout": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Seconds one HTTP exchange may take. Falls back to `" + EnvZenlayerClientTimeout + "`, then 60.",
			},
			"insecure": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Skip the check of the API server's TLS certificate, for a local emulator or test server with a self-signed " +
					"certificate. Allowed only when `domain` is a loopback address (`127.0.0.1`, `::1`, `localhost`); any other domain is an error. " +
					"Falls back to `" + EnvZenlayerInsecure + "`, then `false`: certificates are always verified.",
			},
			"max_retries":  maxRetriesAttribute(EnvZenlayerMaxRetries),
			"default_tags": zenlayerCloud.defaultTagsAttribute(),
		},
	}
}

// configureZenlayer builds the Zenlayer client into client, or records in
// client.ZenlayerMissing why it cannot (missing credentials are an error only
// when a Zenlayer resource is used).
func configureZenlayer(ctx context.Context, zl *zenlayerModel, userAgent string, client *conns.Client, diags *diag.Diagnostics) {
	if zl == nil {
		zl = &zenlayerModel{}
	}
	if !zenlayerCloud.known(map[string]interface{ IsUnknown() bool }{
		"access_key_id": zl.AccessKeyID, "access_key_password": zl.AccessKeyPassword, "domain": zl.Domain, "scheme": zl.Scheme, "timeout": zl.Timeout,
		"insecure": zl.Insecure, "max_retries": zl.MaxRetries, "default_tags": zl.DefaultTags,
	}, diags) {
		return
	}
	client.ZenlayerDefaultTags = defaultTags(ctx, zl.DefaultTags, diags)
	keyID := stringOr(zl.AccessKeyID, EnvZenlayerAccessKeyID, "")
	password := stringOr(zl.AccessKeyPassword, EnvZenlayerAccessKeyPassword, "")
	ctx = maskSecrets(ctx, password)
	var missing []string
	if keyID == "" {
		missing = append(missing, "zenlayer.access_key_id (or "+EnvZenlayerAccessKeyID+")")
	}
	if password == "" {
		missing = append(missing, "zenlayer.access_key_password (or "+EnvZenlayerAccessKeyPassword+")")
	}
	if len(missing) > 0 {
		client.ZenlayerMissing = "A Zenlayer Cloud resource is used, but the provider has no Zenlayer credentials. Set " +
			strings.Join(missing, " and ") + " in the provider's zenlayer block or the environment."
		tflog.Debug(ctx, "Zenlayer Cloud not configured", map[string]any{"missing": strings.Join(missing, ", ")})
		return
	}
	timeout, ok := clientTimeout(zl.Timeout, EnvZenlayerClientTimeout, diags)
	if !ok {
		return
	}
	if timeout < 0 {
		diags.AddAttributeError(zenlayerCloud.path().AtName("timeout"), "Invalid timeout", "zenlayer.timeout must be a positive number of seconds.")
		return
	}
	insecure, ok := boolOr(zl.Insecure, EnvZenlayerInsecure, diags)
	if !ok {
		return
	}
	window := zenlayer.DefaultBatchWindow
	if v := os.Getenv(EnvBatchWindow); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			diags.AddError("Invalid "+EnvBatchWindow, fmt.Sprintf("%s must be a duration such as 15ms, or 0 to turn batching off; got %q.", EnvBatchWindow, v))
			return
		}
		window = d
	}
	policy, ok := retryPolicy(zl.MaxRetries, EnvZenlayerMaxRetries, diags)
	if !ok {
		return
	}
	domain := stringOr(zl.Domain, EnvZenlayerDomain, zenlayer.DefaultDomain)
	zc, err := zenlayer.New(zenlayer.Config{
		BatchWindow:       window,
		AccessKeyID:       keyID,
		AccessKeyPassword: password,
		Domain:            domain,
		Scheme:            stringOr(zl.Scheme, EnvZenlayerScheme, "HTTPS"),
		HTTPConfig:        transport.HTTPConfig{Timeout: timeout, InsecureSkipVerify: insecure, UserAgent: userAgent, Retry: policy},
	})
	if !zenlayerCloud.built(ctx, err, insecure, map[string]any{"endpoint": domain}, diags) {
		return
	}
	client.Zenlayer = zc
	tflog.Debug(ctx, "Zenlayer Cloud client configured", map[string]any{"access_key_id": keyID})
}
