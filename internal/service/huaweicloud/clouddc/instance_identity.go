package clouddc

import (
	"context"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
)

// instanceIdentity are the identity attributes of a CloudDC instance beside
// its id: instance ids are unique, but an instance is reached only through
// its project's endpoint in its region, which the provider's huaweicloud
// block (or an aliased provider) must name.
var instanceIdentity = []framework.IdentityAttribute{
	{
		Name:        "project_id",
		Description: "Huawei Cloud project the instance belongs to (the provider's huaweicloud.project_id, or the IAM token's project).",
		Value: func(ctx context.Context, c *conns.Client) (string, error) {
			if c.HuaweiCloud == nil {
				return "", nil
			}
			return c.HuaweiCloud.ProjectID(ctx)
		},
	},
	{
		Name:        "region",
		Description: "Huawei Cloud region of the instance (the provider's huaweicloud.region).",
		Value: func(_ context.Context, c *conns.Client) (string, error) {
			if c.HuaweiCloud == nil {
				return "", nil
			}
			return c.HuaweiCloud.Region(), nil
		},
	},
}
