package framework

import (
	"context"
	"errors"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// privateMap is a private state for keepInBin.
type privateMap map[string][]byte

func (p privateMap) GetKey(_ context.Context, key string) ([]byte, diag.Diagnostics) {
	return p[key], nil
}
func (p privateMap) SetKey(_ context.Context, key string, value []byte) diag.Diagnostics {
	if value == nil {
		delete(p, key)
	} else {
		p[key] = value
	}
	return nil
}

// Read keeps an object in the bin only with the mark on, and clears a mark
// that has served; an error other than not found changes nothing.
func TestKeepInBin(t *testing.T) {
	type obj struct{ status string }
	errNotFound, errOther := errors.New("not found"), errors.New("503")
	f := Finder[struct{}, obj]{
		Label: "thing", Status: func(o *obj) string { return o.status }, NotFound: func(err error) bool { return errors.Is(err, errNotFound) },
		InBin: func(s string) bool { return s == "RECYCLED" },
	}
	for _, tc := range []struct {
		name            string
		marked, noInBin bool
		obj             *obj
		err             error
		kept, markAfter bool
	}{
		{name: "no mark, in the bin", obj: &obj{"RECYCLED"}},
		{name: "marked, in the bin", marked: true, obj: &obj{"RECYCLED"}, kept: true, markAfter: true},
		{name: "marked, finder without InBin", marked: true, noInBin: true, obj: &obj{"RECYCLED"}, markAfter: true},
		{name: "marked, restored", marked: true, obj: &obj{"AVAILABLE"}},
		{name: "marked, gone", marked: true, err: errNotFound},
		{name: "marked, read failed", marked: true, err: errOther, markAfter: true},
	} {
		ctx, p := context.Background(), privateMap{}
		var diags diag.Diagnostics
		if tc.marked {
			MarkDestroyUnfinished(ctx, p, &diags)
		}
		g := f
		if tc.noInBin {
			g.InBin = nil
		}
		kept := g.keepInBin(ctx, p, p, &diags, "t-1", tc.obj, tc.err)
		if mark := DestroyUnfinished(ctx, p, &diags); kept != tc.kept || mark != tc.markAfter || diags.HasError() {
			t.Errorf("%s: kept %v (want %v), mark after %v (want %v), diags %v", tc.name, kept, tc.kept, mark, tc.markAfter, diags)
		}
	}
}
