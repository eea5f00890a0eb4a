package clouddc

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
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
		Attributes: map[string]schema.Attribute{
			"id":           framework.ComputedString("Server id (a UUID), the `server_id` of an instance."),
			"name":         framework.ComputedString("Server name."),
			"manage_state": framework.ComputedString("Asset state: `delivering`, `received`, `onboard`, `ready` (an instance can be created on it), `in-use` (it has an instance), `frozen` or `offboarding`."),
			"power_state":  framework.ComputedString("Power state: `on`, `off`, `powering-on`, `powering-off` or `rebooting`."),
			"onboard_time": framework.ComputedString("When the server was racked, as the API reports it."),
			"tags": schema.MapAttribute{
				ElementType: types.StringType, Computed: true,
				MarkdownDescription: "Tags of the server (an instance's `tags_all`, while it is on the server).",
			},
		},
		Client: (*conns.Client).HuaweiCloudClient,
		List: func(ctx context.Context, conn *huaweicloud.Client, f *serversModel, _ []string) ([]huaweicloud.Server, error) {
			return conn.ListServers(ctx, huaweicloud.ListServersRequest{ManageState: f.ManageState.ValueString()})
		},
		Key: func(s *huaweicloud.Server) string { return s.ID },
		Item: func(s *huaweicloud.Server) any {
			tags := map[string]attr.Value{}
			for k, v := range huaweicloud.TagMap(s.Tags) {
				tags[k] = types.StringValue(v)
			}
			return serverItem{ID: s.ID, Name: s.Name, ManageState: s.ManageState, PowerState: s.PowerState, OnboardTime: s.OnboardTime,
				Tags: types.MapValueMust(types.StringType, tags)}
		},
	})
}

type serversModel struct {
	ManageState types.String `tfsdk:"manage_state"`
	Servers     types.List   `tfsdk:"servers"`
}

type serverItem struct {
	ID          string    `tfsdk:"id"`
	Name        string    `tfsdk:"name"`
	ManageState string    `tfsdk:"manage_state"`
	PowerState  string    `tfsdk:"power_state"`
	OnboardTime string    `tfsdk:"onboard_time"`
	Tags        types.Map `tfsdk:"tags"`
}
