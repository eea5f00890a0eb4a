package framework

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Tags the way AWS users know them: a resource's tags argument holds the
// tags its configuration sets, the provider's default_tags (per cloud
// block) are merged under them, and tags_all (computed) holds what the
// object carries: defaults, then the resource's own tags over them. The
// provider's own tags (the create token) show in neither.

// TagsAttribute is a resource's tags argument; reserved are tag keys the
// provider keeps for itself (the create token's), refused at plan time.
func TagsAttribute(what string, reserved ...string) schema.MapAttribute {
	validators := []validator.Map{mapvalidator.KeysAre(stringvalidator.LengthBetween(1, 128))}
	for _, key := range reserved {
		validators = append(validators, mapvalidator.KeysAre(stringvalidator.NoneOf(key)))
	}
	return schema.MapAttribute{
		ElementType: types.StringType,
		Optional:    true,
		MarkdownDescription: "Tags of the " + what + ". Merged over the provider's `default_tags` (a key set here wins); " +
			"changed in place.",
		Validators: validators,
	}
}

// TagsAllAttribute is a resource's tags_all: the tags the object carries.
func TagsAllAttribute() schema.MapAttribute {
	return schema.MapAttribute{
		ElementType:         types.StringType,
		Computed:            true,
		MarkdownDescription: "All the tags the object carries: the provider's `default_tags` and `tags`, as the API reports them.",
	}
}

// MergeTags is defaults with tags over them (tags_all of a plan).
func MergeTags(defaults, tags map[string]string) map[string]string {
	out := maps.Clone(defaults)
	if out == nil {
		out = map[string]string{}
	}
	maps.Copy(out, tags)
	return out
}

// PlanTagsAll sets tags_all of the plan (ModifyPlan): the defaults merged
// with the planned tags, or unknown while either is unknown (defaults is
// nil when the provider's default_tags are not known yet).
func PlanTagsAll(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, defaults map[string]string, defaultsKnown bool) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var tags types.Map
	if resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("tags"), &tags)...); resp.Diagnostics.HasError() {
		return
	}
	if tags.IsUnknown() || !defaultsKnown {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("tags_all"), types.MapUnknown(types.StringType))...)
		return
	}
	own := map[string]string{}
	resp.Diagnostics.Append(tags.ElementsAs(ctx, &own, false)...)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("tags_all"), StringMap(MergeTags(defaults, own)))...)
}

// TagsFromAPI splits the tags an object carries (hidden keys left out) into
// tags_all and tags: tags are the keys the configuration had (prior, the
// state's or plan's tags) and every key that is not a default with the
// same value; a default the object carries is tags_all only. prior null
// and no own key gives a null tags (an unset argument).
func TagsFromAPI(api map[string]string, prior types.Map, defaults map[string]string, hidden ...string) (tags, tagsAll types.Map) {
	all := map[string]string{}
	for k, v := range api {
		if !slices.Contains(hidden, k) {
			all[k] = v
		}
	}
	configured := map[string]bool{}
	if !prior.IsNull() && !prior.IsUnknown() {
		for k := range prior.Elements() {
			configured[k] = true
		}
	}
	own := map[string]string{}
	for k, v := range all {
		if d, isDefault := defaults[k]; configured[k] || !isDefault || d != v {
			own[k] = v
		}
	}
	tags = StringMap(own)
	if len(own) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		tags = types.MapNull(types.StringType)
	}
	return tags, StringMap(all)
}

// StringMap is a map of strings as a framework value.
func StringMap(m map[string]string) types.Map {
	elems := make(map[string]attr.Value, len(m))
	for k, v := range m {
		elems[k] = types.StringValue(v)
	}
	return types.MapValueMust(types.StringType, elems)
}

// KnownStringMap is a known map of strings as a Go map (nil if null or unknown).
func KnownStringMap(ctx context.Context, v types.Map, diags *diag.Diagnostics) map[string]string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	out := map[string]string{}
	diags.Append(v.ElementsAs(ctx, &out, false)...)
	return out
}

// TagChanges are what an update of tags_all from prior to planned sends:
// the keys to set (new or changed) and the keys to remove, sorted.
func TagChanges(prior, planned map[string]string) (set map[string]string, remove []string) {
	set = map[string]string{}
	for k, v := range planned {
		if old, ok := prior[k]; !ok || old != v {
			set[k] = v
		}
	}
	for k := range prior {
		if _, ok := planned[k]; !ok {
			remove = append(remove, k)
		}
	}
	slices.Sort(remove)
	return set, remove
}

// DescribeTags is a map of tags in a stable, readable order (logs, errors).
func DescribeTags(m map[string]string) string {
	keys := slices.Sorted(maps.Keys(m))
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%s", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
