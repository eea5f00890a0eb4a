package framework

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// A Ctrl-C while Create waits for a new machine to be built must not cost
// a reinstall. Terraform taints whatever a Create returns with an error,
// and the next apply then destroys and re-orders it: for bare metal that is
// a new server, and hours of provisioning thrown away. So when the wait
// after a successful create is interrupted (not timed out: a timeout is
// the user's own limit and still taints), Create returns the object
// untainted, with what is known of it, a warning, and a mark in the
// resource's private state. The next plan sees the mark and plans an
// in-place update (its status "known after apply"); that update waits for
// the build to finish, does what the interrupted Create had left to do
// (stop it, if the configuration wants it stopped), and clears the mark.
// A build that ends in failure is reported then, and the status check of
// each resource replaces the failed object as before.

// privateUnfinishedKey is the private-state key of the mark.
const privateUnfinishedKey = "create_unfinished"

// unfinishedMark is what the mark records.
type unfinishedMark struct {
	Since   time.Time `json:"since"`
	Waiting string    `json:"waiting_for"`
}

// Interrupted reports whether ctx ended because the run was stopped
// (Ctrl-C: Terraform's StopProvider cancels every call) rather than by the
// operation's own timeout.
func Interrupted(ctx context.Context) bool {
	return ctx.Err() != nil && !errors.Is(context.Cause(ctx), context.DeadlineExceeded)
}

// PrivateSetter is the framework's private state of a response.
type PrivateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// PrivateGetter is the framework's private state of a request.
type PrivateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// MarkCreateUnfinished marks the resource: its create was interrupted while
// it waited for what, and the next apply finishes it. It also warns the user.
func MarkCreateUnfinished(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics, label, id, what string) {
	b, _ := json.Marshal(unfinishedMark{Since: time.Now().UTC(), Waiting: what})
	diags.Append(p.SetKey(ctx, privateUnfinishedKey, b)...)
	diags.AddWarning(fmt.Sprintf("%s (%s) was created; waiting for it was interrupted", label, id),
		fmt.Sprintf("The %s exists and is kept in the state, not tainted: it was still %s when the run was interrupted. "+
			"The next apply does not replace it: it plans an in-place update that waits for the build to finish.", label, what))
}

// CreateUnfinished reports whether the resource carries the mark.
func CreateUnfinished(ctx context.Context, p PrivateGetter, diags *diag.Diagnostics) bool {
	if p == nil {
		return false
	}
	b, d := p.GetKey(ctx, privateUnfinishedKey)
	diags.Append(d...)
	return len(b) > 0
}

// ClearCreateUnfinished removes the mark (the update finished the create).
func ClearCreateUnfinished(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics) {
	diags.Append(p.SetKey(ctx, privateUnfinishedKey, nil)...)
}

// PlanFinishCreate, called from ModifyPlan, plans an in-place update of a
// resource whose create was interrupted: status becomes known after apply,
// so that Update runs and finishes the create. It reports whether it did.
func PlanFinishCreate(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, status path.Path) bool {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || !CreateUnfinished(ctx, req.Private, &resp.Diagnostics) {
		return false
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, status, types.StringUnknown())...)
	return true
}

// DetachedFind reads an object after ctx has ended (the run was
// interrupted), on a short context of its own, so that what the cloud made
// can still be put in the state.
func DetachedFind[T any](ctx context.Context, find func(context.Context, string) (T, error), id string) (T, error) {
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 20*time.Second)
	defer cancel()
	return find(dctx, id)
}

// CreateWaitFailed ends a Create whose wait for the new object failed
// with err. When the run was interrupted (Ctrl-C, see Interrupted) and the
// object can still be read (find, on a detached context), keep saves it in
// the state as it is and says what it was doing ("being built (STATUS)"):
// it stays untainted, with the mark that makes the next apply finish the
// create. Otherwise the error is reported, "waiting for <label> (<id>) to
// be created", with err and then tainted, which says why the object stays
// in the state, tainted, and what the next apply does with it.
func CreateWaitFailed[T any](ctx context.Context, resp *resource.CreateResponse, label, id string, err error,
	find func(context.Context, string) (T, error), keep func(T) (what string), tainted string,
) {
	if Interrupted(ctx) {
		if obj, ferr := DetachedFind(ctx, find, id); ferr == nil {
			MarkCreateUnfinished(ctx, resp.Private, &resp.Diagnostics, label, id, keep(obj))
			return
		}
	}
	resp.Diagnostics.AddError(fmt.Sprintf("waiting for %s (%s) to be created", label, id), err.Error()+"\n\n"+tainted)
}

// FinishCreate, at the start of Update, finishes a create that Ctrl-C cut
// short (see CreateWaitFailed). When the resource carries the mark, it
// waits for the build with wait, hands what it waited for to keep, which
// makes it the baseline of the update (false when that failed, with the
// reason in resp), and clears the mark. A wait that fails is reported as
// "waiting for <label> (<id>) to be created". It reports whether Update
// goes on.
func FinishCreate[T any](ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse, label, id string,
	wait func() (T, error), keep func(T) bool,
) bool {
	if !CreateUnfinished(ctx, req.Private, &resp.Diagnostics) {
		return true
	}
	tflog.Info(ctx, "finishing the interrupted create of "+label, map[string]any{"id": id})
	obj, err := wait()
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("waiting for %s (%s) to be created", label, id), err.Error())
		return false
	}
	if !keep(obj) {
		return false
	}
	ClearCreateUnfinished(ctx, resp.Private, &resp.Diagnostics)
	return true
}
