package framework

import (
	"context"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
)

// Keep is an attribute that GuardedCreate saves in the state with a new
// object's id: what Delete needs to destroy it as configured.
type Keep struct {
	Path  path.Path
	Value any
}

// GuardedCreate is the create of every resource: it sends the create
// through the one create guard (journal.Create, which never sends a create
// twice blindly), adds the guard's warnings to resp, and saves the object
// in the state, and its identity (identify: the resource's Identify), the
// moment its id is known (see SaveCreated), so that whatever fails
// afterwards taints the object instead of losing it. It returns the ids,
// the guard's Answered, which the caller defers (it marks the create's
// record answered once the Create returns with the id: the record stays
// until a state is known to hold it), and the guard's error.
func GuardedCreate(ctx context.Context, resp *resource.CreateResponse, identify Identifier, spec journal.Spec, timeouts any,
	keep ...Keep,
) ([]string, func(), error) {
	res, err := journal.Create(ctx, spec)
	for _, w := range res.Warnings {
		resp.Diagnostics.AddWarning("The create journal is not kept", w)
	}
	if len(res.IDs) > 0 {
		SaveCreated(ctx, resp, identify, res.IDs[0], timeouts, keep...)
	}
	return res.IDs, res.Answered, err
}

// SaveCreated saves a new object in the state before anything else can
// fail: its id as "id", the plan's timeouts as "timeouts", and the kept
// attributes; and its identity with identify.
func SaveCreated(ctx context.Context, resp *resource.CreateResponse, identify Identifier, id string, timeouts any, keep ...Keep) {
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), types.StringValue(id))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), timeouts)...)
	for _, k := range keep {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, k.Path, k.Value)...)
	}
	identify(ctx, id, resp.Identity, &resp.Diagnostics)
}

// PlanHeld, first in every ModifyPlan, tells the create journal that a
// state holds the object of the plan's prior state (its id): no later
// create adopts it, even one of the same arguments whose record of an
// answered create is still there (journal.Held). Read and Delete tell it
// too; this covers a plan without a refresh (-refresh=false).
func PlanHeld(ctx context.Context, req resource.ModifyPlanRequest) {
	if req.State.Raw.IsNull() {
		return
	}
	var id types.String
	if d := req.State.GetAttribute(ctx, path.Root("id"), &id); !d.HasError() && id.ValueString() != "" {
		held(id.ValueString())
	}
}

// held tells the create journal that a state holds object id, so that no
// create adopts it (journal.Held): a plan (PlanHeld), a refresh
// (ReadResource) or a destroy (Delete) names it.
func held(id string) { journal.Held(id) }

// SavePlanned saves model (a Create's model, set from what the API says
// of a new object) as the state of a create cut short (the keep of
// CreateWaitFailed and CreateStepFailed), except that every top-level
// attribute the plan knows wholly keeps its planned value: Terraform
// refuses a new object that contradicts a known planned value, and taints
// it, so the next apply would order it again. What the API says of those
// attributes the next apply's update reads, when it finishes the create.
func SavePlanned(ctx context.Context, plan tfsdk.Plan, resp *resource.CreateResponse, model any) {
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
	names := slices.Collect(maps.Keys(plan.Schema.GetAttributes()))
	names = append(names, slices.Collect(maps.Keys(plan.Schema.GetBlocks()))...)
	for _, name := range names {
		var planned attr.Value
		if d := plan.GetAttribute(ctx, path.Root(name), &planned); d.HasError() || planned == nil {
			continue
		}
		if v, err := planned.ToTerraformValue(ctx); err != nil || !v.IsFullyKnown() {
			continue
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), planned)...)
	}
}
