package framework

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// How every Create, Read, Update and Delete of a resource starts and what
// its Read does with an object that is gone, written once.

// A Source reads part of a request (its plan, state or configuration) into
// a model: see Get and GetAttribute.
type Source func(ctx context.Context) diag.Diagnostics

// Get reads all of from (req.Plan, req.State or req.Config) into the model into.
func Get(from interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}, into any) Source {
	return func(ctx context.Context) diag.Diagnostics { return from.Get(ctx, into) }
}

// GetAttribute reads the attribute at p of from into into (a write-only
// attribute, which only the configuration holds).
func GetAttribute(from interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}, p path.Path, into any) Source {
	return func(ctx context.Context) diag.Diagnostics { return from.GetAttribute(ctx, p, into) }
}

// Load is how every Create, Read, Update and Delete of a resource starts:
// it reads each source of the request in turn, then gets the resource's
// API client with client (conns.Client's ZenlayerClient or
// HuaweiCloudClient). It returns nil, with the reason in diags, when a
// read failed (the client is then not asked for) or the client is missing.
func Load[C any](ctx context.Context, diags *diag.Diagnostics, client func(*diag.Diagnostics) *C, sources ...Source) *C {
	for _, read := range sources {
		diags.Append(read(ctx)...)
	}
	if diags.HasError() {
		return nil
	}
	return client(diags)
}

// Timeouts are a resource's default timeouts: those its timeouts
// attribute falls back to when the configuration sets none.
type Timeouts struct{ Create, Update, Delete time.Duration }

// A Deadline is how long one Create, Update or Delete may take: the
// operation's value in the model's timeouts attribute (read when Begin has
// loaded the model), else the resource's default. ResourceBase's
// CreateTimeout, UpdateTimeout and DeleteTimeout make them.
type Deadline struct {
	attr *timeouts.Value
	get  func(timeouts.Value, context.Context, time.Duration) (time.Duration, diag.Diagnostics)
	def  time.Duration
}

// Begin is how every Create, Update and Delete of a resource starts: Load
// (the sources, then the API client), then ctx bounded by the operation's
// deadline. It returns the client (nil, with the reason in diags, when a
// read failed, the client is missing or the timeouts attribute cannot be
// read), the bounded ctx, the timeout (for the waiters) and the cancel
// function of ctx, always callable:
//
//	conn, ctx, timeout, cancel := framework.Begin(ctx, &resp.Diagnostics, r.Client.ZenlayerClient,
//		r.CreateTimeout(&plan.Timeouts), framework.Get(req.Plan, &plan))
//	defer cancel()
//	if conn == nil {
//		return
//	}
func Begin[C any](ctx context.Context, diags *diag.Diagnostics, client func(*diag.Diagnostics) *C, d Deadline,
	sources ...Source,
) (*C, context.Context, time.Duration, context.CancelFunc) {
	conn := Load(ctx, diags, client, sources...)
	if conn == nil {
		return nil, ctx, 0, func() {}
	}
	timeout, dd := d.get(*d.attr, ctx, d.def)
	if diags.Append(dd...); diags.HasError() {
		return nil, ctx, timeout, func() {}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	return conn, ctx, timeout, cancel
}

// Delete is the whole Delete of a resource whose destroy needs only the
// state's id and release_on_destroy (whether the object is also released
// from the recycle bin; null, in a state from before the attribute, is its
// default, true): Begin with the delete deadline, then destroy. A destroy
// that fails while it was to release the object from the recycle bin too
// marks the resource (MarkDestroyUnfinished), so that a refresh does not
// drop an object it left in the bin; the journal holds a record of it
// from its start until it has succeeded, for a destroy whose answer never
// reaches Terraform (its process, or terraform, killed).
func Delete[C any](ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse, r *ResourceBase,
	client func(*diag.Diagnostics) *C, destroy func(ctx context.Context, conn *C, id string, release bool, timeout time.Duration) diag.Diagnostics,
) {
	var id types.String
	var release types.Bool
	var t timeouts.Value
	conn, ctx, timeout, cancel := Begin(ctx, &resp.Diagnostics, client, r.DeleteTimeout(&t), GetAttribute(req.State, path.Root("id"), &id),
		GetAttribute(req.State, path.Root("release_on_destroy"), &release), GetAttribute(req.State, path.Root("timeouts"), &t))
	defer cancel()
	if conn == nil {
		return
	}
	held(id.ValueString())
	releaseFromBin := release.IsNull() || release.ValueBool()
	if !releaseFromBin {
		resp.Diagnostics.Append(destroy(ctx, conn, id.ValueString(), false, timeout)...)
		return
	}
	released := recordRelease(id.ValueString())
	if resp.Diagnostics.Append(destroy(ctx, conn, id.ValueString(), true, timeout)...); resp.Diagnostics.HasError() {
		MarkDestroyUnfinished(ctx, resp.Private, &resp.Diagnostics)
		return // the record stays too: this answer may never reach Terraform
	}
	released()
}

// RemoveGone ends a Read whose object is gone: the read's error is the
// finder's not found (notFound), or the object was read and its status is
// one that gone says is on its way out (released, deleted, in the recycle
// bin). It then logs the warning "<what>, removing it from state" with the
// id and the status, removes the resource from the state (the next plan
// creates it again) and reports true. Otherwise it does nothing and
// reports false.
func RemoveGone[T any](ctx context.Context, resp *resource.ReadResponse, what, id string, obj *T, err error,
	notFound func(error) bool, status func(*T) string, gone func(status string) bool,
) bool {
	if !notFound(err) && (err != nil || !gone(status(obj))) {
		return false
	}
	s := ""
	if obj != nil {
		s = status(obj)
	}
	tflog.Warn(ctx, what+", removing it from state", map[string]any{"id": id, "status": s})
	resp.State.RemoveResource(ctx)
	return true
}

// Deletable ends the first step of a destroy: the wait until the object
// can be destroyed, which answered obj and err. An error fails the destroy
// ("deleting <label> (<id>)"); an object already gone (the zero T, which a
// wait with wait.Gone among its targets answers) needs nothing more and is
// logged. It reports whether the destroy goes on.
func Deletable[T comparable](ctx context.Context, diags *diag.Diagnostics, label, id string, obj T, err error) bool {
	if err != nil {
		diags.AddError(fmt.Sprintf("deleting %s (%s)", label, id), err.Error())
		return false
	}
	var gone T
	if obj == gone {
		tflog.Info(ctx, label+" already gone", map[string]any{"id": id})
		return false
	}
	return true
}
