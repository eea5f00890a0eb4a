package provider

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// EnvBatchWindow sets how long concurrent lookups and releases wait to share
// one API call ("0" turns it off; for benchmarks and troubleshooting).
const EnvBatchWindow = "CLOUDCOMPUTE_BATCH_WINDOW"

func zenlayerBlock() schema.Block {
	return schema.SingleNestedBlock{
		MarkdownDescription: "Zenlayer Cloud API 2.0 credentials and endpoint. Every attribute falls back to an environment variable.",
		Attributes: map[string]schema.Attribute{
			"access_key_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Access key id. Falls back to `" + EnvZenlayerAccessKeyID + "`.",
			},
			"access_key_password": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Access key password, used to sign requests; never sent or logged. Falls back to `" + EnvZenlayerAccessKeyPassword + "`.",
			},
			"domain": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "API host, optionally with a port. Falls back to `" + EnvZenlayerDomain + "`, then `" + zenlayer.DefaultDomain + "`.",
			},
			"scheme": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "`HTTPS` or `HTTP`. Falls back to `" + EnvZenlayerScheme + "`, then `HTTPS`. " +
					"Plain HTTP is refused unless the domain is a loopback address (a local emulator).",
			},
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
			"max_retries": maxRetriesAttribute(EnvZenlayerMaxRetries),
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
	base := path.Root("zenlayer")
	for name, v := range map[string]interface{ IsUnknown() bool }{
		"access_key_id": zl.AccessKeyID, "access_key_password": zl.AccessKeyPassword, "domain": zl.Domain, "scheme": zl.Scheme, "timeout": zl.Timeout,
		"insecure": zl.Insecure, "max_retries": zl.MaxRetries,
	} {
		if v.IsUnknown() {
			diags.AddAttributeError(base.AtName(name), "Unknown Zenlayer Cloud setting",
				fmt.Sprintf("The provider cannot create the Zenlayer Cloud client because zenlayer.%s is not known until apply. "+
					"Set it to a value known at plan time, or leave it unset and use the environment variable.", name))
		}
	}
	if diags.HasError() {
		return
	}
	keyID := stringOr(zl.AccessKeyID, EnvZenlayerAccessKeyID, "")
	password := stringOr(zl.AccessKeyPassword, EnvZenlayerAccessKeyPassword, "")
	if password != "" {
		ctx = tflog.MaskAllFieldValuesStrings(ctx, password)
		ctx = tflog.MaskMessageStrings(ctx, password)
	}
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
	} else {
		timeout := time.Duration(0)
		if !zl.Timeout.IsNull() {
			timeout = time.Duration(zl.Timeout.ValueInt64()) * time.Second
		} else if v := os.Getenv(EnvZenlayerClientTimeout); v != "" {
			secs, err := strconv.Atoi(v)
			if err != nil || secs <= 0 {
				diags.AddError("Invalid "+EnvZenlayerClientTimeout, fmt.Sprintf("%s must be a positive number of seconds, got %q.", EnvZenlayerClientTimeout, v))
				return
			}
			timeout = time.Duration(secs) * time.Second
		}
		if timeout < 0 {
			diags.AddAttributeError(base.AtName("timeout"), "Invalid timeout", "zenlayer.timeout must be a positive number of seconds.")
			return
		}
		insecure, err := boolOr(zl.Insecure, EnvZenlayerInsecure)
		if err != nil {
			diags.AddError("Invalid "+EnvZenlayerInsecure, err.Error()+".")
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
			BatchWindow:        window,
			AccessKeyID:        keyID,
			AccessKeyPassword:  password,
			Domain:             domain,
			Scheme:             stringOr(zl.Scheme, EnvZenlayerScheme, "HTTPS"),
			Timeout:            timeout,
			InsecureSkipVerify: insecure,
			UserAgent:          userAgent,
			Retry:              policy,
		})
		var refused *transport.InsecureRefusedError
		if errors.As(err, &refused) {
			diags.AddAttributeError(base.AtName("insecure"), "TLS certificate checks cannot be skipped", err.Error()+".")
			return
		}
		if err != nil {
			diags.AddAttributeError(base, "Invalid Zenlayer Cloud configuration", err.Error())
			return
		}
		if insecure {
			tflog.Warn(ctx, "TLS certificate verification is off for the loopback endpoint", map[string]any{
				"endpoint": domain, "setting": "zenlayer.insecure",
			})
		}
		client.Zenlayer = zc
		tflog.Debug(ctx, "Zenlayer Cloud client configured", map[string]any{"access_key_id": keyID})
	}

}
