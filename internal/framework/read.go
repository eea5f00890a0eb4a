package framework

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
)

// A Finder is how a resource's object is read back from its API (conn is
// the cloud's client C, T the API's object): one per resource, beside its
// wait functions, used by its Read and its waits (wait.go), and by
// whatever else reads the object by id.
type Finder[C, T any] struct {
	// Label names the object's kind in messages ("ZEC disk").
	Label string
	// Read reads the object id for Read: a method expression of the
	// client, such as (*zenlayer.Client).ReadDisk; Find reads it for the
	// waits, uncached, such as (*zenlayer.Client).FindDisk.
	Read func(conn *C, ctx context.Context, id string) (*T, error)
	Find func(conn *C, ctx context.Context, id string) (*T, error)
	// NotFound tells the finder's not-found error.
	NotFound func(error) bool
	// Status is the object's status.
	Status func(*T) string
	// Gone tells a status of an object on its way out (released, deleted):
	// Read then removes the resource from the state. InBin, when set, tells
	// those of an object on its way into or in the recycle bin, which a
	// release from the bin frees: Read keeps such an object in the state
	// while its last destroy is unfinished (resource_marks.go).
	Gone  func(status string) bool
	InBin func(status string) bool
	// ID is the object's id and Name its name (how a listing sorts and
	// shows it).
	ID, Name func(*T) string
}

// ReadResource is the one Read of every resource: it reads the state into
// a model M, sets the identity of the state's id with identify (the
// resource's Identify; before the read, so that a resource dropped as gone
// has one too, and an identity the provider's configuration cannot reach
// is refused before the object is looked for there), reads the object by
// the state's id with f, removes the resource from the state when the
// object is gone (RemoveGone; but not an object in the recycle bin whose
// destroy is unfinished, see resource_marks.go), else puts back the marks
// of an Update that died with its provider (resource_marks.go), sets
// the model from the object with set (the model's fromAPI, which also
// gives the arguments the API does not report their defaults after an
// import) and saves it.
func ReadResource[M, C, T any](ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, identify Identifier,
	client func(*diag.Diagnostics) *C, f Finder[C, T], set func(m *M, ctx context.Context, obj *T, diags *diag.Diagnostics),
) {
	var state M
	var id types.String
	conn := Load(ctx, &resp.Diagnostics, client, Get(req.State, &state), GetAttribute(req.State, path.Root("id"), &id))
	if conn == nil {
		return
	}
	if identify(ctx, id.ValueString(), resp.Identity, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	held(id.ValueString())
	obj, err := f.Read(conn, ctx, id.ValueString())
	if !f.keepInBin(ctx, req.Private, resp.Private, &resp.Diagnostics, id.ValueString(), obj, err) && RemoveGone(ctx, resp, f.Label+" not found or on its way out", id.ValueString(), obj, err, f.NotFound, f.Status, f.Gone) {
		journal.ForgetMarks(id.ValueString())
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("reading %s (%s)", f.Label, id.ValueString()), err.Error())
		return
	}
	restoreMarks(ctx, req.Private, resp.Private, &resp.Diagnostics, id.ValueString())
	if set(&state, ctx, obj, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
