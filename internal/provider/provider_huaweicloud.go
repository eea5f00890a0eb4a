package provider

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// Environment variables of the huaweicloud block: the names the Huawei
// Cloud Terraform provider reads, plus HW_CLOUDDC_ENDPOINT (ours: that
// provider has no CloudDC resources and no endpoint variables).
const (
	EnvHuaweiRegion          = "HW_REGION_NAME"
	EnvHuaweiProjectID       = "HW_PROJECT_ID"
	EnvHuaweiAccessKey       = "HW_ACCESS_KEY"
	EnvHuaweiSecretKey       = "HW_SECRET_KEY"     // #nosec G101 -- a variable name, not a credential
	EnvHuaweiSecurityToken   = "HW_SECURITY_TOKEN" // #nosec G101 -- a variable name, not a credential
	EnvHuaweiToken           = "HW_AUTH_TOKEN"     // #nosec G101 -- a variable name, not a credential
	EnvHuaweiUserName        = "HW_USER_NAME"
	EnvHuaweiPassword        = "HW_USER_PASSWORD" // #nosec G101 -- a variable name, not a credential
	EnvHuaweiDomainName      = "HW_DOMAIN_NAME"
	EnvHuaweiAuthURL         = "HW_AUTH_URL"
	EnvHuaweiCloudDCEndpoint = "HW_CLOUDDC_ENDPOINT"
	EnvHuaweiMaxRetries      = "HW_MAX_RETRIES"
	EnvHuaweiInsecure        = "HW_INSECURE"
	EnvHuaweiClientTimeout   = "HW_CLIENT_TIMEOUT"
)

type huaweicloudModel struct {
	Region      types.String              `tfsdk:"region"`
	ProjectID   types.String              `tfsdk:"project_id"`
	AccessKey   types.String              `tfsdk:"access_key"`
	SecretKey   types.String              `tfsdk:"secret_key"`
	SecToken    types.String              `tfsdk:"security_token"`
	Token       types.String              `tfsdk:"token"`
	UserName    types.String              `tfsdk:"user_name"`
	Password    types.String              `tfsdk:"password"`
	DomainName  types.String              `tfsdk:"domain_name"`
	MaxRetries  types.Int64               `tfsdk:"max_retries"`
	Timeout     types.Int64               `tfsdk:"timeout"`
	Insecure    types.Bool                `tfsdk:"insecure"`
	Endpoints   *huaweicloudEndpointModel `tfsdk:"endpoints"`
	DefaultTags types.Map                 `tfsdk:"default_tags"`
}

type huaweicloudEndpointModel struct {
	CloudDC types.String `tfsdk:"clouddc"`
	IAM     types.String `tfsdk:"iam"`
}

// huaweiCloud is the provider's huaweicloud block.
var huaweiCloud = cloudBlock{name: "huaweicloud", title: "Huawei Cloud"}

func huaweicloudBlock() schema.Block {
	envDoc := func(env string) string { return " Falls back to `" + env + "`." }
	return schema.SingleNestedBlock{
		MarkdownDescription: "Huawei Cloud credentials, project and endpoints, for the CloudDC resources. Every attribute falls back to the " +
			"environment variable the Huawei Cloud provider uses. Authenticate with exactly one of: `access_key` + `secret_key` (requests are " +
			"signed with SDK-HMAC-SHA256); `user_name` + `password` + `domain_name` (the provider obtains an IAM token, caches it and renews " +
			"it before it expires); or a ready-made `token` (not renewed: it stops working after 24 hours). Setting more than one is an error.",
		Attributes: map[string]schema.Attribute{
			"region": setting("Region, for example `cn-east-3`. It names the default endpoints and, with password authentication and no " +
				"`project_id`, the project the token is scoped to." + envDoc(EnvHuaweiRegion)),
			"project_id": setting("Project id of the CloudDC resources. Required with AK/SK and token authentication; with password " +
				"authentication it defaults to the project named after the region." + envDoc(EnvHuaweiProjectID)),
			"access_key": setting("Access key (AK) for request signing, with `secret_key`." + envDoc(EnvHuaweiAccessKey)),
			"secret_key": secretSetting("Secret key (SK) that signs requests; never sent or logged. Note that Huawei Cloud locks an access key " +
				"for 5 minutes after 5 failed signatures in a row." + envDoc(EnvHuaweiSecretKey)),
			"security_token": secretSetting("Security token of temporary AK/SK credentials (from STS or IAM's temporary access keys), with " +
				"`access_key` and `secret_key`: it is sent as `X-Security-Token` and signed with each request. Temporary credentials expire " +
				"(15 minutes to 24 hours): the provider cannot renew them." + envDoc(EnvHuaweiSecurityToken)),
			"token":       secretSetting("A project-scoped IAM token, sent as `X-Auth-Token`. It is valid for 24 hours and the provider cannot renew it." + envDoc(EnvHuaweiToken)),
			"user_name":   setting("IAM user name for password authentication, with `password` and `domain_name`." + envDoc(EnvHuaweiUserName)),
			"password":    secretSetting("IAM user password; sent only to IAM, never logged." + envDoc(EnvHuaweiPassword)),
			"domain_name": setting("Account (domain) name of the IAM user." + envDoc(EnvHuaweiDomainName)),
			"max_retries": maxRetriesAttribute(EnvHuaweiMaxRetries),
			"timeout": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Seconds one HTTP exchange may take. Default 60. A create that gets no answer in time is " +
					"looked up by its create token, never sent again." + envDoc(EnvHuaweiClientTimeout),
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"insecure": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Skip the check of the servers' TLS certificates, for a local emulator or test server with a self-signed " +
					"certificate. Allowed only when every endpoint in use (CloudDC, and IAM with password authentication) is a loopback address " +
					"(`127.0.0.1`, `::1`, `localhost`); any other endpoint is an error. Default `false`: certificates are always verified." +
					envDoc(EnvHuaweiInsecure),
			},
			"default_tags": huaweiCloud.defaultTagsAttribute(),
		},
		Blocks: map[string]schema.Block{
			"endpoints": schema.SingleNestedBlock{
				MarkdownDescription: "Custom endpoints (base URLs). HTTPS is required except for a loopback address (a local emulator).",
				Attributes: map[string]schema.Attribute{
					"clouddc": setting("CloudDC endpoint. Default `https://clouddc.{region}.myhuaweicloud.com`." +
						envDoc(EnvHuaweiCloudDCEndpoint)),
					"iam": setting("IAM (Keystone v3) endpoint, for password authentication, for example " +
						"`https://iam.cn-east-3.myhuaweicloud.com/v3`. Default `https://iam.{region}.myhuaweicloud.com/v3`." + envDoc(EnvHuaweiAuthURL)),
				},
			},
		},
	}
}

// huaweiSetting is one resolved setting and where it came from.
type huaweiSetting struct {
	attr, env, value, source string
}

func resolveHuawei(attr string, v types.String, env string) huaweiSetting {
	s := huaweiSetting{attr: "huaweicloud." + attr, env: env}
	if !v.IsNull() && !v.IsUnknown() && v.ValueString() != "" {
		s.value, s.source = v.ValueString(), "huaweicloud."+attr
	} else if e := os.Getenv(env); e != "" {
		s.value, s.source = e, env
	}
	return s
}

func (s huaweiSetting) set() bool { return s.value != "" }

// wanted names the attribute and the variable that can set it.
func (s huaweiSetting) wanted() string { return s.attr + " (or " + s.env + ")" }

// configureHuaweiCloud builds the Huawei Cloud client into client.
// Conflicting or incomplete credentials are an error now; no credentials at
// all are recorded in client.HuaweiCloudMissing and are an error only when a
// Huawei Cloud resource is used, so that a configuration of other clouds
// needs no Huawei settings.
func configureHuaweiCloud(ctx context.Context, m *huaweicloudModel, userAgent string, client *conns.Client, diags *diag.Diagnostics) {
	if m == nil {
		m = &huaweicloudModel{}
	}
	if m.Endpoints == nil {
		m.Endpoints = &huaweicloudEndpointModel{}
	}
	if !huaweiCloud.known(map[string]interface{ IsUnknown() bool }{
		"region": m.Region, "project_id": m.ProjectID, "access_key": m.AccessKey, "secret_key": m.SecretKey, "security_token": m.SecToken, "token": m.Token,
		"user_name": m.UserName, "password": m.Password, "domain_name": m.DomainName, "max_retries": m.MaxRetries, "timeout": m.Timeout,
		"insecure": m.Insecure, "endpoints.clouddc": m.Endpoints.CloudDC, "endpoints.iam": m.Endpoints.IAM, "default_tags": m.DefaultTags,
	}, diags) {
		return
	}
	client.HuaweiCloudDefaultTags = defaultTags(ctx, m.DefaultTags, diags)
	region := resolveHuawei("region", m.Region, EnvHuaweiRegion)
	project := resolveHuawei("project_id", m.ProjectID, EnvHuaweiProjectID)
	ak := resolveHuawei("access_key", m.AccessKey, EnvHuaweiAccessKey)
	sk := resolveHuawei("secret_key", m.SecretKey, EnvHuaweiSecretKey)
	secToken := resolveHuawei("security_token", m.SecToken, EnvHuaweiSecurityToken)
	token := resolveHuawei("token", m.Token, EnvHuaweiToken)
	user := resolveHuawei("user_name", m.UserName, EnvHuaweiUserName)
	password := resolveHuawei("password", m.Password, EnvHuaweiPassword)
	domain := resolveHuawei("domain_name", m.DomainName, EnvHuaweiDomainName)
	clouddcURL := resolveHuawei("endpoints.clouddc", m.Endpoints.CloudDC, EnvHuaweiCloudDCEndpoint)
	iamURL := resolveHuawei("endpoints.iam", m.Endpoints.IAM, EnvHuaweiAuthURL)
	ctx = maskSecrets(ctx, sk.value, secToken.value, token.value, password.value)

	// Which authentication methods have any of their settings?
	groups := map[huaweicloud.AuthMethod][]huaweiSetting{
		huaweicloud.AuthToken:    {token},
		huaweicloud.AuthAKSK:     {ak, sk},
		huaweicloud.AuthPassword: {user, password},
	}
	var active []huaweicloud.AuthMethod
	var found []string
	for _, method := range []huaweicloud.AuthMethod{huaweicloud.AuthAKSK, huaweicloud.AuthPassword, huaweicloud.AuthToken} {
		has := false
		for _, s := range groups[method] {
			if s.set() {
				has = true
				found = append(found, strings.TrimPrefix(s.attr, "huaweicloud.")+" (from "+s.source+")")
			}
		}
		if has {
			active = append(active, method)
		}
	}
	switch len(active) {
	case 0:
		client.HuaweiCloudMissing = "A Huawei Cloud resource is used, but the provider has no Huawei Cloud credentials. Set one of: " +
			"huaweicloud.access_key and secret_key (or " + EnvHuaweiAccessKey + " and " + EnvHuaweiSecretKey + "); " +
			"huaweicloud.user_name, password and domain_name (or " + EnvHuaweiUserName + ", " + EnvHuaweiPassword + " and " + EnvHuaweiDomainName + "); " +
			"or huaweicloud.token (or " + EnvHuaweiToken + "), together with huaweicloud.region and project_id (or " + EnvHuaweiRegion + " and " + EnvHuaweiProjectID + ")."
		tflog.Debug(ctx, "Huawei Cloud not configured: no credentials")
		return
	case 1:
	default:
		sort.Strings(found)
		diags.AddAttributeError(huaweiCloud.path(), "Conflicting Huawei Cloud credentials",
			"Settings of more than one authentication method are present: "+strings.Join(found, ", ")+". "+
				"Use exactly one of: access_key + secret_key; user_name + password + domain_name; token. "+
				"Remove the others from the provider's huaweicloud block or unset their environment variables.")
		return
	}
	method := active[0]
	if secToken.set() && method != huaweicloud.AuthAKSK {
		diags.AddAttributeError(huaweiCloud.path(), "Security token without temporary AK/SK credentials",
			"security_token (from "+secToken.source+") belongs to temporary AK/SK credentials: set it with huaweicloud.access_key and secret_key "+
				"(or "+EnvHuaweiAccessKey+" and "+EnvHuaweiSecretKey+"), or remove it.")
		return
	}
	var missing []string
	switch method {
	case huaweicloud.AuthAKSK:
		for _, s := range []huaweiSetting{ak, sk} {
			if !s.set() {
				missing = append(missing, s.wanted())
			}
		}
	case huaweicloud.AuthPassword:
		for _, s := range []huaweiSetting{user, password, domain} {
			if !s.set() {
				missing = append(missing, s.wanted())
			}
		}
	}
	if method != huaweicloud.AuthPassword && !project.set() {
		missing = append(missing, project.wanted()+" (token and AK/SK authentication need the project id)")
	}
	if !region.set() && (!clouddcURL.set() || (method == huaweicloud.AuthPassword && !iamURL.set() && !project.set())) {
		missing = append(missing, region.wanted())
	}
	if len(missing) > 0 {
		diags.AddAttributeError(huaweiCloud.path(), "Incomplete Huawei Cloud configuration",
			fmt.Sprintf("Huawei Cloud %s authentication is configured (%s), but these settings are missing: %s.",
				methodName(method), strings.Join(found, ", "), strings.Join(missing, "; ")))
		return
	}

	policy, ok := retryPolicy(m.MaxRetries, EnvHuaweiMaxRetries, diags)
	if !ok {
		return
	}
	insecure, ok := boolOr(m.Insecure, EnvHuaweiInsecure, diags)
	if !ok {
		return
	}
	timeout, ok := clientTimeout(m.Timeout, EnvHuaweiClientTimeout, diags)
	if !ok {
		return
	}

	hc, err := huaweicloud.New(huaweicloud.Config{
		Region:          region.value,
		ProjectID:       project.value,
		CloudDCEndpoint: clouddcURL.value,
		IAMEndpoint:     iamURL.value,
		Credentials: huaweicloud.Credentials{
			Token: token.value, AccessKey: ak.value, SecretKey: sk.value, SecurityToken: secToken.value,
			UserName: user.value, Password: password.value, DomainName: domain.value,
		},
		HTTPConfig: transport.HTTPConfig{InsecureSkipVerify: insecure, Timeout: timeout, UserAgent: userAgent, Retry: policy},
	})
	if !huaweiCloud.built(ctx, err, insecure, map[string]any{"endpoint": clouddcURL.value, "iam_endpoint": iamURL.value}, diags) {
		return
	}
	client.HuaweiCloud = hc
	tflog.Debug(ctx, "Huawei Cloud client configured", map[string]any{
		"auth_method": string(method), "temporary_credentials": secToken.set(), "region": region.value, "project_id": project.value, "access_key": ak.value, "user_name": user.value,
	})
}

func methodName(m huaweicloud.AuthMethod) string {
	switch m {
	case huaweicloud.AuthAKSK:
		return "AK/SK"
	case huaweicloud.AuthPassword:
		return "password"
	}
	return "token"
}
