package clouddc

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// NewServersDataSource is the constructor of
// cloudcompute_huaweicloud_clouddc_servers: the physical servers of the
// project (ListServers, every page), so that a configuration places an
// instance on a ready server without copying its id.
func NewServersDataSource() datasource.DataSource {
	return framework.NewListing(framework.Lookup[serversModel, huaweicloud.Client, huaweicloud.Server]{
		TypeSuffix: "huaweicloud_clouddc_servers",
		Description: "Lists the physical servers of the CloudDC project (`ListServers`, every page), for example the `ready` ones, on " +
			"which an instance can be created (`server_id` of `cloudcompute_huaweicloud_clouddc_instance`).",
		What: "listing CloudDC physical servers",
		Filters: framework.Filters{
			"manage_state": framework.StringFilter("Only the servers in this `manage_state`: one of "+framework.CodeList(huaweicloud.ManageStates)+
				". `ready` servers take a new instance. Unset: every server.", stringvalidator.OneOf(huaweicloud.ManageStates...)),
		},
		Items:            "servers",
		ItemsDescription: "The servers, sorted by id.",
		Columns: []framework.Column[huaweicloud.Server]{
			framework.StringColumn("id", "Server id (a UUID), the `server_id` of an instance.", func(s *huaweicloud.Server) string { return s.ID }),
			framework.StringColumn("name", "Server name.", func(s *huaweicloud.Server) string { return s.Name }),
			framework.StringColumn("manage_state", "Asset state: `delivering`, `received`, `onboard`, `ready` (an instance can be created on it), `in-use` (it has an instance), `frozen` or `offboarding`.",
				func(s *huaweicloud.Server) string { return s.ManageState }),
			framework.StringColumn("power_state", "Power state: `on`, `off`, `powering-on`, `powering-off` or `rebooting`.",
				func(s *huaweicloud.Server) string { return s.PowerState }),
			framework.StringColumn("onboard_time", "When the server was racked, as the API reports it.",
				func(s *huaweicloud.Server) string { return s.OnboardTime }),
			framework.StringMapColumn("tags", "Tags of the server (an instance's `tags_all`, while it is on the server).",
				func(s *huaweicloud.Server) map[string]string { return huaweicloud.TagMap(s.Tags) }),
		},
		Client: (*conns.Client).HuaweiCloudClient,
		List: func(ctx context.Context, conn *huaweicloud.Client, f *serversModel, _ []string) ([]huaweicloud.Server, error) {
			return conn.ListServers(ctx, huaweicloud.ListServersRequest{ManageState: f.ManageState.ValueString()})
		},
		Key: func(s *huaweicloud.Server) string { return s.ID },
	})
}

type serversModel struct {
	ManageState types.String `tfsdk:"manage_state"`
	Servers     types.List   `tfsdk:"servers"`
}
