package emulator

import (
	"net/http"
	"slices"
)

// Tags as API 2.0 spells them ({"tags": [{"key", "value"}]}), their limits
// and the tagKeys / tags filters of the Describe actions (ZEC and BMC).

// tagSet is the wrapped form API 2.0 uses for tags: {"tags": [...]}.
type tagSet struct {
	Tags []Tag `json:"tags"`
}

// list is the tags of a set that may be absent.
func (t *tagSet) list() []Tag {
	if t == nil {
		return nil
	}
	return t.Tags
}

// Tag is a key/value pair as API 2.0 spells it.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

func wrapTags(tags []Tag) *tagSet {
	if len(tags) == 0 {
		return nil
	}
	return &tagSet{Tags: slices.Clone(tags)}
}

func checkTags(tags []Tag) *errAPI {
	if len(tags) > 20 {
		return apiErr(http.StatusBadRequest, codeTagLimit, "At most 20 tags are allowed.")
	}
	seen := map[string]bool{}
	for _, t := range tags {
		if t.Key == "" || len(t.Key) > 64 || len(t.Value) > 64 {
			return apiErr(http.StatusBadRequest, codeTagKey, "Tag keys must be 1 to 64 characters and values at most 64.")
		}
		if seen[t.Key] {
			return apiErr(http.StatusBadRequest, codeTagKeyDuplicate, "Tag key %q appears twice.", t.Key)
		}
		seen[t.Key] = true
	}
	return nil
}

func checkTagFilters(keys []string, tags []Tag) *errAPI {
	if len(keys) > 20 || len(tags) > 20 {
		return apiErr(http.StatusBadRequest, codeInvalidValue, "tagKeys and tags may hold at most 20 entries each.")
	}
	return nil
}

// hasTags applies the tagKeys and tags filters of a Describe.
func hasTags(have []Tag, keys []string, tags []Tag) bool {
	for _, k := range keys {
		if !slices.ContainsFunc(have, func(t Tag) bool { return t.Key == k }) {
			return false
		}
	}
	for _, want := range tags {
		if !slices.Contains(have, want) {
			return false
		}
	}
	return true
}
