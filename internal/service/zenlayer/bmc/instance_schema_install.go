package bmc

import (
	"context"
	"math"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The arguments of a BMC installation that CreateInstances and
// ReinstallInstance take (SDK bmc20221120 CreateInstancesRequest and
// ReinstallInstanceRequest: userData, partitions, raidConfig.customRaids).
// DescribeInstances reports partitions and raidConfig (InstanceInfo), not
// userData.

// userDataMax is the API's limit of userData (32 KB, the CLI spec of
// ReinstallInstance and CreateInstances).
const userDataMax = 32 * 1024

// partitionAttrTypes and customRaidAttrTypes are the object types of one
// partition and one custom RAID.
var (
	partitionAttrTypes  = map[string]attr.Type{"fs_path": types.StringType, "fs_type": types.StringType, "size": types.Int64Type}
	customRaidAttrTypes = map[string]attr.Type{"raid_type": types.Int64Type, "disk_sequence": types.ListType{ElemType: types.Int64Type}}
)

// installAttributes are user_data, partitions and custom_raids.
func installAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"user_data": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "User data run at the first boot of the installed system (CreateInstances `userData`), at most 32 KB. " +
				"The API never reports it: after an import or a move it is adopted from the configuration without a reinstall; " +
				"otherwise changing it reinstalls the machine in place (the disks are wiped).",
			Validators: []validator.String{stringvalidator.LengthBetween(1, userDataMax)},
		},
		"partitions": schema.ListNestedAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "Disk partitions of the installed system, in order (needs `image_id`). Linux: paths start with `/`, the " +
				"first is `/`, `ext2`, `ext3` or `ext4`; Windows: drives `C` to `H` in order, the first `C`, `NTFS`. The last may leave " +
				"`size` out to take the rest. The API's layout if unset (as it reports it). Changing them reinstalls the machine in " +
				"place (the disks are wiped).",
			PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			Validators:    []validator.List{listvalidator.SizeAtLeast(1)},
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"fs_path": schema.StringAttribute{
					Required:            true,
					MarkdownDescription: "Mount point (`/`, `/data`) or Windows drive letter (`C` to `H`).",
					Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^(/.*|[C-H])$`),
						"must be a Linux path starting with / or a Windows drive letter C to H")},
				},
				"fs_type": schema.StringAttribute{
					Required:            true,
					MarkdownDescription: "File system: `ext2`, `ext3`, `ext4` (Linux) or `NTFS` (Windows).",
					Validators:          []validator.String{stringvalidator.OneOf("ext2", "ext3", "ext4", "NTFS")},
				},
				"size": schema.Int64Attribute{
					Optional:            true,
					MarkdownDescription: "Size in GB; only the last partition may leave it out, to take the rest of the disks.",
					Validators:          []validator.Int64{int64validator.AtLeast(1)},
				},
			}},
		},
		"custom_raids": schema.ListNestedAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "Custom RAID layout (raidConfig `customRaids`): disk groups, each a RAID level over disks numbered " +
				"from 1 (`DescribeInstanceTypes`' disks, in order), numbered consecutively across the groups; RAID 1 takes an even " +
				"number of disks, RAID 5 at least 3, RAID 10 an even number of at least 4, all of one size. Conflicts with `raid_type` " +
				"(the fast RAID over all disks). The API's layout if unset (as it reports it). Changing it reinstalls the machine in " +
				"place (the disks are wiped).",
			PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			Validators:    []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ConflictsWith(path.MatchRoot("raid_type"))},
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"raid_type": schema.Int64Attribute{
					Required:            true,
					MarkdownDescription: "RAID level: `0`, `1`, `5` or `10`, as the instance type supports (`supportRaids`).",
					Validators:          []validator.Int64{int64validator.OneOf(0, 1, 5, 10)},
				},
				"disk_sequence": schema.ListAttribute{
					ElementType:         types.Int64Type,
					Required:            true,
					MarkdownDescription: "Serial numbers of the disks of this group, from 1, consecutive and in order.",
					Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
				},
			}},
		},
	}
}

// trafficPackageValidator: a traffic package is a multiple of 0.05 TB
// (the CLI spec of ModifyInstanceTrafficPackage).
func trafficPackageValidator() validator.Float64 {
	return float64Check{}
}

type float64Check struct{}

func (float64Check) Description(context.Context) string {
	return "must be a multiple of 0.05 TB"
}

func (c float64Check) MarkdownDescription(ctx context.Context) string { return c.Description(ctx) }

func (float64Check) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := req.ConfigValue.ValueFloat64() / 0.05; math.Abs(n-math.Round(n)) > 1e-6 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid traffic package size",
			"traffic_package_size must be a multiple of 0.05 TB (the API answers INVALID_PARAMETER_TRAFFIC_PACKAGE_ERROR otherwise).")
	}
}

// partitionsOf converts the partitions of a plan; nil when unset or unknown.
func partitionsOf(ctx context.Context, v types.List, diags *diag.Diagnostics) []zenlayer.BMCPartition {
	if !known(v) {
		return nil
	}
	var items []struct {
		FsPath types.String `tfsdk:"fs_path"`
		FsType types.String `tfsdk:"fs_type"`
		Size   types.Int64  `tfsdk:"size"`
	}
	diags.Append(v.ElementsAs(ctx, &items, false)...)
	out := make([]zenlayer.BMCPartition, 0, len(items))
	for _, p := range items {
		out = append(out, zenlayer.BMCPartition{FsPath: p.FsPath.ValueString(), FsType: p.FsType.ValueString(), Size: int(p.Size.ValueInt64())})
	}
	return out
}

// customRaidsOf converts the custom RAIDs of a plan; nil when unset or unknown.
func customRaidsOf(ctx context.Context, v types.List, diags *diag.Diagnostics) []zenlayer.BMCCustomRaid {
	if !known(v) {
		return nil
	}
	var items []struct {
		RaidType     types.Int64 `tfsdk:"raid_type"`
		DiskSequence []int64     `tfsdk:"disk_sequence"`
	}
	diags.Append(v.ElementsAs(ctx, &items, false)...)
	out := make([]zenlayer.BMCCustomRaid, 0, len(items))
	for _, r := range items {
		seq := make([]int, 0, len(r.DiskSequence))
		for _, d := range r.DiskSequence {
			seq = append(seq, int(d))
		}
		out = append(out, zenlayer.BMCCustomRaid{RaidType: int(r.RaidType.ValueInt64()), DiskSequence: seq})
	}
	return out
}

// partitionsValue is the partitions the API reports (null when none); a
// size the API leaves out is null.
func partitionsValue(parts []zenlayer.BMCPartition, diags *diag.Diagnostics) types.List {
	objType := types.ObjectType{AttrTypes: partitionAttrTypes}
	if len(parts) == 0 {
		return types.ListNull(objType)
	}
	elems := make([]attr.Value, 0, len(parts))
	for _, p := range parts {
		size := types.Int64Null()
		if p.Size > 0 {
			size = types.Int64Value(int64(p.Size))
		}
		o, d := types.ObjectValue(partitionAttrTypes, map[string]attr.Value{
			"fs_path": types.StringValue(p.FsPath), "fs_type": types.StringValue(p.FsType), "size": size})
		diags.Append(d...)
		elems = append(elems, o)
	}
	l, d := types.ListValue(objType, elems)
	diags.Append(d...)
	return l
}

// customRaidsValue is the custom RAIDs the API reports (null when none).
func customRaidsValue(rc *zenlayer.BMCRaidConfig, diags *diag.Diagnostics) types.List {
	objType := types.ObjectType{AttrTypes: customRaidAttrTypes}
	if rc == nil || len(rc.CustomRaids) == 0 {
		return types.ListNull(objType)
	}
	elems := make([]attr.Value, 0, len(rc.CustomRaids))
	for _, r := range rc.CustomRaids {
		seq := make([]attr.Value, 0, len(r.DiskSequence))
		for _, n := range r.DiskSequence {
			seq = append(seq, types.Int64Value(int64(n)))
		}
		seqList, d := types.ListValue(types.Int64Type, seq)
		diags.Append(d...)
		o, d := types.ObjectValue(customRaidAttrTypes, map[string]attr.Value{"raid_type": types.Int64Value(int64(r.RaidType)), "disk_sequence": seqList})
		diags.Append(d...)
		elems = append(elems, o)
	}
	l, d := types.ListValue(objType, elems)
	diags.Append(d...)
	return l
}

// validateInstall checks what the schema cannot: partitions need an image,
// and only the last partition may leave its size out.
func validateInstall(ctx context.Context, cfg *instanceResourceModel, diags *diag.Diagnostics) {
	if cfg.ImageID.IsNull() && known(cfg.Partitions) {
		diags.AddAttributeError(path.Root("partitions"), "partitions need image_id",
			"Partitions are made when the operating system is installed; without image_id nothing is installed "+
				"(the API answers INVALID_PARTITION_IMAGE_NOT_SET).")
	}
	if !known(cfg.Partitions) {
		return
	}
	parts := partitionsOf(ctx, cfg.Partitions, diags)
	for i, p := range parts[:max(len(parts)-1, 0)] {
		if p.Size == 0 {
			diags.AddAttributeError(path.Root("partitions").AtListIndex(i).AtName("size"), "only the last partition may leave its size out",
				"Partition "+p.FsPath+" has no size: give it one (GB); only the last partition takes the rest of the disks.")
		}
	}
}
