package bmc

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

var _ resource.ResourceWithMoveState = &instanceResource{}

// officialProvider is the address of the official Zenlayer provider, whose
// resources a moved block hands to this package's (docs/guides).
const officialProvider = "registry.terraform.io/zenlayer/zenlayercloud"

// Moving from the official provider's zenlayercloud_bmc_instance
// (Terraform 1.8 or later, a moved block; see framework.MoveStateFrom). Its
// schema, from zenlayer/terraform-provider-zenlayercloud v0.2.28,
// zenlayercloud/resource_zc_bmc_instance.go (resourceZenlayerCloudInstance;
// resourceZenlayerCloudInstanceRead sets the attributes from
// DescribeInstances, except password, ssh_keys and force_delete, which stay
// as configured), maps as follows. The refresh right after the move reads
// the machine and sets everything the API reports; the table matters for
// what it does not report.
//
//	zenlayercloud_bmc_instance        cloudcompute_zenlayer_bmc_instance
//	id                                id
//	availability_zone                 zone_id
//	instance_type_id                  instance_type_id
//	image_id                          image_id ("" is null)
//	hostname                          hostname
//	instance_name                     name
//	instance_charge_type              instance_charge_type
//	instance_charge_prepaid_period    period (PREPAID only)
//	resource_group_id                 resource_group_id
//	ssh_keys                          ssh_keys (the API never returns them: carried over as they are)
//	internet_charge_type              internet_charge_type
//	internet_max_bandwidth_out        internet_max_bandwidth_out
//	traffic_package_size              traffic_package_size (ByTrafficPackage only)
//	subnet_id                         subnet_id ("" is null)
//	raid_config_type ("0" ... "10")   raid_type (a number)
//	nic_wan_name, nic_lan_name        nic_wan_name, nic_lan_name
//	force_delete (default false)      release_on_destroy (default true): the same choice, keep the
//	                                  machine in the recycle bin or release it from there too. The
//	                                  official default becomes release_on_destroy = false; a
//	                                  configuration without it plans that one change (no API call)
//	primary_ipv4_address              primary_ipv4_address
//	public_ipv4_addresses (set)       public_ipv4_addresses (list)
//	public_ipv6_addresses (set)       ipv6_addresses (list)
//	private_ip_addresses (set)        private_ip_addresses (list)
//	instance_status                   status; power_state from it (STOPPED, STOPPING: "stopped")
//	create_time, expired_time         create_time, expired_time
//	timeouts {create, update}         timeouts (create, update; delete unset)
//	password                          -  write-only here: never in the state; keep it in the
//	                                     configuration, where it plans no change
//	-                                 password_wo_version: null, as after an import: a value in
//	                                  the configuration is adopted in place, without a reinstall
//	raid_config_custom                -  custom RAID layouts are not managed here; the machine
//	                                     keeps its disks as installed (raid_type stays null)
//	partitions                        -  partitions are not managed here; the machine keeps them
//	image_name, resource_group_name   -  computed names; image_id and resource_group_id are kept
//	-                                 auto_renew: set by the refresh
var officialInstance = framework.MoveSource{
	ProviderAddress: officialProvider,
	TypeName:        "zenlayercloud_bmc_instance",
	NoEquivalent: map[string]string{
		"password":            "write-only here: never stored in the state; keep it in the configuration",
		"raid_config_custom":  "custom RAID layouts are not managed here; the machine keeps its disks as installed",
		"partitions":          "partitions are not managed here; the machine keeps them as installed",
		"image_name":          "computed name of the image; image_id is kept",
		"resource_group_name": "computed name of the resource group; resource_group_id is kept",
	},
}

// MoveState takes over the official provider's zenlayercloud_bmc_instance.
func (r *instanceResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveStateFrom(officialInstance, moveInstance)}
}

// moveInstance maps the official instance's state (see the table above).
func moveInstance(ctx context.Context, from *framework.MovedState, diags *diag.Diagnostics) *instanceResourceModel {
	m := &instanceResourceModel{
		Tags:               from.StringMap("tags"),
		TagsAll:            types.MapNull(types.StringType), // read by the next refresh
		ID:                 from.String("id"),
		ZoneID:             from.String("availability_zone"),
		InstanceTypeID:     from.String("instance_type_id"),
		ImageID:            from.String("image_id"),
		Name:               from.String("instance_name"),
		Hostname:           from.String("hostname"),
		Password:           types.StringNull(),
		PasswordWOVersion:  types.Int64Null(),
		SSHKeys:            from.StringSet(ctx, "ssh_keys", diags),
		ChargeType:         from.String("instance_charge_type"),
		Period:             from.Int64("instance_charge_prepaid_period"),
		InternetChargeType: from.String("internet_charge_type"),
		Bandwidth:          from.Int64("internet_max_bandwidth_out"),
		TrafficPackageSize: from.Float64("traffic_package_size"),
		SubnetID:           from.String("subnet_id"),
		RaidType:           from.Int64("raid_config_type"),
		NicWanName:         from.String("nic_wan_name"),
		NicLanName:         from.String("nic_lan_name"),
		ResourceGroupID:    from.String("resource_group_id"),
		PowerState:         types.StringValue(PowerRunning),
		ReleaseOnDestroy:   from.Bool("force_delete", false),
		Status:             from.String("instance_status"),
		PrimaryIPv4:        from.String("primary_ipv4_address"),
		PublicIPv4s:        from.StringList(ctx, "public_ipv4_addresses", diags),
		PrivateIPs:         from.StringList(ctx, "private_ip_addresses", diags),
		IPv6s:              from.StringList(ctx, "public_ipv6_addresses", diags),
		CreateTime:         from.String("create_time"),
		ExpiredTime:        from.String("expired_time"),
		AutoRenew:          types.BoolNull(),
		Timeouts:           from.Timeouts(ctx, diags),
	}
	// The official Read sets these only for the charge types they belong to.
	if m.ChargeType.ValueString() != zenlayer.BMCChargePrepaid {
		m.Period = types.Int64Null()
	}
	if m.InternetChargeType.ValueString() != zenlayer.BMCInternetByTrafficPackage {
		m.TrafficPackageSize = types.Float64Null()
	}
	if s := m.Status.ValueString(); s == zenlayer.BMCStatusStopped || s == zenlayer.BMCStatusStopping {
		m.PowerState = types.StringValue(PowerStopped)
	}
	return m
}
