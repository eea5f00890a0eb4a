package zec

import (
	"context"
	"fmt"
	"maps"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zentags"
)

// DiskNamePattern is the CreateDisks document's rule for diskName.
var DiskNamePattern = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9._/-]{0,62}[A-Za-z0-9])?$`)

// Disk size limits of the API, in GiB.
const (
	DiskMinSize = 20
	DiskMaxSize = 32768
)

func (r *diskResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Zenlayer Elastic Compute (ZEC) data disk. The disk can be renamed, grown (never shrunk) and attached to or " +
			"detached from an instance in place. Destroying it detaches it if needed, forcibly (even from a running instance: its data " +
			"goes with the release anyway), and releases it with `ReleaseDisk`, which is irreversible; on accounts with a recycle bin " +
			"the disk passes through the bin and is released from there too, unless `release_on_destroy = false`. Boot (system) disks " +
			"are released with their instance and cannot be destroyed on their own.",
		Attributes: map[string]schema.Attribute{
			"id":      framework.KeptString("Disk id."),
			"zone_id": framework.ReplacedString("Zone of the disk, for example `asia-east-1a`. Changing it creates a new disk."),
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Disk name: 1 to 64 letters, digits, `-`, `_`, `/` and `.`, starting and ending with a letter or digit. " +
					"Changed in place.",
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 64),
					stringvalidator.RegexMatches(DiskNamePattern, "must be 1 to 64 letters, digits, '-', '_', '/' and '.', starting and ending with a letter or digit"),
				},
			},
			"size": schema.Int64Attribute{
				Required: true,
				MarkdownDescription: fmt.Sprintf("Size in GiB, %d to %d. Growing it resizes the disk in place; "+
					"a smaller size is refused at plan time, because a disk cannot shrink (replace the disk to get a smaller one).", DiskMinSize, DiskMaxSize),
				Validators: []validator.Int64{int64validator.Between(DiskMinSize, DiskMaxSize)},
			},
			"category": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Disk category, for example `Standard NVMe SSD`; the API's default if unset. Changing it creates a new disk.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace(), stringplanmodifier.UseStateForUnknown()},
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"instance_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "ZEC instance to attach the disk to (same zone). Changing it detaches and attaches in place; " +
					"removing it detaches the disk.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"force_detach": framework.DefaultBool(false,
				"For in-place detaches (`instance_id` changed or removed): detach the disk even while its instance "+
					"is running (the API's `instanceCheckFlag = false`). By default the API detaches only from a stopped instance, which "+
					"protects mounted file systems. Destroying the disk always detaches it forcibly, whatever this says: its data goes "+
					"with the release anyway, and Terraform destroys a disk before the instance it is attached to."),
			"release_on_destroy": framework.DefaultBool(true,
				"On accounts with a recycle bin, `true` (the default) releases the disk from the bin as well, so that "+
					"destroy frees it for good; `false` leaves it in the bin (restorable for a while) and says so in a warning. "+
					"A destroy that stops with the disk in the bin (an error, a timeout, Ctrl-C; a killed provider process too, while the working directory keeps its `.terraform`) keeps it in the state: the next "+
					"destroy releases it from there, and the next apply replaces it."),
			"status":    framework.ReportedString("Disk status: `AVAILABLE` or `IN_USE` once settled."),
			"disk_type": framework.KeptString("`DATA` or `SYSTEM` (a boot disk)."),
			"portable": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether the disk can be detached and released on its own.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"charge_type": framework.KeptString("Billing method, `POSTPAID` or `PREPAID`: `PREPAID` when the API reports a subscription `period` for the disk (its answers have no charge type)."),
			"create_time": framework.KeptString("When the disk was created (ISO 8601, as the API reports it)."),
			"timeouts":    framework.TimeoutsAttribute(ctx),
		},
	}
	maps.Copy(resp.Schema.Attributes, diskAttributesMore())
	maps.Copy(resp.Schema.Attributes, zentags.Attributes("disk"))
}

// The attributes of cloudcompute_zenlayer_zec_disk added for issue #14, from
// CreateDisks (zenlayercloud-sdk-go v0.2.40 zec20250901.CreateDisksRequest
// snapshotId and burstingEnabled; DiskInfo.burstingEnabled). No action of
// the API changes either on an existing disk: ModifyDisksAttributes takes
// only a name.
func diskAttributesMore() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"snapshot_id": adoptedString("Snapshot to create the disk from (`CreateDisks` `snapshotId`); an empty disk if unset. An unknown "+
			"snapshot fails the create (`INVALID_SNAPSHOT_NOT_FOUND`). The API never reports it: it is kept from the configuration, "+
			"and adopted from it after an import. Changing it creates a new disk.",
			"Changing snapshot_id creates a new disk."),
		"bursting_enabled": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "Whether the disk's performance may burst above its baseline (`burstingEnabled`); the API's default " +
				"is `false`. No API call changes it on an existing disk: changing it creates a new disk.",
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()},
		},
	}
}
