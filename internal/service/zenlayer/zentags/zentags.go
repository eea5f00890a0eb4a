// Package zentags is what the Zenlayer resources (ZEC disks and instances,
// BMC instances) share about tags and resource groups: the
// resource_group_id, tags and tags_all attributes (Attributes), tags_all
// with the provider's zenlayer.default_tags merged
// (internal/framework tags.go), the tags of a create (tags_all and the
// create token), the tags read back (the create token hidden), the
// in-place change through the resource manager (zrm ModifyResourceTags),
// the in-place move to another resource group (user
// AddResourceResourceGroup), the Update step that does both after a rename
// (UpdateShared) and the model's part it changes (Shared), the tags filter
// of the listings, and the address of the official provider whose objects
// they take over (Official, Moved).
//
// It imports the framework glue, internal/conns and the Zenlayer client;
// no resource package.
package zentags

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// officialProvider is the address of the official Zenlayer provider, whose
// resources a moved block hands to the Zenlayer resources (docs/guides).
const officialProvider = "registry.terraform.io/zenlayer/zenlayercloud"

// Official is the official provider's resource type typeName as the
// source of a move, with the source attributes deliberately left out and
// why (framework.MoveSource).
func Official(typeName string, noEquivalent map[string]string) framework.MoveSource {
	return framework.MoveSource{ProviderAddress: officialProvider, TypeName: typeName, NoEquivalent: noEquivalent}
}

// MaxTags is how many tags an object carries at most (the API's limit of
// 20, one of which is the provider's create token).
const MaxTags = 19

// Attributes are a resource's resource_group_id (with groupValidators),
// tags and tags_all; what names the object ("disk").
func Attributes(what string, groupValidators ...validator.String) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"resource_group_id": resourceGroup(what, groupValidators...),
		"tags":              tags(what),
		"tags_all":          framework.TagsAllAttribute(),
	}
}

// tags is a resource's tags argument: the create token's key is refused.
func tags(what string) schema.MapAttribute {
	a := framework.TagsAttribute(what, zenlayer.CreateTokenTagKey)
	a.MarkdownDescription += fmt.Sprintf(" Keys are 1 to 64 characters, values at most 64; at most %d tags with the "+
		"provider's `default_tags` (the provider keeps one of the API's 20 for itself, `%s`).", MaxTags, zenlayer.CreateTokenTagKey)
	a.Validators = append(a.Validators, mapvalidator.SizeAtMost(MaxTags), mapvalidator.KeysAre(stringvalidator.LengthAtMost(64)),
		mapvalidator.ValueStringsAre(stringvalidator.LengthAtMost(64)))
	return a
}

// defaults are the provider's zenlayer.default_tags, and whether they are
// known (the provider is configured).
func defaults(c *conns.Client) (map[string]string, bool) {
	if c == nil {
		return nil, false
	}
	return c.ZenlayerDefaultTags, true
}

// Plan sets tags_all of the plan (the resource's ModifyPlan).
func Plan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, c *conns.Client) {
	d, known := defaults(c)
	framework.PlanTagsAll(ctx, req, resp, d, known)
}

// FromAPI is tags and tags_all from the tags the object carries, the
// create token left out; prior is the configuration's tags (the plan's or
// the state's), c the provider's clients (nil in a listing: no defaults).
func FromAPI(api *zenlayer.TagAssociation, prior types.Map, c *conns.Client) (tags, tagsAll types.Map) {
	d, _ := defaults(c)
	return framework.TagsFromAPI(zenlayer.TagMap(api), prior, d, zenlayer.CreateTokenTagKey)
}

// ForCreate is the tags of a create: the planned tags_all and the create token.
func ForCreate(ctx context.Context, tagsAll types.Map, token string, diags *diag.Diagnostics) *zenlayer.TagAssociation {
	return zenlayer.CreateTags(framework.KnownStringMap(ctx, tagsAll, diags), token)
}

// Changed reports whether tags_all changes from state to plan.
func Changed(state, plan types.Map) bool { return !plan.IsUnknown() && !plan.Equal(state) }

// Update changes the tags of object id in place from the state's tags_all
// to the plan's: the keys to set and the keys to remove in one
// ModifyResourceTags. The create token is in neither, so it stays.
func Update(ctx context.Context, conn *zenlayer.Client, label, id string, state, plan types.Map) error {
	var diags diag.Diagnostics
	set, remove := framework.TagChanges(framework.KnownStringMap(ctx, state, &diags), framework.KnownStringMap(ctx, plan, &diags))
	if diags.HasError() {
		return fmt.Errorf("reading tags: %v", diags)
	}
	tflog.Info(ctx, "changing tags of "+label, map[string]any{"id": id, "set": framework.DescribeTags(set), "remove": remove})
	return conn.ModifyResourceTags(ctx, id, set, remove)
}

// MoveGroup moves object id to resource group group in place when the
// plan's resource_group_id is known and differs from the state's; it
// reports whether it moved it.
func MoveGroup(ctx context.Context, conn *zenlayer.Client, label, id string, state, plan types.String) (bool, error) {
	if plan.IsUnknown() || plan.IsNull() || plan.ValueString() == "" || plan.Equal(state) {
		return false, nil
	}
	tflog.Info(ctx, "moving "+label+" to another resource group", map[string]any{"id": id, "from": state.ValueString(), "to": plan.ValueString()})
	return true, conn.MoveToResourceGroup(ctx, plan.ValueString(), id)
}

// resourceGroup is a resource's resource_group_id, with validators.
func resourceGroup(what string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		Computed: true,
		MarkdownDescription: "Resource group of the " + what + "; the account's default group if unset. Changed in place (the resource " +
			"manager's `AddResourceResourceGroup` moves the " + what + " to the new group); removing the argument leaves the " + what +
			" where it is.",
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		Validators:    validators,
	}
}

// Filter is the tags filter of a listing.
func Filter(what string) framework.Filter {
	return framework.StringMapFilter("Only "+what+" that carry all these tags (key and value; at most 20). The API filters by them "+
		"(`tags` of the Describe action).", mapvalidator.SizeAtMost(20))
}

// FilterTags is a tags filter as the Describe actions take it, sorted by key.
func FilterTags(ctx context.Context, m types.Map) []zenlayer.Tag {
	var diags diag.Diagnostics // a map of strings converts without error
	tags := zenlayer.CreateTags(framework.KnownStringMap(ctx, m, &diags), "").Tags
	return tags[:len(tags)-1] // without the (empty) create token
}

// Shared is the part of a Zenlayer resource's model (embedded in it) that
// every Zenlayer resource changes in place the same way: the name, the
// resource group and the tags.
type Shared struct {
	Name            types.String `tfsdk:"name"`
	ResourceGroupID types.String `tfsdk:"resource_group_id"`
	Tags            types.Map    `tfsdk:"tags"`
	TagsAll         types.Map    `tfsdk:"tags_all"`
}

// SetTags sets tags and tags_all from the tags the object carries
// (FromAPI): prior is the configuration's tags (the plan's or the state's),
// c the provider's clients (nil: no defaults).
func (s *Shared) SetTags(api *zenlayer.TagAssociation, prior types.Map, c *conns.Client) {
	s.Tags, s.TagsAll = FromAPI(api, prior, c)
}

// Listed sets the tags of an object of a listing (a data source's items, a
// list resource's results): every tag it carries is in its tags, since a
// listing has no configuration to tell them from the provider's
// default_tags.
func (s *Shared) Listed(api *zenlayer.TagAssociation) {
	s.SetTags(api, types.MapNull(types.StringType), nil)
}

// Moved is the Shared part of an object moved from the official provider
// (Official), whose name is the source attribute name; tags_all is
// read by the refresh that follows the move.
func Moved(from *framework.MovedState, name string) Shared {
	return Shared{Name: from.String(name), ResourceGroupID: from.String("resource_group_id"), Tags: from.StringMap("tags"),
		TagsAll: types.MapNull(types.StringType)}
}

// UpdateShared is the step of an Update that renames object id with rename
// (when the plan's name is known and differs), then brings its tags
// (tags_all) and its resource group to the plan's. cur is what is true so
// far (the Shared part of Partial.Cur, the prior state until this step):
// each change that succeeds is recorded in it. A failed call is reported
// with fail (Partial.Fail, "renaming ZEC disk (id)"), and UpdateShared
// reports false.
func UpdateShared(ctx context.Context, conn *zenlayer.Client, label, id string, rename func(ctx context.Context, name string, ids ...string) error,
	plan Shared, cur *Shared, fail func(summary string, err error)) bool {
	if !plan.Name.IsUnknown() && !plan.Name.Equal(cur.Name) {
		tflog.Info(ctx, "renaming "+label, map[string]any{"id": id})
		if err := rename(ctx, plan.Name.ValueString(), id); err != nil {
			fail(fmt.Sprintf("renaming %s (%s)", label, id), err)
			return false
		}
		cur.Name = plan.Name
	}
	if Changed(cur.TagsAll, plan.TagsAll) {
		if err := Update(ctx, conn, label, id, cur.TagsAll, plan.TagsAll); err != nil {
			fail(fmt.Sprintf("changing tags of %s (%s)", label, id), err)
			return false
		}
		cur.Tags, cur.TagsAll = plan.Tags, plan.TagsAll
	}
	moved, err := MoveGroup(ctx, conn, label, id, cur.ResourceGroupID, plan.ResourceGroupID)
	if err != nil {
		fail(fmt.Sprintf("moving %s (%s) to resource group %s", label, id, plan.ResourceGroupID.ValueString()), err)
		return false
	}
	if moved {
		cur.ResourceGroupID = plan.ResourceGroupID
	}
	return true
}
