package conns

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Client is the provider data: one typed client per cloud, nil where that
// cloud is not configured, with the reason.
type Client struct {
	Zenlayer *zenlayer.Client
	// ZenlayerMissing explains why Zenlayer is not configured.
	ZenlayerMissing string
	HuaweiCloud     *huaweicloud.Client
	// HuaweiCloudMissing explains why Huawei Cloud is not configured.
	HuaweiCloudMissing string
	// ZenlayerDefaultTags and HuaweiCloudDefaultTags are the default_tags of
	// each cloud's block: every taggable resource of that cloud carries them.
	ZenlayerDefaultTags, HuaweiCloudDefaultTags map[string]string
}

// FromProviderData turns the framework's provider data into *Client. It
// returns nil without an error when the provider is not configured yet
// (during validation), and an error diagnostic for any other type.
func FromProviderData(data any, diags *diag.Diagnostics) *Client {
	if data == nil {
		return nil
	}
	c, ok := data.(*Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *conns.Client, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return c
}

// ZenlayerClient returns the Zenlayer client, or adds an error that says
// which attribute and which environment variable to set.
func (c *Client) ZenlayerClient(diags *diag.Diagnostics) *zenlayer.Client {
	return configured(c, "Zenlayer Cloud", func(c *Client) (*zenlayer.Client, string) { return c.Zenlayer, c.ZenlayerMissing }, diags)
}

// HuaweiCloudClient returns the Huawei Cloud client, or adds an error that
// says which attributes and environment variables to set.
func (c *Client) HuaweiCloudClient(diags *diag.Diagnostics) *huaweicloud.Client {
	return configured(c, "Huawei Cloud", func(c *Client) (*huaweicloud.Client, string) { return c.HuaweiCloud, c.HuaweiCloudMissing }, diags)
}

// configured returns the client of one cloud (pick: the client, and why it
// is missing), or adds an error: the provider was not configured (a bug),
// or the cloud has no credentials.
func configured[T any](c *Client, cloud string, pick func(*Client) (*T, string), diags *diag.Diagnostics) *T {
	if c == nil {
		diags.AddError("Provider not configured", "The cloudcompute provider was not configured. This is a bug in the provider; please report it.")
		return nil
	}
	client, missing := pick(c)
	if client == nil {
		diags.AddError(cloud+" credentials are not configured", missing)
		return nil
	}
	return client
}

// MaskLogs returns ctx whose log lines (tflog) mask the secrets of every
// configured client (the Zenlayer access key password; the Huawei Cloud
// secret key, IAM password and tokens) and extra (a resource's own, such
// as an instance password). The clients mask the log lines of their calls
// by themselves; a resource or data source uses this for the lines it logs
// around them. It is safe on a nil *Client.
func (c *Client) MaskLogs(ctx context.Context, extra ...string) context.Context {
	if c != nil && c.Zenlayer != nil {
		ctx = c.Zenlayer.MaskLogs(ctx)
	}
	if c != nil && c.HuaweiCloud != nil {
		ctx = c.HuaweiCloud.MaskLogs(ctx)
	}
	return transport.MaskLogs(ctx, extra...)
}
