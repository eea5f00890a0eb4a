package zec

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// publicNetworkValidator checks at plan time what the CreateZecInstances
// document says of the public network fields together: clusterId "is
// required when the network billing model is BandwidthCluster", and
// trafficPackageSize "only takes effect when internetChargeType =
// ByTrafficPackage" (zenlayercloud-cli apis/en-US/zec/create-zec-instances.yaml).
type publicNetworkValidator struct{}

func (publicNetworkValidator) Description(context.Context) string {
	return "cluster_id with BandwidthCluster; traffic_package_size with ByTrafficPackage only"
}

func (v publicNetworkValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (publicNetworkValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var obj types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("public_network"), &obj)...)
	if resp.Diagnostics.HasError() || obj.IsNull() || obj.IsUnknown() {
		return
	}
	var pn publicNetworkModel
	if resp.Diagnostics.Append(obj.As(ctx, &pn, basetypes.ObjectAsOptions{})...); resp.Diagnostics.HasError() {
		return
	}
	if pn.InternetChargeType.IsUnknown() {
		return
	}
	charge := pn.InternetChargeType.ValueString()
	if charge == "BandwidthCluster" && pn.ClusterID.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("public_network").AtName("cluster_id"), "Missing bandwidth cluster",
			`public_network.cluster_id is required with internet_charge_type = "BandwidthCluster".`)
	}
	if !pn.TrafficPackageSize.IsNull() && charge != "ByTrafficPackage" {
		resp.Diagnostics.AddAttributeError(path.Root("public_network").AtName("traffic_package_size"), "Traffic package without its charge type",
			fmt.Sprintf(`public_network.traffic_package_size applies only with internet_charge_type = "ByTrafficPackage", not %q.`, charge))
	}
}

// createLoginHint explains a create refused for its login: the API wants
// a password or a key pair for a Linux image and neither for Windows and
// Generic images, which the provider cannot tell apart at plan time.
func createLoginHint(err error) string {
	switch {
	case zenlayer.HasCode(err, "MISSING_PARAMETER"):
		return "\n\nIf the API misses the password or key pair: a Linux image needs password_wo or key_id."
	case zenlayer.HasCode(err, "INVALID_PARAMETER"):
		return "\n\nWindows and Generic images take neither password_wo nor key_id: leave both unset for them."
	}
	return ""
}

// checkLanIP fails a create whose instance did not get the lan_ip asked
// for: "If the specified IP is occupied, a default private IP will be
// allocated" (create-zec-instances.yaml, lan-ip). The instance is in the
// state with the address it has, so the create is marked tainted.
func checkLanIP(resp *resource.CreateResponse, id string, want, got types.String) {
	if want.IsNull() || want.IsUnknown() || want.Equal(got) {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("lan_ip"), fmt.Sprintf("creating ZEC instance (%s)", id),
		fmt.Sprintf("The private IP %s was taken, and the API gave the instance %s instead. The instance exists and is kept in the "+
			"state, marked tainted: choose a free lan_ip (or leave it unset) and apply again.", want.ValueString(), got.ValueString()))
}
