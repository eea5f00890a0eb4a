package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// cloudBlock is a cloud's block of the provider configuration: what every
// configure function does the same way (configureZenlayer,
// configureHuaweiCloud), written once.
type cloudBlock struct {
	name  string // the block: "zenlayer"
	title string // the cloud, for messages: "Zenlayer Cloud"
}

func (b cloudBlock) path() path.Path { return path.Root(b.name) }

// defaultTagsAttribute is the block's default_tags.
func (b cloudBlock) defaultTagsAttribute() schema.MapAttribute {
	return schema.MapAttribute{
		ElementType: types.StringType,
		Optional:    true,
		MarkdownDescription: "Tags every taggable " + b.title + " resource of this provider carries, under its own `tags` (a key the " +
			"resource sets wins). They show in each resource's `tags_all`, not in its `tags`.",
	}
}

// defaultTags are the block's default_tags as a Go map (empty if unset).
func defaultTags(ctx context.Context, v types.Map, diags *diag.Diagnostics) map[string]string {
	out := map[string]string{}
	if !v.IsNull() && !v.IsUnknown() {
		diags.Append(v.ElementsAs(ctx, &out, false)...)
	}
	return out
}

// known adds an error for every setting not known at plan time (values by
// attribute name, "endpoints.iam" for a nested one) and reports whether
// diags is still free of errors.
func (b cloudBlock) known(values map[string]interface{ IsUnknown() bool }, diags *diag.Diagnostics) bool {
	for name, v := range values {
		if v.IsUnknown() {
			diags.AddAttributeError(b.path().AtName(strings.Split(name, ".")[0]), "Unknown "+b.title+" setting",
				fmt.Sprintf("The provider cannot create the %s client because %s.%s is not known until apply. "+
					"Set it to a value known at plan time, or leave it unset and use the environment variable.", b.title, b.name, name))
		}
	}
	return !diags.HasError()
}

// built reports the outcome of the cloud client's New: its error as a
// diagnostic (a refused insecure switch on the insecure attribute, any
// other on the block) and false; else, with certificate checks off, a
// warning that names the endpoints (log fields), and true.
func (b cloudBlock) built(ctx context.Context, err error, insecure bool, endpoints map[string]any, diags *diag.Diagnostics) bool {
	var refused *transport.InsecureRefusedError
	if errors.As(err, &refused) {
		diags.AddAttributeError(b.path().AtName("insecure"), "TLS certificate checks cannot be skipped", err.Error()+".")
		return false
	}
	if err != nil {
		diags.AddAttributeError(b.path(), "Invalid "+b.title+" configuration", err.Error())
		return false
	}
	if insecure {
		fields := maps.Clone(endpoints)
		fields["setting"] = b.name + ".insecure"
		tflog.Warn(ctx, "TLS certificate verification is off for the loopback endpoint", fields)
	}
	return true
}

// clientTimeout is a block's timeout in seconds, else the environment
// variable env, else 0 (the client's default). A bad variable is an error
// diagnostic (and false).
func clientTimeout(v types.Int64, env string, diags *diag.Diagnostics) (time.Duration, bool) {
	if !v.IsNull() {
		return time.Duration(v.ValueInt64()) * time.Second, true
	}
	e := os.Getenv(env)
	if e == "" {
		return 0, true
	}
	secs, err := strconv.Atoi(e)
	if err != nil || secs <= 0 {
		diags.AddError("Invalid "+env, fmt.Sprintf("%s must be a positive number of seconds, got %q.", env, e))
		return 0, false
	}
	return time.Duration(secs) * time.Second, true
}

// maskSecrets returns ctx whose log lines mask every non-empty secret.
func maskSecrets(ctx context.Context, secrets ...string) context.Context {
	for _, secret := range secrets {
		if secret != "" {
			ctx = tflog.MaskAllFieldValuesStrings(ctx, secret)
			ctx = tflog.MaskMessageStrings(ctx, secret)
		}
	}
	return ctx
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

// boolOr returns the configured value, else the environment variable read
// with strconv.ParseBool, else false. A bad variable is an error
// diagnostic (and false).
func boolOr(v types.Bool, env string, diags *diag.Diagnostics) (value, ok bool) {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueBool(), true
	}
	e := os.Getenv(env)
	if e == "" {
		return false, true
	}
	b, err := strconv.ParseBool(e)
	if err != nil {
		diags.AddError("Invalid "+env, fmt.Sprintf("%s must be true or false (or 1 or 0), got %q.", env, e))
		return false, false
	}
	return b, true
}

// setting is an optional string attribute of a cloud's block.
func setting(description string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: description}
}

// secretSetting is a setting that holds a secret: Sensitive, so that no
// plan or log shows it.
func secretSetting(description string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Sensitive: true, MarkdownDescription: description}
}
