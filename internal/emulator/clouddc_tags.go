package emulator

import (
	"net/http"
	"slices"
	"unicode/utf8"
)

// The tags of CloudDC, from the SDK (huaweicloud-sdk-go-v3
// services/clouddc/v1): BatchCreateTags and BatchDeleteTags are
// POST /v1/{project_id}/{resource_type}/{resource_id}/tags/create and
// /tags/delete (cloudDC_meta.go), whose body is ResourceTags {tags: [Tag]}
// (model_resource_tags.go) and whose answer has no field
// (BatchCreateTagsResponse); resource_type takes one value,
// "physicalservers" (BatchCreateTagsRequestResourceTypeEnum,
// model_batch_create_tags_request.go): the API tags the physical servers,
// not the instances. A Tag (model_tag.go) is a key of at most 128
// characters and an optional value of at most 255.
//
// An instance's "tags" (model_instance.go Instance.Tags) are those of its
// server: no document says more, and an instance has no tags of its own
// that any call could set.

const (
	cdcTagResourceType = "physicalservers"
	cdcMaxTagKey       = 128
	cdcMaxTagValue     = 255
	// cdcMaxTags is how many tags a server carries at most (TMS's limit of
	// a resource).
	cdcMaxTags = 20
)

// cdcTag is a tag of a physical server.
type cdcTag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// tagsJSON are the tags of a server in their wire form, in the order they were set.
func tagsJSON(tags []cdcTag) []any {
	out := make([]any, 0, len(tags))
	for _, t := range tags {
		out = append(out, map[string]any{"key": t.Key, "value": t.Value})
	}
	return out
}

// tagRequest is the body of BatchCreateTags and BatchDeleteTags.
type tagRequest struct {
	Tags []struct {
		Key   *string `json:"key"`
		Value *string `json:"value"`
	} `json:"tags"`
}

// tagTarget checks resource_type and resource_id and decodes the body.
func (h *huaweiState) tagTarget(req cdcRequest) (*cdcServer, tagRequest, *errAPI) {
	var in tagRequest
	if rt := req.r.PathValue("resource_type"); rt != cdcTagResourceType {
		return nil, in, invalidParam("resource_type %q is not %q", rt, cdcTagResourceType)
	}
	id := req.r.PathValue("resource_id")
	srv := h.servers[id]
	if srv == nil {
		return nil, in, apiErr(http.StatusNotFound, cdcCodeServerNotFound, "Physical servers ID not found: [%s]", id)
	}
	if e := decodeCDC(req.body, &in); e != nil {
		return nil, in, e
	}
	if len(in.Tags) == 0 {
		return nil, in, missingParams("tags")
	}
	seen := map[string]bool{}
	for _, t := range in.Tags {
		if t.Key == nil || *t.Key == "" {
			return nil, in, missingParams("tags.key")
		}
		if n := utf8.RuneCountInString(*t.Key); n > cdcMaxTagKey {
			return nil, in, invalidParam("tag key %q is longer than %d characters", *t.Key, cdcMaxTagKey)
		}
		if t.Value != nil && utf8.RuneCountInString(*t.Value) > cdcMaxTagValue {
			return nil, in, invalidParam("the value of tag %q is longer than %d characters", *t.Key, cdcMaxTagValue)
		}
		if seen[*t.Key] {
			return nil, in, invalidParam("tag key %q is repeated", *t.Key)
		}
		seen[*t.Key] = true
	}
	return srv, in, nil
}

// batchCreateTags sets tags on a server: a key it has already takes the new value.
func (h *huaweiState) batchCreateTags(req cdcRequest) (cdcAnswer, *errAPI) {
	srv, in, e := h.tagTarget(req)
	if e != nil {
		return cdcAnswer{}, e
	}
	tags := slices.Clone(srv.Tags)
	for _, t := range in.Tags {
		v := valueOr(t.Value, "")
		if k := slices.IndexFunc(tags, func(x cdcTag) bool { return x.Key == *t.Key }); k >= 0 {
			tags[k].Value = v
		} else {
			tags = append(tags, cdcTag{Key: *t.Key, Value: v})
		}
	}
	if len(tags) > cdcMaxTags {
		return cdcAnswer{}, invalidParam("a physical server carries at most %d tags, this would make %d", cdcMaxTags, len(tags))
	}
	srv.Tags = tags
	return cdcAnswer{status: http.StatusNoContent, ids: []string{srv.ID}}, nil
}

// batchDeleteTags removes tags from a server by key (and value, when one is
// given); a key the server does not carry is no error.
func (h *huaweiState) batchDeleteTags(req cdcRequest) (cdcAnswer, *errAPI) {
	srv, in, e := h.tagTarget(req)
	if e != nil {
		return cdcAnswer{}, e
	}
	srv.Tags = slices.DeleteFunc(slices.Clone(srv.Tags), func(x cdcTag) bool {
		for _, t := range in.Tags {
			if *t.Key == x.Key && (t.Value == nil || *t.Value == x.Value) {
				return true
			}
		}
		return false
	})
	return cdcAnswer{status: http.StatusNoContent, ids: []string{srv.ID}}, nil
}
