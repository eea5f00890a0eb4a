package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ListSpec describes a listing data source: its configuration model C, the
// API's items T and the items' model M.
type ListSpec[C, T, M any] struct {
	// What names the listing in errors ("listing ZEC disks").
	What string
	// IDs is the configuration's ids filter, or nil if it has none. A set
	// but empty list answers an empty result without a call.
	IDs func(cfg *C) types.List
	// List asks the API for the items matching cfg (and ids, if set).
	List func(ctx context.Context, cfg *C, ids []string) ([]T, error)
	// Key is an item's id: the result is sorted by it.
	Key func(*T) string
	// Convert makes an item's model.
	Convert func(*T) M
	// Set stores the result in cfg.
	Set func(cfg *C, items []M)
}

// ReadList is the one Read of every listing data source: read the
// configuration, apply the ids filter, list, convert, sort by id, save.
func ReadList[C, T, M any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse, s ListSpec[C, T, M]) {
	var cfg C
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var ids []string
	if s.IDs != nil {
		if l := s.IDs(&cfg); !l.IsNull() && !l.IsUnknown() {
			ids = Strings(ctx, l, &resp.Diagnostics)
			if resp.Diagnostics.HasError() {
				return
			}
			if len(ids) == 0 {
				s.Set(&cfg, []M{})
				resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
				return
			}
		}
	}
	items, err := s.List(ctx, &cfg, ids)
	if err != nil {
		resp.Diagnostics.AddError(s.What, err.Error())
		return
	}
	s.Set(&cfg, SortedBy(items, s.Key, s.Convert))
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
