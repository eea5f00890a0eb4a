package zec

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The attributes of cloudcompute_zenlayer_zec_disk added for issue #14, from
// CreateDisks (zenlayercloud-sdk-go v0.2.40 zec20250901.CreateDisksRequest
// snapshotId and burstingEnabled; DiskInfo.burstingEnabled). No action of
// the API changes either on an existing disk: ModifyDisksAttributes takes
// only a name.
func diskAttributesMore() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"snapshot_id": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "Snapshot to create the disk from (`CreateDisks` `snapshotId`); an empty disk if unset. An unknown " +
				"snapshot fails the create (`INVALID_SNAPSHOT_NOT_FOUND`). The API never reports it: it is kept from the configuration, " +
				"and adopted from it after an import. Changing it creates a new disk.",
			PlanModifiers: []planmodifier.String{replaceUnlessAdoptedString("Changing snapshot_id creates a new disk.")},
			Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"bursting_enabled": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "Whether the disk's performance may burst above its baseline (`burstingEnabled`); the API's default " +
				"is `false`. No API call changes it on an existing disk: changing it creates a new disk.",
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()},
		},
	}
}
