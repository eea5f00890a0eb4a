// Command zenlayercloudstub stands in for the official Zenlayer provider
// (registry.terraform.io/zenlayer/zenlayercloud) in the tests of moved
// blocks, where that provider cannot be downloaded. Terraform needs the
// schema of every provider whose resources the state holds, even to show a
// plan that moves them away; this stub serves the schemas of
// zenlayercloud_zec_disk, zenlayercloud_zec_disk_attachment,
// zenlayercloud_zec_instance and zenlayercloud_bmc_instance as
// terraform-plugin-sdk/v2 derives them from the official v0.2.28 sources
// (zenlayercloud/services/zec/resource_zc_zec_disk.go,
// resource_zc_zec_disk_attachment.go and resource_zc_zec_instance.go;
// zenlayercloud/resource_zc_bmc_instance.go): the implicit id, Default
// making an attribute optional, lists of objects as nested blocks, and the
// timeouts block of the resources that declare Timeouts. It upgrades state
// as it is and does nothing else: any other call crashes it, which fails
// the test loudly.
//
// acctest.UseOfficialZenlayerStub builds it. It imports no package of the
// project.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tfprotov5/tf5server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Address is the official provider's address.
const Address = "registry.terraform.io/zenlayer/zenlayercloud"

func main() {
	if err := tf5server.Serve(Address, func() tfprotov5.ProviderServer { return stub{} }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// stub answers the schema calls; the embedded nil interface makes every
// other call panic.
type stub struct{ tfprotov5.ProviderServer }

func (stub) GetMetadata(context.Context, *tfprotov5.GetMetadataRequest) (*tfprotov5.GetMetadataResponse, error) {
	resp := &tfprotov5.GetMetadataResponse{}
	for name := range resourceSchemas {
		resp.Resources = append(resp.Resources, tfprotov5.ResourceMetadata{TypeName: name})
	}
	return resp, nil
}

func (stub) GetProviderSchema(context.Context, *tfprotov5.GetProviderSchemaRequest) (*tfprotov5.GetProviderSchemaResponse, error) {
	return &tfprotov5.GetProviderSchemaResponse{
		Provider:          &tfprotov5.Schema{Block: &tfprotov5.SchemaBlock{}},
		ResourceSchemas:   resourceSchemas,
		DataSourceSchemas: map[string]*tfprotov5.Schema{},
	}, nil
}

func (stub) GetResourceIdentitySchemas(context.Context, *tfprotov5.GetResourceIdentitySchemasRequest) (*tfprotov5.GetResourceIdentitySchemasResponse, error) {
	return &tfprotov5.GetResourceIdentitySchemasResponse{}, nil
}

func (stub) PrepareProviderConfig(_ context.Context, req *tfprotov5.PrepareProviderConfigRequest) (*tfprotov5.PrepareProviderConfigResponse, error) {
	return &tfprotov5.PrepareProviderConfigResponse{PreparedConfig: req.Config}, nil
}

func (stub) ConfigureProvider(context.Context, *tfprotov5.ConfigureProviderRequest) (*tfprotov5.ConfigureProviderResponse, error) {
	return &tfprotov5.ConfigureProviderResponse{}, nil
}

func (stub) StopProvider(context.Context, *tfprotov5.StopProviderRequest) (*tfprotov5.StopProviderResponse, error) {
	return &tfprotov5.StopProviderResponse{}, nil
}

// UpgradeResourceState returns the state as it is (schema version 0 is
// the only one).
func (stub) UpgradeResourceState(_ context.Context, req *tfprotov5.UpgradeResourceStateRequest) (*tfprotov5.UpgradeResourceStateResponse, error) {
	s, ok := resourceSchemas[req.TypeName]
	if !ok || req.RawState == nil {
		return &tfprotov5.UpgradeResourceStateResponse{Diagnostics: []*tfprotov5.Diagnostic{{
			Severity: tfprotov5.DiagnosticSeverityError, Summary: "the stub has no resource type " + req.TypeName,
		}}}, nil
	}
	typ := s.ValueType()
	v, err := req.RawState.UnmarshalWithOpts(typ, tfprotov5.UnmarshalOpts{ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true}})
	if err != nil {
		return nil, err
	}
	dv, err := tfprotov5.NewDynamicValue(typ, v)
	if err != nil {
		return nil, err
	}
	return &tfprotov5.UpgradeResourceStateResponse{UpgradedState: &dv}, nil
}

// Attribute kinds, as the SDK derives them from a helper/schema.Schema.
func required(name string, t tftypes.Type) *tfprotov5.SchemaAttribute {
	return &tfprotov5.SchemaAttribute{Name: name, Type: t, Required: true}
}

// optional is Optional, with or without a Default.
func optional(name string, t tftypes.Type) *tfprotov5.SchemaAttribute {
	return &tfprotov5.SchemaAttribute{Name: name, Type: t, Optional: true}
}

func optionalComputed(name string, t tftypes.Type) *tfprotov5.SchemaAttribute {
	return &tfprotov5.SchemaAttribute{Name: name, Type: t, Optional: true, Computed: true}
}

func computed(name string, t tftypes.Type) *tfprotov5.SchemaAttribute {
	return &tfprotov5.SchemaAttribute{Name: name, Type: t, Computed: true}
}

func sensitive(a *tfprotov5.SchemaAttribute) *tfprotov5.SchemaAttribute {
	a.Sensitive = true
	return a
}

var (
	str     = tftypes.String
	number  = tftypes.Number
	boolean = tftypes.Bool
	strList = tftypes.List{ElementType: tftypes.String}
	strSet  = tftypes.Set{ElementType: tftypes.String}
)

// resource is the schema the SDK derives for a resource: the id it adds
// to every resource, then attrs, and the nested blocks.
func resource(attrs []*tfprotov5.SchemaAttribute, blocks ...*tfprotov5.SchemaNestedBlock) *tfprotov5.Schema {
	id := optionalComputed("id", str)
	return &tfprotov5.Schema{Block: &tfprotov5.SchemaBlock{Attributes: append([]*tfprotov5.SchemaAttribute{id}, attrs...), BlockTypes: blocks}}
}

// timeouts is the block the SDK adds for a resource's Timeouts (create and
// update for these resources).
func timeouts() *tfprotov5.SchemaNestedBlock {
	return &tfprotov5.SchemaNestedBlock{TypeName: "timeouts", Nesting: tfprotov5.SchemaNestedBlockNestingModeSingle,
		Block: &tfprotov5.SchemaBlock{Attributes: []*tfprotov5.SchemaAttribute{optional("create", str), optional("update", str)}}}
}

// listBlock is a TypeList of a schema.Resource.
func listBlock(name string, attrs ...*tfprotov5.SchemaAttribute) *tfprotov5.SchemaNestedBlock {
	return &tfprotov5.SchemaNestedBlock{TypeName: name, Nesting: tfprotov5.SchemaNestedBlockNestingModeList,
		Block: &tfprotov5.SchemaBlock{Attributes: attrs}}
}

var resourceSchemas = map[string]*tfprotov5.Schema{
	// zenlayercloud/services/zec/resource_zc_zec_disk.go, ResourceZenlayerCloudZecDisk.
	"zenlayercloud_zec_disk": resource([]*tfprotov5.SchemaAttribute{
		required("availability_zone", str),
		optional("disk_name", str), // Default "Terraform-Disk"
		required("disk_size", number),
		optional("disk_category", str), // Default "Standard NVMe SSD"
		computed("disk_type", str),
		optionalComputed("resource_group_id", str),
		optional("force_delete", boolean), // Default false
		computed("create_time", str),
	}),
	// zenlayercloud/services/zec/resource_zc_zec_disk_attachment.go,
	// ResourceZenlayerCloudZecDiskAttachment (id "<disk_id>:<instance_id>").
	"zenlayercloud_zec_disk_attachment": resource([]*tfprotov5.SchemaAttribute{
		required("disk_id", str),
		required("instance_id", str),
	}),
	// zenlayercloud/services/zec/resource_zc_zec_instance.go, ResourceZenlayerCloudZecInstance.
	"zenlayercloud_zec_instance": resource([]*tfprotov5.SchemaAttribute{
		required("availability_zone", str),
		required("instance_type", str),
		computed("cpu", number),
		computed("memory", number),
		required("image_id", str),
		computed("image_name", str),
		optional("instance_name", str), // Default "Terraform-Instance"
		sensitive(optional("password", str)),
		optional("key_id", str),
		required("subnet_id", str),
		optionalComputed("resource_group_id", str),
		computed("resource_group_name", str),
		computed("system_disk_id", str),
		optionalComputed("system_disk_category", str),
		required("system_disk_size", number),
		optionalComputed("time_zone", str),
		optionalComputed("disable_qga_agent", boolean),
		optionalComputed("enable_ip_forwarding", boolean),
		optional("force_delete", boolean), // Default true
		computed("public_ip_addresses", strList),
		computed("private_ip_addresses", strList),
		optionalComputed("running_flag", boolean),
		computed("instance_status", str),
		computed("create_time", str),
	}, timeouts()),
	// zenlayercloud/resource_zc_bmc_instance.go, resourceZenlayerCloudInstance.
	"zenlayercloud_bmc_instance": resource([]*tfprotov5.SchemaAttribute{
		required("availability_zone", str),
		required("instance_type_id", str),
		optional("image_id", str),
		computed("image_name", str),
		optional("hostname", str),             // Default "Terraform-Instance"
		optional("instance_name", str),        // Default "Terraform-Instance"
		optional("instance_charge_type", str), // Default "POSTPAID"
		optional("instance_charge_prepaid_period", number),
		optionalComputed("resource_group_id", str),
		computed("resource_group_name", str),
		sensitive(optional("password", str)),
		optional("ssh_keys", strSet),
		required("internet_charge_type", str),
		optionalComputed("internet_max_bandwidth_out", number),
		optional("traffic_package_size", number),
		optional("subnet_id", str),
		optional("raid_config_type", str),
		optional("force_delete", boolean), // Default false
		optionalComputed("nic_wan_name", str),
		optionalComputed("nic_lan_name", str),
		computed("primary_ipv4_address", str),
		computed("public_ipv4_addresses", strSet),
		computed("public_ipv6_addresses", strSet),
		computed("private_ip_addresses", strSet),
		computed("instance_status", str),
		computed("create_time", str),
		computed("expired_time", str),
	},
		listBlock("raid_config_custom", required("raid_type", str), required("disk_sequence", tftypes.List{ElementType: tftypes.Number})),
		listBlock("partitions", required("fs_type", str), required("fs_path", str), required("size", number)),
		timeouts(),
	),
}
