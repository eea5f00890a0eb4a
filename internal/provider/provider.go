package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/huaweicloud/clouddc"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/bmc"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zec"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

var (
	_ provider.Provider                  = &CloudComputeProvider{}
	_ provider.ProviderWithListResources = &CloudComputeProvider{}
)

// New returns a constructor of the provider at a version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &CloudComputeProvider{version: version} }
}

// CloudComputeProvider is the provider implementation.
type CloudComputeProvider struct {
	version string
}

type providerModel struct {
	Zenlayer    *zenlayerModel    `tfsdk:"zenlayer"`
	HuaweiCloud *huaweicloudModel `tfsdk:"huaweicloud"`
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
			"zenlayer":    zenlayerBlock(),
			"huaweicloud": huaweicloudBlock(),
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

	configureZenlayer(ctx, cfg.Zenlayer, userAgent, client, &resp.Diagnostics)
	configureHuaweiCloud(ctx, cfg.HuaweiCloud, userAgent, client, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	resp.DataSourceData = client
	resp.ResourceData = client
	resp.ListResourceData = client
	resp.ActionData = client
}

// resourceTypes are the provider's resource types, each with the list
// resource that lists it for terraform query (Terraform 1.14 and later).
var resourceTypes = []struct {
	resource func() resource.Resource
	list     func() list.ListResource
}{
	{zec.NewDiskResource, zec.NewDiskListResource},
	{zec.NewInstanceResource, zec.NewInstanceListResource},
	{bmc.NewInstanceResource, bmc.NewInstanceListResource},
	{clouddc.NewInstanceResource, clouddc.NewInstanceListResource},
}

func (p *CloudComputeProvider) Resources(_ context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	for _, t := range resourceTypes {
		out = append(out, t.resource)
	}
	return out
}

func (p *CloudComputeProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		zec.NewDisksDataSource,
		zec.NewInstancesDataSource,
		zec.NewZonesDataSource,
		zec.NewImagesDataSource,
		zec.NewInstanceTypesDataSource,
		zec.NewKeyPairsDataSource,
		bmc.NewInstancesDataSource,
		bmc.NewZonesDataSource,
		bmc.NewImagesDataSource,
		bmc.NewInstanceTypesDataSource,
		clouddc.NewInstancesDataSource,
		clouddc.NewServersDataSource,
	}
}

// ListResources are the list resources of terraform query, one per
// resource type.
func (p *CloudComputeProvider) ListResources(_ context.Context) []func() list.ListResource {
	var out []func() list.ListResource
	for _, t := range resourceTypes {
		out = append(out, t.list)
	}
	return out
}
