// Package provider is the cloudcompute provider: its schema, its
// configuration of the API clients, and the list of resources and data sources.
package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zec"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Environment variables the provider reads.
const (
	EnvZenlayerAccessKeyID       = "ZENLAYERCLOUD_ACCESS_KEY_ID"
	EnvZenlayerAccessKeyPassword = "ZENLAYERCLOUD_ACCESS_KEY_PASSWORD" // #nosec G101 -- a variable name, not a credential
	EnvZenlayerDomain            = "ZENLAYERCLOUD_DOMAIN"
	EnvZenlayerScheme            = "ZENLAYERCLOUD_SCHEME"
	EnvZenlayerClientTimeout     = "ZENLAYERCLOUD_CLIENT_TIMEOUT"
)

var _ provider.Provider = &CloudComputeProvider{}

// New returns a constructor of the provider at a version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &CloudComputeProvider{version: version} }
}

// CloudComputeProvider is the provider implementation.
type CloudComputeProvider struct {
	version string
}

type providerModel struct {
	Zenlayer *zenlayerModel `tfsdk:"zenlayer"`
}

type zenlayerModel struct {
	AccessKeyID       types.String `tfsdk:"access_key_id"`
	AccessKeyPassword types.String `tfsdk:"access_key_password"`
	Domain            types.String `tfsdk:"domain"`
	Scheme            types.String `tfsdk:"scheme"`
	Timeout           types.Int64  `tfsdk:"timeout"`
}

func (p *CloudComputeProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "cloudcompute"
	resp.Version = p.version
}

func (p *CloudComputeProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages Zenlayer Cloud (ZEC disks and instances, BMC bare-metal instances) and Huawei Cloud CloudDC instances. " +
			"Each cloud has its own optional block; a cloud's resources need only that cloud's credentials.",
		Blocks: map[string]schema.Block{
			"zenlayer": schema.SingleNestedBlock{
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
				},
			},
		},
	}
}

func (p *CloudComputeProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client := &conns.Client{}
	userAgent := transport.UserAgent(p.version, req.TerraformVersion)

	zl := cfg.Zenlayer
	if zl == nil {
		zl = &zenlayerModel{}
	}
	base := path.Root("zenlayer")
	for name, v := range map[string]interface{ IsUnknown() bool }{
		"access_key_id": zl.AccessKeyID, "access_key_password": zl.AccessKeyPassword, "domain": zl.Domain, "scheme": zl.Scheme, "timeout": zl.Timeout,
	} {
		if v.IsUnknown() {
			resp.Diagnostics.AddAttributeError(base.AtName(name), "Unknown Zenlayer Cloud setting",
				fmt.Sprintf("The provider cannot create the Zenlayer Cloud client because zenlayer.%s is not known until apply. "+
					"Set it to a value known at plan time, or leave it unset and use the environment variable.", name))
		}
	}
	if resp.Diagnostics.HasError() {
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
				resp.Diagnostics.AddError("Invalid "+EnvZenlayerClientTimeout, fmt.Sprintf("%s must be a positive number of seconds, got %q.", EnvZenlayerClientTimeout, v))
				return
			}
			timeout = time.Duration(secs) * time.Second
		}
		if timeout < 0 {
			resp.Diagnostics.AddAttributeError(base.AtName("timeout"), "Invalid timeout", "zenlayer.timeout must be a positive number of seconds.")
			return
		}
		zc, err := zenlayer.New(zenlayer.Config{
			AccessKeyID:       keyID,
			AccessKeyPassword: password,
			Domain:            stringOr(zl.Domain, EnvZenlayerDomain, zenlayer.DefaultDomain),
			Scheme:            stringOr(zl.Scheme, EnvZenlayerScheme, "HTTPS"),
			Timeout:           timeout,
			UserAgent:         userAgent,
			Retry:             transport.DefaultPolicy(),
		})
		if err != nil {
			resp.Diagnostics.AddAttributeError(base, "Invalid Zenlayer Cloud configuration", err.Error())
			return
		}
		client.Zenlayer = zc
		tflog.Debug(ctx, "Zenlayer Cloud client configured", map[string]any{"access_key_id": keyID})
	}

	resp.DataSourceData = client
	resp.ResourceData = client
}

func (p *CloudComputeProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		zec.NewDiskResource,
	}
}

func (p *CloudComputeProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		zec.NewDisksDataSource,
	}
}

// stringOr returns the configured value, else the environment variable, else def.
func stringOr(v types.String, env, def string) string {
	if !v.IsNull() && !v.IsUnknown() && v.ValueString() != "" {
		return v.ValueString()
	}
	if e := os.Getenv(env); e != "" {
		return e
	}
	return def
}
