package zentags

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// ListFilters are the tags and tag_keys arguments of a Zenlayer list block
// of what ("disks"): the Describe actions take at most 20 of each, keys of
// 1 to 64 characters.
func ListFilters(what string) framework.Filters { return framework.TagFilters(what, 20, 64) }

// ListTags are the values of the ListFilters as the Describe actions take
// them (tags and tagKeys), or the error of one that cannot be read.
func ListTags(ctx context.Context, tags types.Map, keys types.List) ([]zenlayer.Tag, []string, error) {
	m, k, err := framework.TagFilterValues(ctx, tags, keys)
	return zenlayer.TagFilter(m), k, err
}
