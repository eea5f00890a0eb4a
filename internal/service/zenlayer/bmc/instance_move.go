package bmc

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

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
//	password                          -  password_wo here, write-only: never in the state; rename
//	                                     it in the configuration, where it plans no change
//	-                                 password_wo_version: null, as after an import: a value in
//	                                  the configuration is adopted in place, without a reinstall
//	raid_config_custom [{raid_type    custom_raids [{raid_type (a number), disk_sequence}]
//	  ("0" ... "10"), disk_sequence}]
//	partitions [{fs_path, fs_type,    partitions (the same fields; size 0 is null: the rest)
//	  size}]
//	user_data                         user_data (the API never reports it: carried over as it is)
//	image_name, resource_group_name   -  computed names; image_id and resource_group_id are kept
//	-                                 auto_renew: set by the refresh
var officialInstance = zentags.Official("zenlayercloud_bmc_instance", map[string]string{
	"password":            "password_wo here, write-only: never stored in the state; set it in the configuration",
	"image_name":          "computed name of the image; image_id is kept",
	"resource_group_name": "computed name of the resource group; resource_group_id is kept",
})

// moveInstance maps the official instance's state (see the table above).
func moveInstance(ctx context.Context, from *framework.MovedState, diags *diag.Diagnostics) *instanceResourceModel {
	m := &instanceResourceModel{
		ID:                 from.String("id"),
		ZoneID:             from.String("availability_zone"),
		InstanceTypeID:     from.String("instance_type_id"),
		ImageID:            from.String("image_id"),
		Shared:             zentags.Moved(from, "instance_name"),
		Hostname:           from.String("hostname"),
		PasswordWO:         types.StringNull(),
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
		UserData:           from.String("user_data"),
		Partitions:         movedPartitions(from, diags),
		CustomRaids:        movedCustomRaids(from, diags),
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

// movedPartitions maps the official partitions blocks (size 0: the rest).
func movedPartitions(from *framework.MovedState, diags *diag.Diagnostics) types.List {
	var parts []struct {
		FsPath string `json:"fs_path"`
		FsType string `json:"fs_type"`
		Size   int    `json:"size"`
	}
	from.Decode("partitions", &parts)
	out := make([]zenlayer.BMCPartition, 0, len(parts))
	for _, p := range parts {
		out = append(out, zenlayer.BMCPartition{FsPath: p.FsPath, FsType: p.FsType, Size: p.Size})
	}
	return partitionsValue(out, diags)
}

// movedCustomRaids maps the official raid_config_custom blocks, whose
// raid_type is a string ("0", "1", "5", "10").
func movedCustomRaids(from *framework.MovedState, diags *diag.Diagnostics) types.List {
	var raids []struct {
		RaidType     json.Number `json:"raid_type"`
		DiskSequence []int       `json:"disk_sequence"`
	}
	from.Decode("raid_config_custom", &raids)
	rc := &zenlayer.BMCRaidConfig{}
	for _, r := range raids {
		level, err := strconv.Atoi(r.RaidType.String())
		if err != nil {
			diags.AddAttributeWarning(path.Root("custom_raids"), "raid_config_custom left out of the move",
				fmt.Sprintf("Its raid_type %q is not a number; the refresh reads the machine's RAID layout instead.", r.RaidType))
			return customRaidsValue(nil, diags)
		}
		rc.CustomRaids = append(rc.CustomRaids, zenlayer.BMCCustomRaid{RaidType: level, DiskSequence: r.DiskSequence})
	}
	return customRaidsValue(rc, diags)
}
