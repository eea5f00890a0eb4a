package zec

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
)

// Moving from the official provider's zenlayercloud_zec_instance
// (Terraform 1.8 or later, a moved block; see framework.MoveStateFrom). Its
// schema, from zenlayer/terraform-provider-zenlayercloud v0.2.28,
// zenlayercloud/services/zec/resource_zc_zec_instance.go
// (ResourceZenlayerCloudZecInstance; resourceZenlayerCloudZecInstanceRead
// sets the attributes from DescribeInstances, except instance_type,
// password and force_delete, which stay as configured), maps as follows.
// The refresh right after the move reads the instance and sets everything
// the API reports; the table matters for what it does not report.
//
//	zenlayercloud_zec_instance      cloudcompute_zenlayer_zec_instance
//	id                              id
//	availability_zone               zone_id
//	instance_type                   instance_type
//	image_id, image_name            image_id, image_name
//	instance_name                   name
//	key_id                          key_id ("" is null)
//	subnet_id                       subnet_id
//	resource_group_id               resource_group_id
//	system_disk_size                system_disk.size
//	system_disk_category            system_disk.category
//	system_disk_id                  system_disk_id
//	time_zone                       time_zone
//	running_flag                    power_state: true is "running", false "stopped"
//	force_delete (default true)     release_on_destroy (default true): the same choice, keep the
//	                                instance in the recycle bin or release it from there too
//	cpu, memory                     cpu, memory
//	public_ip_addresses             public_ip_addresses
//	private_ip_addresses            private_ip_addresses
//	instance_status                 status
//	create_time                     create_time
//	timeouts {create, update}       timeouts (create, update; delete unset)
//	password                        -  password_wo here, write-only: never in the state; set it
//	                                   in the configuration, where it plans no change (rotate
//	                                   it with password_wo_version)
//	disable_qga_agent               enable_agent: its negation (null is false: the agent on)
//	enable_ip_forwarding            enable_ip_forwarding
//	-                               nested_virtualization, lan_ip: set by the refresh
//	-                               user_data, public_network, password_wo_version: null (the
//	                                official provider has none of them)
//	resource_group_name             -  computed; resource_group_id is kept
//	-                               security_group_id, data_disk_ids: set by the refresh
//	-                               force_shutdown: false, its default
var officialInstance = zentags.Official("zenlayercloud_zec_instance", map[string]string{
	"password": "write-only here (password_wo): never stored in the state; set password_wo in the configuration " +
		"and rotate it with password_wo_version",
	"resource_group_name": "computed name of the resource group; resource_group_id is kept",
})

// moveInstance maps the official instance's state (see the table above).
func moveInstance(ctx context.Context, from *framework.MovedState, diags *diag.Diagnostics) *instanceResourceModel {
	power := types.StringValue(PowerStateRunning)
	if !from.Bool("running_flag", true).ValueBool() {
		power = types.StringValue(PowerStateStopped)
	}
	systemDisk := types.ObjectNull(systemDiskAttrTypes)
	size, category := from.Int64("system_disk_size"), from.String("system_disk_category")
	if !size.IsNull() || !category.IsNull() {
		obj, d := types.ObjectValue(systemDiskAttrTypes, map[string]attr.Value{"size": size, "category": category})
		diags.Append(d...)
		systemDisk = obj
	}
	return &instanceResourceModel{
		ID:                 from.String("id"),
		ZoneID:             from.String("availability_zone"),
		InstanceType:       from.String("instance_type"),
		ImageID:            from.String("image_id"),
		Shared:             zentags.Moved(from, "instance_name"),
		KeyID:              from.String("key_id"),
		SystemDisk:         systemDisk,
		SubnetID:           from.String("subnet_id"),
		SecurityGroupID:    types.StringNull(),
		TimeZone:           from.String("time_zone"),
		PowerState:         power,
		ForceShutdown:      types.BoolValue(false),
		ReleaseOnDestroy:   from.Bool("force_delete", true),
		Status:             from.String("instance_status"),
		CPU:                from.Int64("cpu"),
		Memory:             from.Int64("memory"),
		PublicIPAddresses:  from.StringList(ctx, "public_ip_addresses", diags),
		PrivateIPAddresses: from.StringList(ctx, "private_ip_addresses", diags),
		ImageName:          from.String("image_name"),
		DataDiskIDs:        types.ListNull(types.StringType),
		SystemDiskID:       from.String("system_disk_id"),
		CreateTime:         from.String("create_time"),
		Timeouts:           from.Timeouts(ctx, diags),
		instanceModelMore: instanceModelMore{
			PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Null(), UserData: types.StringNull(),
			EnableAgent:          types.BoolValue(!from.Bool("disable_qga_agent", false).ValueBool()),
			EnableIPForwarding:   from.Bool("enable_ip_forwarding", false),
			NestedVirtualization: types.BoolNull(), LanIP: types.StringNull(), PublicNetwork: types.ObjectNull(publicNetworkAttrTypes),
		},
	}
}
