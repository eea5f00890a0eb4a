package emulator

import (
	"net/http"
	"slices"
)

// The resource manager backends: Zenlayer API 2.0 service "zrm", version
// 2025-10-14 (the tags of any resource, by its id: ModifyResourceTags,
// DescribeResourceTags), and service "user", version 2024-05-29 (the
// resource group of any resource: AddResourceResourceGroup). They own no
// objects: they act on the ZEC disks and instances and the BMC instances
// of the other backends. The official provider changes tags of its
// resources with zrm ModifyResourceTags and their resource group with user
// AddResourceResourceGroup (terraform-provider-zenlayercloud,
// zenlayercloud/services/zrm ZrmService.ModifyResourceTags and every
// resource's Update on resource_group_id).
func init() {
	registerBackend("zrm", func(s *Server) backend {
		m := resourceManager{s}
		return objectless{name: "zrm", versions: zrmVersions, actions: map[string]zenlayerAction{
			"ModifyResourceTags": m.modifyResourceTags, "DescribeResourceTags": m.describeResourceTags}}
	})
	registerBackend("user", func(s *Server) backend {
		m := resourceManager{s}
		return objectless{name: "user", versions: userVersions, actions: map[string]zenlayerAction{
			"AddResourceResourceGroup": m.addResourceResourceGroup}}
	})
}

// Limits of the resource manager (the SDK's models: Tag.Key and Tag.Value
// are 1 to 64 characters; a resource carries at most 20 tags, as in a
// create).
const zrmMaxTags = 20

// codeResourceNotFound answers an id that is no resource's (the API notes,
// /work/shared/api/zenlayer.md, "Not found codes seen").
const codeResourceNotFound = "RESOURCE_NOT_FOUND"

// zrmVersions: zenlayercloud-sdk-go zenlayercloud/zrm20251014 (client.go
// APIVersion "2025-10-14"; models.go ModifyResourceTagsRequest
// {resourceUuid, replaceTags[], deleteTagKeys[]}, DescribeResourceTagsRequest
// {resourceUuid} → {totalCount, dataSet[] of ResourceTag {key, value,
// createdDate}}).
var zrmVersions = map[string]apiVersion{
	"2025-10-14": shapes(map[string][2]string{
		"ModifyResourceTags":   {`resourceUuid replaceTags[{key value}] deleteTagKeys[]`, specRequestID},
		"DescribeResourceTags": {`resourceUuid`, `requestId totalCount:i dataSet[{key value createdDate}]`},
	}),
}

// userVersions: zenlayercloud-sdk-go zenlayercloud/user20240529 (client.go
// APIVersion "2024-05-29"; models.go AddResourceResourceGroupRequest
// {resources[], resourceGroupId}, its response the requestId only).
var userVersions = map[string]apiVersion{
	"2024-05-29": shapes(map[string][2]string{
		"AddResourceResourceGroup": {`resources[] resourceGroupId`, specRequestID},
	}),
}

// managed is a resource of another backend as the resource manager sees
// it: its tags and resource group.
type managed struct {
	tags     func() []Tag
	setTags  func([]Tag)
	setGroup func(string)
}

// managedResource finds a ZEC disk or instance or a BMC instance by id.
// Called with s.mu held.
func (s *Server) managedResource(id string) (managed, bool) {
	if d := s.zec.disks[id]; d != nil {
		return managed{func() []Tag { return d.Tags.list() }, func(t []Tag) { d.Tags = wrapTags(t) },
			func(g string) { d.ResourceGroupID = g }}, true
	}
	if i := s.zec.instances[id]; i != nil {
		return managed{func() []Tag { return i.Tags }, func(t []Tag) { i.Tags = t }, func(g string) { i.ResourceGroupID = g }}, true
	}
	if i := s.bmcOf().instances[id]; i != nil {
		return managed{func() []Tag { return i.Tags.list() }, func(t []Tag) { i.Tags = wrapTags(t) },
			func(g string) { i.ResourceGroupID, i.ResourceGroupName = g, resourceGroupName(g) }}, true
	}
	return managed{}, false
}

// resourceManager holds the actions of services zrm and user.
type resourceManager struct{ s *Server }

func (m resourceManager) resource(req *call) (managed, string, *errAPI) {
	id, e := req.required("resourceUuid")
	if e != nil {
		return managed{}, "", e
	}
	r, ok := m.s.managedResource(id)
	if !ok {
		return managed{}, "", apiErr(http.StatusNotFound, codeResourceNotFound, "Resource %s does not exist.", id)
	}
	return r, id, nil
}

// modifyResourceTags sets the tags of replaceTags (adding a key the
// resource lacks, changing the value of one it has) and unbinds the keys
// of deleteTagKeys (a key the resource lacks is no error). One of them must
// be given, and no key may be in both.
func (m resourceManager) modifyResourceTags(req *call) (any, []string, error) {
	r, id, e := m.resource(req)
	if e != nil {
		return nil, nil, e
	}
	replace, remove := req.tags("replaceTags"), req.strs("deleteTagKeys")
	if len(replace) == 0 && len(remove) == 0 {
		return nil, nil, apiErr(http.StatusBadRequest, codeMissingParameter, "Either replaceTags or deleteTagKeys is required.")
	}
	if e := checkTags(replace); e != nil {
		return nil, nil, e
	}
	for _, t := range replace {
		if slices.Contains(remove, t.Key) {
			return nil, nil, apiErr(http.StatusBadRequest, codeInvalidValue, "Tag key %q is both in replaceTags and deleteTagKeys.", t.Key)
		}
	}
	tags := slices.DeleteFunc(slices.Clone(r.tags()), func(t Tag) bool {
		return slices.Contains(remove, t.Key) || slices.ContainsFunc(replace, func(n Tag) bool { return n.Key == t.Key })
	})
	tags = append(tags, replace...)
	if len(tags) > zrmMaxTags {
		return nil, nil, apiErr(http.StatusBadRequest, codeTagLimit, "A resource carries at most %d tags.", zrmMaxTags)
	}
	r.setTags(tags)
	return map[string]any{}, []string{id}, nil
}

func (m resourceManager) describeResourceTags(req *call) (any, []string, error) {
	r, id, e := m.resource(req)
	if e != nil {
		return nil, nil, e
	}
	set := []map[string]any{}
	for _, t := range r.tags() {
		set = append(set, map[string]any{"key": t.Key, "value": t.Value, "createdDate": nil})
	}
	return map[string]any{"totalCount": len(set), "dataSet": set}, []string{id}, nil
}

// addResourceResourceGroup moves resources into a resource group: all of
// them or, if an id is no resource's, none.
func (m resourceManager) addResourceResourceGroup(req *call) (any, []string, error) {
	group, e := req.required("resourceGroupId")
	if e != nil {
		return nil, nil, e
	}
	ids := req.strs("resources")
	if len(ids) == 0 {
		return nil, nil, errMissing("resources")
	}
	found := make([]managed, 0, len(ids))
	for _, id := range ids {
		r, ok := m.s.managedResource(id)
		if !ok {
			return nil, nil, apiErr(http.StatusNotFound, codeResourceNotFound, "Resource %s does not exist.", id)
		}
		found = append(found, r)
	}
	for _, r := range found {
		r.setGroup(group)
	}
	return map[string]any{}, ids, nil
}
