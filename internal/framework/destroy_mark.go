package framework

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

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
// the object is found anywhere else, or gone.

// unfinishedDestroyMark is the mark of a destroy cut short.
const unfinishedDestroyMark privateMark = "destroy_unfinished"

// destroyMark is what the mark records.
type destroyMark struct {
	Since time.Time `json:"since"`
}

// MarkDestroyUnfinished marks the resource: its destroy failed before the
// object was released from the recycle bin.
func MarkDestroyUnfinished(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics) {
	b, _ := json.Marshal(destroyMark{Since: time.Now().UTC()})
	unfinishedDestroyMark.set(ctx, p, b, diags)
}

// DestroyUnfinished reports whether the resource carries the mark.
func DestroyUnfinished(ctx context.Context, p PrivateGetter, diags *diag.Diagnostics) bool {
	return unfinishedDestroyMark.on(ctx, p, diags)
}

// keepInBin is Read's side of the mark (in Read's request, in, and
// response, out), with the object it read (obj, err): it reports whether
// Read keeps the object, found in the recycle bin with the mark on, rather
// than drop it as gone; it clears a mark that has served (the object is
// elsewhere, or gone). An error other than not found changes nothing.
func (f Finder[C, T]) keepInBin(ctx context.Context, in PrivateGetter, out PrivateSetter, diags *diag.Diagnostics, id string, obj *T, err error) bool {
	if f.InBin == nil || !DestroyUnfinished(ctx, in, diags) {
		return false
	}
	switch {
	case err == nil && f.InBin(f.Status(obj)):
		tflog.Warn(ctx, f.Label+" is in the recycle bin and its destroy did not finish: kept in state, for the next destroy to release it",
			map[string]any{"id": id, "status": f.Status(obj)})
		return true
	case err == nil || f.NotFound(err):
		unfinishedDestroyMark.set(ctx, out, nil, diags)
	}
	return false
}

// PlanFinishDestroy, called from ModifyPlan, replaces a resource whose last
// destroy stopped with its object in the recycle bin (the mark, and a state
// status that inBin says is the bin's): status becomes known after apply
// and requires the replacement, whose destroy half releases the object
// from the bin. It warns, and reports whether it did.
func PlanFinishDestroy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, label string,
	status path.Path, inBin func(string) bool,
) bool {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || !DestroyUnfinished(ctx, req.Private, &resp.Diagnostics) {
		return false
	}
	var id, st types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, status, &st)...)
	if resp.Diagnostics.HasError() || !inBin(st.ValueString()) {
		return false
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, status, types.StringUnknown())...)
	resp.RequiresReplace = append(resp.RequiresReplace, status)
	resp.Diagnostics.AddWarning(fmt.Sprintf("%s (%s) is in the recycle bin: its destroy did not finish", label, id.ValueString()),
		fmt.Sprintf("An earlier destroy moved %s %s into the recycle bin (status %s) and stopped before releasing it from there, "+
			"as release_on_destroy asks. This plan replaces it: the old one is released from the bin, and a new one is created. "+
			"A destroy releases it without a replacement.", label, id.ValueString(), st.ValueString()))
	return true
}
