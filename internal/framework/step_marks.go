package framework

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// A step of an Update that is not idempotent (a BMC reinstall, which wipes
// the machine's disks) must not be sent twice because its provider was
// killed while it waited for the step to end: Terraform would keep the
// prior state, and the next plan would ask for the same step again. So
// once such a step is accepted, the Update holds the mark of it (Sent,
// with a digest of what was sent); a refresh after the provider died puts
// it back, and the next plan and Update see (Resumed) that this very step,
// with these very arguments, is already under way: they wait for it
// instead of sending it again. A run that Ctrl-C or an error stops saves
// what the step did in the state, and needs no mark.
//
// A provider killed while the step's call is in flight (sent, its answer
// not yet read) leaves a mark too, held before the call goes out
// (Sending): the step may or may not have been accepted. The next Update
// finds it (Unanswered) with what the object showed before the call, and
// reads the object: a sign of the step (its status, or what it shows
// changed) makes it wait for the step; none, and the step is sent.

// sentMark is the mark of a step sent.
const sentMark privateMark = "step_sent"

// sentStep is what the mark records.
type sentStep struct {
	Step   string `json:"step"`
	Digest string `json:"digest"`
	// Unanswered: the call was going out and its answer had not come
	// (Sending); Before is what the object showed before it.
	Unanswered bool   `json:"unanswered,omitempty"`
	Before     string `json:"before,omitempty"`
}

// Sending holds the mark of step, about to be sent with arguments of
// digest to an object that shows before, until the Update returns or
// Sent replaces it.
func (h *Marks) Sending(step, digest, before string) {
	h.marks[string(sentMark)], _ = json.Marshal(sentStep{Step: step, Digest: digest, Unanswered: true, Before: before})
	h.write()
}

// Sent holds the mark of step, accepted with arguments of digest, until
// the Update returns.
func (h *Marks) Sent(step, digest string) {
	h.marks[string(sentMark)], _ = json.Marshal(sentStep{Step: step, Digest: digest})
	h.write()
}

// StepMark is what the mark of a step says (StepMarkOf): nothing, the
// step sent and accepted (Accepted), or sent with its answer never read
// (Unanswered; the object showed Before).
type StepMark struct {
	Accepted, Unanswered bool
	Before               string
}

// StepMarkOf is the mark of step with arguments of digest that p carries
// (left by an Update whose provider died before it returned).
func StepMarkOf(ctx context.Context, p PrivateGetter, step, digest string) StepMark {
	var s sentStep
	b, diags := p.GetKey(ctx, string(sentMark))
	if diags.HasError() || len(b) == 0 || json.Unmarshal(b, &s) != nil || s.Step != step || s.Digest != digest {
		return StepMark{}
	}
	return StepMark{Accepted: !s.Unanswered, Unanswered: s.Unanswered, Before: s.Before}
}

// Resumed reports whether p carries the mark of step sent with arguments
// of digest and accepted.
func Resumed(ctx context.Context, p PrivateGetter, step, digest string) bool {
	return StepMarkOf(ctx, p, step, digest).Accepted
}

// KeepStepMark sets the mark m of step with arguments of digest again in
// p: the Update that found it (and cleared it, ClearSent) could not tell
// what it means, and leaves it to the next one.
func KeepStepMark(ctx context.Context, p PrivateSetter, step, digest string, m StepMark, diags *diag.Diagnostics) {
	b, _ := json.Marshal(sentStep{Step: step, Digest: digest, Unanswered: m.Unanswered, Before: m.Before})
	sentMark.set(ctx, p, b, diags)
}

// ClearSent removes the mark: the Update that found it has read it.
func ClearSent(ctx context.Context, p PrivateSetter, diags *diag.Diagnostics) {
	sentMark.set(ctx, p, nil, diags)
}

// restoreMarks is Read's side: the marks that an Update of object id held
// when its process died, and that the request's private state (in) has
