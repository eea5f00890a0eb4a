package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Partial is what an Update that runs several API steps has made true so
// far. Each step that succeeds records itself in Cur; when a later step
// fails, Fail reports the error and saves Cur as the state, so that the
// next plan starts from what the cloud really holds, not from the old
// state (nothing done is planned again) nor from the plan (nothing failed
// is taken as done).
type Partial[M any] struct {
	// Cur starts as the prior state and follows the steps.
	Cur  M
	ctx  context.Context
	resp *resource.UpdateResponse
}

// NewPartial starts a Partial from the prior state.
func NewPartial[M any](ctx context.Context, resp *resource.UpdateResponse, state M) *Partial[M] {
	return &Partial[M]{Cur: state, ctx: ctx, resp: resp}
}

// Fail reports a failed step and saves what succeeded before it.
func (p *Partial[M]) Fail(summary string, err error) {
	p.resp.Diagnostics.AddError(summary, err.Error())
	p.Save()
}

// Save stores Cur as the resource's state.
func (p *Partial[M]) Save() {
	p.resp.Diagnostics.Append(p.resp.State.Set(p.ctx, &p.Cur)...)
}
