package clouddc

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// The listings of CloudDC instances: the data source
// cloudcompute_huaweicloud_clouddc_instances and the list resource
// cloudcompute_huaweicloud_clouddc_instance, with the filters they share
// (instanceFilters): ListInstances filters by nothing else than ids,
// servers and state.

// instances is what both listings take from the resource: the results
// come in the API's order, oldest first, which the schemas document.
var instances = framework.Listable[huaweicloud.Client, huaweicloud.Instance, instanceResourceModel]{
	Resource:   NewInstanceResource,
	Client:     (*conns.Client).HuaweiCloudClient,
	Finder:     instanceFinder,
	Model:      (*instanceResourceModel).refresh,
	InAPIOrder: true,
}

// NewInstancesDataSource is the constructor of cloudcompute_huaweicloud_clouddc_instances:
// its items are cloudcompute_huaweicloud_clouddc_instance's attributes.
func NewInstancesDataSource() datasource.DataSource {
	return framework.NewListing(framework.Listing[instancesDataSourceModel, huaweicloud.Client, huaweicloud.Instance, instanceResourceModel]{
		TypeSuffix: "huaweicloud_clouddc_instances",
		Description: "Lists Huawei Cloud CloudDC instances (ListInstances), filtered by instance ids or physical server ids (not " +
			"both), and by state. A deleted instance stays listed as `terminated` for a while; filter by `state` to leave it out.",
		Filters: framework.Filters{
			"ids": framework.StringsFilter("Instance ids to look up. Cannot be combined with `server_ids`.",
				listvalidator.ValueStringsAre(uuidValidator()), listvalidator.ConflictsWith(path.MatchRoot("server_ids"))),
			"server_ids": serverIDsFilter,
			"state":      stateFilter(huaweicloud.InstanceStates),
		},
		Items:            "instances",
		ItemsDescription: "The matching instances, oldest first.",
		Of:               instances,
		Leave:            []string{"password_wo", "password_wo_version", "timeouts"},
		Describe: map[string]string{
			"image_id":     "Id of the private image (IMS) installed.",
			"server_id":    "Physical server the instance is installed on.",
			"ipv4_address": "IPv4 address of the interface.",
			"metadata":     "Metadata pairs (null if none).",
		},
		// The one id filter: instance ids or server ids, which conflict.
		// Either, set but empty, matches nothing.
		IDs: func(f *instancesDataSourceModel) types.List {
			if !f.IDs.IsNull() {
				return f.IDs
			}
			return f.ServerIDs
		},
		List: func(ctx context.Context, conn *huaweicloud.Client, f *instancesDataSourceModel, ids []string) ([]huaweicloud.Instance, error) {
			in := huaweicloud.ListInstancesRequest{State: f.State.ValueString()}
			if !f.IDs.IsNull() {
				in.IDs = ids
			} else {
				in.ServerIDs = ids
			}
			return conn.ListInstances(ctx, in)
		},
	})
}

// NewInstanceListResource is the constructor of the list resource
// cloudcompute_huaweicloud_clouddc_instance (terraform query): every
// instance of the provider's project matching its filters, as
// cloudcompute_huaweicloud_clouddc_instance would import it.
func NewInstanceListResource() list.ListResource {
	return framework.NewListResource(framework.ListResource[instanceFilters, huaweicloud.Client, huaweicloud.Instance, instanceResourceModel]{
		Of: instances,
		Description: "Lists the Huawei Cloud CloudDC instances of the provider's project (`ListInstances`, every page), filtered by " +
			"state and by the physical servers they are installed on. The API filters by nothing else (no name, zone or tags). " +
			"Deleted instances (`shutting-down`, `terminated`) are left out, as the resource would drop them. Results come oldest " +
			"first, as the API lists them; each is the instance's identity (id, project and region) and, with " +
			"`include_resource = true`, the `cloudcompute_huaweicloud_clouddc_instance` an import of it would hold (the write-only " +
			"`password_wo` is never known: the generated configuration sets it to null, which an existing instance does not need).",
		Filters: framework.Filters{"state": stateFilter(instanceListStates), "server_ids": serverIDsFilter},
		List: func(ctx context.Context, conn *huaweicloud.Client, f *instanceFilters) ([]huaweicloud.Instance, error) {
			var diags diag.Diagnostics
			in := huaweicloud.ListInstancesRequest{State: f.State.ValueString(), ServerIDs: framework.Strings(ctx, f.ServerIDs, &diags)}
			if err := framework.DiagsError(diags); err != nil {
				return nil, err
			}
			if !f.ServerIDs.IsNull() && len(in.ServerIDs) == 0 {
				return nil, nil // set but empty: nothing matches
			}
			return conn.ListInstances(ctx, in)
		},
	})
}

// instanceFilters are the filters both listings take.
type instanceFilters struct {
	ServerIDs types.List   `tfsdk:"server_ids"`
	State     types.String `tfsdk:"state"`
}

// serverIDsFilter is the server_ids filter.
var serverIDsFilter = framework.StringsFilter("Only instances on these physical servers.", listvalidator.ValueStringsAre(uuidValidator()))

// stateFilter is the state filter, of one of states.
func stateFilter(states []string) framework.Filter {
	return framework.OneOfFilter("Only instances in this state", states...)
}

type instancesDataSourceModel struct {
	instanceFilters
	IDs       types.List `tfsdk:"ids"`
	Instances types.List `tfsdk:"instances"`
}

// instanceListStates are the states a listed instance can be in.
var instanceListStates = slices.DeleteFunc(slices.Clone(huaweicloud.InstanceStates), instanceGone)
