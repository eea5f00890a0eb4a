package zenlayer

import (
	"context"
	"maps"
	"slices"
)

// The resource manager: tags and resource groups of any API 2.0 resource
// (ZEC disks and instances, BMC instances), by the resource's id. The
// official provider changes both this way in place
// (terraform-provider-zenlayercloud: ZrmService.ModifyResourceTags, and
// user AddResourceResourceGroup on a change of resource_group_id).
var (
	// ZRM is the resource manager's tag service (zenlayercloud-sdk-go
	// zrm20251014, APIVersion "2025-10-14").
	ZRM = Service{Name: "zrm", Version: "2025-10-14"}
	// User is the account service that holds resource groups
	// (zenlayercloud-sdk-go user20240529, APIVersion "2024-05-29").
	User = Service{Name: "user", Version: "2024-05-29"}
)

// ModifyResourceTags sets the tags of set on resource id (adding or
// changing them) and removes the keys of remove, in one call (zrm
// ModifyResourceTagsRequest {resourceUuid, replaceTags[], deleteTagKeys[]}).
// It is idempotent, so the transport may retry it. Nothing to do is no call.
func (c *Client) ModifyResourceTags(ctx context.Context, id string, set map[string]string, remove []string) error {
	if len(set) == 0 && len(remove) == 0 {
		return nil
	}
	in := map[string]any{"resourceUuid": id}
	if len(set) > 0 {
		tags := make([]Tag, 0, len(set))
		for _, k := range slices.Sorted(maps.Keys(set)) {
			tags = append(tags, Tag{Key: k, Value: set[k]})
		}
		in["replaceTags"] = tags
	}
	if len(remove) > 0 {
		in["deleteTagKeys"] = remove
	}
	return c.Call(ctx, ZRM, "ModifyResourceTags", in, nil)
}

// MoveToResourceGroup moves resources into a resource group (user
// AddResourceResourceGroupRequest {resources[], resourceGroupId}). A
// resource belongs to one group: adding it to another moves it. Idempotent.
func (c *Client) MoveToResourceGroup(ctx context.Context, groupID string, ids ...string) error {
	return c.Call(ctx, User, "AddResourceResourceGroup", map[string]any{"resources": ids, "resourceGroupId": groupID}, nil)
}

// TagMap is a tag set as a map (nil for none).
func TagMap(t *TagAssociation) map[string]string {
	if t == nil {
		return nil
	}
	out := make(map[string]string, len(t.Tags))
	for _, tag := range t.Tags {
		out[tag.Key] = tag.Value
	}
	return out
}

// CreateTags is the tag set of a create: tags, sorted by key, and the
// create token's tag.
func CreateTags(tags map[string]string, token string) *TagAssociation {
	out := &TagAssociation{}
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		if k != CreateTokenTagKey {
			out.Tags = append(out.Tags, Tag{Key: k, Value: tags[k]})
		}
	}
	out.Tags = append(out.Tags, CreateTokenTags(token).Tags...)
	return out
}
