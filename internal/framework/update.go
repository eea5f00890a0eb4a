package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Partial is what an Update that runs several API steps has made true so
// far. Each step that succeeds records itself in Cur; when a later step
// fails, Fail reports the error and saves Cur as the state, so that the
// next plan starts from what the cloud really holds, not from the old
// state (nothing done is planned again) nor from the plan (nothing failed
// is taken as done).
type Partial[M any] struct {
	// Cur starts as the prior state and follows the steps.
	Cur      M
	ctx      context.Context
	resp     *resource.UpdateResponse
	identify Identifier
}

// NewPartial starts a Partial from the prior state; identify (the
// resource's Identify) sets the identity whenever it is saved.
func NewPartial[M any](ctx context.Context, resp *resource.UpdateResponse, identify Identifier, state M) *Partial[M] {
	return &Partial[M]{Cur: state, ctx: ctx, resp: resp, identify: identify}
}

// Fail reports a failed step and saves what succeeded before it.
func (p *Partial[M]) Fail(summary string, err error) {
	p.resp.Diagnostics.AddError(summary, err.Error())
	p.Save()
}

// Private is the response's private state, for a mark that a failed
// step must leave to the next Update (KeepStepMark).
func (p *Partial[M]) Private() PrivateSetter { return p.resp.Private }

// Save stores Cur as the resource's state, and its identity (Terraform
// before 1.12 sends none to keep).
func (p *Partial[M]) Save() {
	var diags diag.Diagnostics
	if diags.Append(p.resp.State.Set(p.ctx, &p.Cur)...); !diags.HasError() {
		var id types.String
		if diags.Append(p.resp.State.GetAttribute(p.ctx, path.Root("id"), &id)...); !diags.HasError() && p.identify != nil {
			p.identify(p.ctx, id.ValueString(), p.resp.Identity, &diags)
		}
	}
	p.resp.Diagnostics.Append(diags...)
}

// ReadBack reads object id back with its Finder's Find once the steps of
// the Update are done. When that fails it reports "reading <f.Label>
// (<id>) after update", saves Cur and reports false.
func ReadBack[M, C, T any](p *Partial[M], f Finder[C, T], conn *C, id string) (*T, bool) {
	obj, err := f.Find(conn, p.ctx, id)
	if err != nil {
		p.Fail("reading "+f.Label+" ("+id+") after update", err)
		return obj, false
	}
	return obj, true
}
