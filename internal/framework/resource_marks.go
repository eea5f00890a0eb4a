package framework

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
)

// The marks a resource's operation leaves in its private state for the
// next plan and Update: the import mark (an import adopts, never changes,
// what the API never reports), the mark of a create cut short (the next
// apply finishes it instead of replacing the object) and the mark of a
// destroy cut short with its object in the recycle bin (the next destroy
// releases it from there instead of losing it); and how the marks outlive
// a provider killed in the middle of an Update (HoldMarks, at the end; the
// mark of a step sent is step_marks.go's).

// PrivateSetter is the framework's private state of a response.
type PrivateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// PrivateGetter is the framework's private state of a request.
type PrivateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// A privateMark is the private-state key of a mark.
type privateMark string

// set sets the mark to value (nil removes it).
func (m privateMark) set(ctx context.Context, p PrivateSetter, value []byte, diags *diag.Diagnostics) {
	diags.Append(p.SetKey(ctx, string(m), value)...)
}

// on reports whether p (nil: none) carries the mark.
func (m privateMark) on(ctx context.Context, p PrivateGetter, diags *diag.Diagnostics) bool {
	if p == nil {
		return false
	}
	b, d := p.GetKey(ctx, string(m))
	diags.Append(d...)
	return len(b) > 0
}

// An import must never change the object it adopts. The API never reports
// some arguments (write-only passwords and their versions, SSH keys, what
// a destroy does): after an import the state has none of them, and the
// configuration's values would otherwise read as changes, some of which
// reset a password or replace a machine. So ImportState marks the resource
// in its private state; while the mark is there, those arguments' values
// are adopted from the configuration (they never ask for a replacement),
// and an Update whose only changes are such adoptions saves them without
// calling the API. The first Update after the import clears the mark.

// importedMark is the import mark.
const importedMark privateMark = "imported"

// MarkImported marks the resource as imported (ImportState).
func MarkImported(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics) {
	importedMark.set(ctx, p, []byte(`true`), diags)
}

// Imported reports whether the resource carries the import mark.
func Imported(ctx context.Context, p PrivateGetter) bool {
	var diags diag.Diagnostics // an unreadable mark is no mark
	return importedMark.on(ctx, p, &diags) && !diags.HasError()
}

// AdoptImported starts every Update, after HoldMarks. It reports whether
// the resource was imported (and clears the mark: the request's private
// state is the response's, so the Update must use this answer, not
// Imported, to know it), and whether the Update is done: when the plan of
// an imported resource differs from the state only in adopted (the
// arguments the API never reports), it saves the plan (and the identity,
// with identify) without calling the API. Otherwise the Update goes on,
// and must not act on a change of an adopted argument of an imported
// resource (a password version, say) other than saving it.
func AdoptImported(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse, identify Identifier, adopted ...path.Path) (done, imported bool) {
	if !Imported(ctx, req.Private) {
		return false, false
	}
	importedMark.set(ctx, resp.Private, nil, &resp.Diagnostics)
	changed, diags := changedAttributes(ctx, req)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return true, true
	}
	for name := range changed {
		if !slices.ContainsFunc(adopted, path.Root(name).Equal) {
			return false, true
		}
	}
	tflog.Info(ctx, "adopting the configuration's values after an import, without calling the API", map[string]any{"attributes": fmt.Sprint(slices.Collect(maps.Keys(changed)))})
	resp.State.Raw = req.State.Raw.Copy()
	for name, v := range changed {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	identify(ctx, id.ValueString(), resp.Identity, &resp.Diagnostics)
	return true, true
}

// changedAttributes are the top-level attributes whose planned value is
// known and not the state's, with that value. A computed attribute the
// plan leaves unknown (known after apply) keeps the state's value.
func changedAttributes(ctx context.Context, req resource.UpdateRequest) (map[string]attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	changed := map[string]attr.Value{}
	for name := range req.Plan.Schema.GetAttributes() {
		p := path.Root(name)
		var planned, prior attr.Value
		diags.Append(req.Plan.GetAttribute(ctx, p, &planned)...)
		diags.Append(req.State.GetAttribute(ctx, p, &prior)...)
		if diags.HasError() {
			return nil, diags
		}
		if !planned.IsUnknown() && !planned.Equal(prior) {
			changed[name] = planned
		}
	}
	return changed, diags
}

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

// unfinishedCreateMark is the mark of a create cut short.
const unfinishedCreateMark privateMark = "create_unfinished"

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

// MarkCreateUnfinished marks the resource: its create was interrupted while
// it waited for what, and the next apply finishes it. It also warns the user.
func MarkCreateUnfinished(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics, label, id, what string) {
	b, _ := json.Marshal(unfinishedMark{Since: time.Now().UTC(), Waiting: what})
	unfinishedCreateMark.set(ctx, p, b, diags)
	diags.AddWarning(fmt.Sprintf("%s (%s) was created; waiting for it was interrupted", label, id),
		fmt.Sprintf("The %s exists and is kept in the state, not tainted: it was still %s when the run was interrupted. "+
			"The next apply does not replace it: it plans an in-place update that finishes the create.", label, what))
}

// CreateUnfinished reports whether the resource carries the mark.
func CreateUnfinished(ctx context.Context, p PrivateGetter, diags *diag.Diagnostics) bool {
	return unfinishedCreateMark.on(ctx, p, diags)
}

// ClearCreateUnfinished removes the mark (the update finished the create).
func ClearCreateUnfinished(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics) {
	unfinishedCreateMark.set(ctx, p, nil, diags)
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
	CreateStepFailed(ctx, resp, fmt.Sprintf("waiting for %s (%s) to be created", label, id), label, id, err, find, keep, tainted)
}

// CreateStepFailed is CreateWaitFailed for a step of a Create after the
// object is built (a power-off the configuration asks for, its tags), which
// failed with err: Ctrl-C during that step must not cost the object either
// (a tainted machine is destroyed and ordered again by the next apply), so
// it too is kept untainted, marked, and the next apply finishes the create
// (an in-place update: the wait for the build, which then accepts every
// settled status, and the rest of the configuration). Any other failure is
// reported as summary, with err and then tainted.
func CreateStepFailed[T any](ctx context.Context, resp *resource.CreateResponse, summary, label, id string, err error,
	find func(context.Context, string) (T, error), keep func(T) (what string), tainted string,
) {
	if Interrupted(ctx) {
		if obj, ferr := DetachedFind(ctx, find, id); ferr == nil {
			MarkCreateUnfinished(ctx, resp.Private, &resp.Diagnostics, label, id, keep(obj))
			return
		}
	}
	resp.Diagnostics.AddError(summary, err.Error()+"\n\n"+tainted)
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

// A destroy cut short must not lose its object. On an account with a
// recycle bin a destroy is two releases: the first moves the object into
// the bin, the second frees it. When the destroy stops between them (an
// error, its timeout, Ctrl-C), Terraform keeps the resource; but its next
// refresh finds the object in the bin, a status Read takes for gone, and
// drops it: the next destroy has nothing left to release, and the object
// stays in the bin, out of Terraform's hands, although the configuration
// asked for its release (release_on_destroy).
//
// So a Delete that fails while it was to release the object from the bin
// too leaves a mark in the resource's private state (Terraform keeps what
// a failed Delete returns). While the mark is there, Read keeps an object
// found in the bin (Finder.InBin) in the state, as it is, and the next plan
// replaces it (PlanFinishDestroy): the destroy half of the replacement, or
// the next destroy, releases it from the bin. Read clears the mark once
// the object is found anywhere else, or gone. A process killed in the
// middle of a destroy answers nothing, so leaves no mark: the journal's
// record of the release in flight (journal.BeginRelease, written by
// Delete, removed once the object is released) stands in for it, and the
// next Read that finds the object in the bin turns it into the mark.

// unfinishedDestroyMark is the mark of a destroy cut short.
const unfinishedDestroyMark privateMark = "destroy_unfinished"

// MarkDestroyUnfinished marks the resource: its destroy failed before the
// object was released from the recycle bin.
func MarkDestroyUnfinished(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics) {
	unfinishedDestroyMark.set(ctx, p, []byte(`true`), diags)
}

// DestroyUnfinished reports whether the resource carries the mark.
func DestroyUnfinished(ctx context.Context, p PrivateGetter, diags *diag.Diagnostics) bool {
	return unfinishedDestroyMark.on(ctx, p, diags)
}

// recordRelease writes the journal's record of the release from the bin
// that a Delete is about to make of object id, for a destroy whose answer
// never reaches Terraform, so leaves no mark: its provider killed, or
// terraform killed (its provider then sees its calls cancelled and
// returns into the void). It returns the function that removes the record
// once the object is released; a failed destroy keeps it, and the next
// Read clears it when the object is out of the bin, or gone.
func recordRelease(id string) (released func()) {
	j, _ := journal.Open() // a journal that cannot be written keeps nothing; creates warn of it
	return j.BeginRelease(id).Done
}

// keepInBin is Read's side of the mark (in Read's request, in, and
// response, out) and of the journal's record of a release in flight (a
// destroy whose process was killed, which left no mark), with the object
// it read (obj, err): it reports whether Read keeps the object, found in
// the recycle bin with either on, rather than drop it as gone. A record
// becomes the mark, so that the next plan replaces the object. Both are
// cleared once they have served (the object is elsewhere, or gone); an
// error other than not found changes nothing.
func (f Finder[C, T]) keepInBin(ctx context.Context, in PrivateGetter, out PrivateSetter, diags *diag.Diagnostics, id string, obj *T, err error) bool {
	marked, pending := DestroyUnfinished(ctx, in, diags), journal.ReleasePending(id)
	switch {
	case f.InBin == nil: // its Read keeps what is in the bin anyway
		if pending {
			journal.ForgetRelease(id)
		}
		return false
	case !marked && !pending:
		return false
	case err == nil && f.InBin(f.Status(obj)):
		tflog.Warn(ctx, f.Label+" is in the recycle bin and its destroy did not finish: kept in state, for the next destroy to release it",
			map[string]any{"id": id, "status": f.Status(obj), "killed_destroy": pending && !marked})
		if !marked {
			MarkDestroyUnfinished(ctx, out, diags)
		}
		return true
	case err == nil || f.NotFound(err):
		unfinishedDestroyMark.set(ctx, out, nil, diags)
		journal.ForgetRelease(id)
	}
	return false
}

// PlanFinishDestroy, called from ModifyPlan, replaces a resource whose last
// destroy stopped with its object in the recycle bin (the mark, and a state
// status that f.InBin says is the bin's, the same rule as Read's): status
// becomes known after apply and requires the replacement, whose destroy
// half releases the object from the bin. It warns, and reports whether it
// did.
func (f Finder[C, T]) PlanFinishDestroy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, status path.Path) bool {
	if f.InBin == nil || req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || !DestroyUnfinished(ctx, req.Private, &resp.Diagnostics) {
		return false
	}
	var id, st types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, status, &st)...)
	if resp.Diagnostics.HasError() || !f.InBin(st.ValueString()) {
		return false
	}
	PlanReplace(ctx, resp, status, fmt.Sprintf("%s (%s) is in the recycle bin: its destroy did not finish", f.Label, id.ValueString()),
		fmt.Sprintf("An earlier destroy moved %s %s into the recycle bin (status %s) and stopped before releasing it from there, "+
			"as release_on_destroy asks. This plan replaces it: the old one is released from the bin, and a new one is created. "+
			"A destroy releases it without a replacement.", f.Label, id.ValueString(), st.ValueString()))
	return true
}

// PlanReplace, called from ModifyPlan, replaces the resource through its
// status attribute: the status becomes known after apply and requires the
// replacement. A summary (none: no warning) and detail say why.
func PlanReplace(ctx context.Context, resp *resource.ModifyPlanResponse, status path.Path, summary, detail string) {
	if summary != "" {
		resp.Diagnostics.AddWarning(summary, detail)
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, status, types.StringUnknown())...)
	resp.RequiresReplace = append(resp.RequiresReplace, status)
}

// A provider killed in the middle of an Update must not lose the marks
// of its resource. Terraform saves a resource's private state only from
// what the provider answers: when the provider process dies during an
// Update, Terraform keeps the object's prior value with no private state
// at all. The import mark lost that way would make the next plan act on
// the arguments the import adopted (a user_data that replaces the
// machine, SSH keys that reinstall it, a password version that resets the
// password). So every Update holds its request's marks in the journal
// (HoldMarks) until it returns, and Read puts back the marks of an Update
// whose process died (restoreMarks). The journal is the working
// directory's: a run elsewhere (another checkout, a fresh CI runner)
// does not see it, and a plan with -refresh=false reads nothing.

// updateMarks are the marks an Update may find in its request.
var updateMarks = []privateMark{importedMark, unfinishedCreateMark, unfinishedDestroyMark, sentMark}

// Marks are the marks an Update holds in the journal until it returns.
type Marks struct {
	id     string
	marks  map[string][]byte
	j      *journal.Journal // opened at the first mark to hold
	opened bool
	rec    *journal.Record
}

// HoldMarks starts every Update: it records the marks its request
// carries, if any, until Done, which the Update defers:
// `defer framework.HoldMarks(ctx, req).Done()`.
func HoldMarks(ctx context.Context, req resource.UpdateRequest) *Marks {
	var id types.String
	_ = req.State.GetAttribute(ctx, path.Root("id"), &id) // no id: nothing is held
	return holdMarks(ctx, req.Private, id.ValueString())
}

// holdMarks records the marks of object id that p carries.
func holdMarks(ctx context.Context, p PrivateGetter, id string) *Marks {
	h := &Marks{id: id, marks: map[string][]byte{}}
	for _, m := range updateMarks {
		if b, diags := p.GetKey(ctx, string(m)); !diags.HasError() && len(b) > 0 {
			h.marks[string(m)] = b
		}
	}
	h.write()
	return h
}

// write records the marks held, if any.
func (h *Marks) write() {
	if len(h.marks) == 0 || h.id == "" {
		return
	}
	if !h.opened {
		h.j, _ = journal.Open() // a journal that cannot be written keeps nothing; creates warn of it
		h.opened = true
	}
	if rec := h.j.HoldMarks(h.id, h.marks); rec != nil {
		h.rec = rec
	}
}

// Done removes the record: the Update has returned, and what it answered
// (its marks cleared or kept, its state) is Terraform's. Unless that
// terraform has ended (killed: its provider sees the Update cancelled and
// returns into the void), which saves nothing: the record stays, and
// serves the next refresh once this process has ended too.
func (h *Marks) Done() {
	if !journal.TerraformEnded() {
		h.rec.Done()
	}
}

// lost, are set again in the response's (out).
func restoreMarks(ctx context.Context, in PrivateGetter, out PrivateSetter, diags *diag.Diagnostics, id string) {
	lost := journal.LostMarks(id)
	for _, key := range slices.Sorted(maps.Keys(lost)) {
		if b, d := in.GetKey(ctx, key); d.HasError() || len(b) > 0 {
			delete(lost, key)
			continue
		}
		privateMark(key).set(ctx, out, lost[key], diags)
	}
	if len(lost) > 0 {
		tflog.Warn(ctx, "an update of this object ended with its provider process, which loses its private state: its marks are put back",
			map[string]any{"id": id, "marks": fmt.Sprint(slices.Sorted(maps.Keys(lost)))})
	}
}
