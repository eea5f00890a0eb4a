package zec

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
)

// Moving from the official provider's zenlayercloud_zec_disk (Terraform 1.8
// or later, a moved block; see framework.MoveStateFrom). Its schema, from
// zenlayer/terraform-provider-zenlayercloud v0.2.28,
// zenlayercloud/services/zec/resource_zc_zec_disk.go
// (ResourceZenlayerCloudZecDisk; resourceZenlayerCloudVmDiskRead sets every
// attribute from DescribeDisks but force_delete), maps as follows. The
// refresh right after the move reads the disk and sets everything the API
// reports; the table matters for what it does not report.
//
//	zenlayercloud_zec_disk        cloudcompute_zenlayer_zec_disk
//	id                            id
//	availability_zone             zone_id
//	disk_name                     name
//	disk_size                     size
//	disk_category                 category
//	disk_type                     disk_type
//	resource_group_id             resource_group_id
//	create_time                   create_time
//	force_delete (default false)  release_on_destroy (default true): the same choice, keep the disk
//	                              in the recycle bin or release it from there too. The official
//	                              default becomes release_on_destroy = false; a configuration
//	                              without it plans that one change (false → true, no API call).
//	-                             instance_id: the official disk has no attachment of its own
//	                              (zenlayercloud_zec_disk_attachment does it); the refresh reads it
//	-                             force_detach: false, its default
//	-                             status, portable, charge_type: set by the refresh
//
// Its Read also sets resource_group_name, which its schema lacks: it is
// never in the official state (should it be, it is left out with a debug
// log, as is any attribute of a later version).
var officialDisk = zentags.Official("zenlayercloud_zec_disk", map[string]string{
	"resource_group_name": "computed name of the resource group; resource_group_id is kept",
})

// moveDisk maps the official disk's state (see the table above).
func moveDisk(ctx context.Context, from *framework.MovedState, diags *diag.Diagnostics) *diskResourceModel {
	return &diskResourceModel{
		ID:               from.String("id"),
		ZoneID:           from.String("availability_zone"),
		Shared:           zentags.Moved(from, "disk_name"),
		Size:             from.Int64("disk_size"),
		Category:         from.String("disk_category"),
		InstanceID:       types.StringNull(),
		ForceDetach:      types.BoolValue(false),
		ReleaseOnDestroy: from.Bool("force_delete", false),
		Status:           types.StringNull(),
		DiskType:         from.String("disk_type"),
		Portable:         types.BoolNull(),
		ChargeType:       types.StringNull(),
		CreateTime:       from.String("create_time"),
		Timeouts:         from.Timeouts(ctx, diags),
	}
}
