package zenlayer

import "sort"

// TagFilters filter a Describe (DescribeDisks, DescribeInstances, BMC
// DescribeInstances, DescribeImages) by tag: TagKeys by key, Tags by key
// and value (a flat list). Each takes at most 20.
type TagFilters struct {
	TagKeys []string `json:"tagKeys,omitempty"`
	Tags    []Tag    `json:"tags,omitempty"`
}

// TagFilter is the tags filter of a Describe (DescribeDisks,
// DescribeInstances, BMC DescribeInstances) for key/value pairs, in key
// order so that the same filters make the same request.
func TagFilter(pairs map[string]string) []Tag {
	if len(pairs) == 0 {
		return nil
	}
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tags := make([]Tag, 0, len(keys))
	for _, k := range keys {
		tags = append(tags, Tag{Key: k, Value: pairs[k]})
	}
	return tags
}
