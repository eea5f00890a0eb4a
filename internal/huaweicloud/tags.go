package huaweicloud

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"slices"
)

// Tags of CloudDC: BatchCreateTags and BatchDeleteTags
// (POST /v1/{project_id}/{resource_type}/{resource_id}/tags/create and
// /tags/delete, huaweicloud-sdk-go-v3 services/clouddc/v1 cloudDC_meta.go,
// body ResourceTags {tags: [{key, value}]}). The API tags physical servers
// only (resource_type "physicalservers"); an instance reports the tags of
// its server.

// TagResourceServers is the one resource_type the tag APIs take.
const TagResourceServers = "physicalservers"

// MaxTagKeyLength and MaxTagValueLength are the limits of a Tag (model_tag.go).
const (
	MaxTagKeyLength   = 128
	MaxTagValueLength = 255
)

// TagMap is a list of tags as a map (key to value).
func TagMap(tags []Tag) map[string]string {
	out := make(map[string]string, len(tags))
	for _, t := range tags {
		out[t.Key] = t.Value
	}
	return out
}

func tagList(m map[string]string) []Tag {
	out := make([]Tag, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, Tag{Key: k, Value: m[k]})
	}
	return out
}

// tagsBody is ResourceTags; a value is always sent, even empty, so that a
// created tag has exactly the value asked for.
type tagsBody struct {
	Tags []tagWithValue `json:"tags"`
}

type tagWithValue struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

func tagsBodyOf(tags []Tag) tagsBody {
	b := tagsBody{Tags: make([]tagWithValue, 0, len(tags))}
	for _, t := range tags {
		b.Tags = append(b.Tags, tagWithValue(t))
	}
	return b
}

// CreateServerTags sets tags on a physical server (a key it carries takes
// the new value). Setting the same tags twice is harmless, so it is
// retried like a read. It returns a *NotFoundError if there is no such server.
func (c *Client) CreateServerTags(ctx context.Context, serverID string, tags map[string]string) error {
	if len(tags) == 0 {
		return nil
	}
	err := c.call(ctx, request{service: "clouddc", operation: "BatchCreateTags", method: http.MethodPost,
		path: "/" + TagResourceServers + "/" + url.PathEscape(serverID) + "/tags/create", body: tagsBodyOf(tagList(tags)), idempotent: true}, nil)
	return serverNotFound(serverID, err)
}

// DeleteServerTags removes the tags with these keys from a physical
// server, whatever their values; a key the server does not carry is no
// error. It is retried like a read.
func (c *Client) DeleteServerTags(ctx context.Context, serverID string, keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	body := struct {
		Tags []Tag `json:"tags"`
	}{}
	for _, k := range slices.Sorted(slices.Values(keys)) {
		body.Tags = append(body.Tags, Tag{Key: k})
	}
	err := c.call(ctx, request{service: "clouddc", operation: "BatchDeleteTags", method: http.MethodPost,
		path: "/" + TagResourceServers + "/" + url.PathEscape(serverID) + "/tags/delete", body: body, idempotent: true}, nil)
	return serverNotFound(serverID, err)
}
