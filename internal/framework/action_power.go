package framework

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// The instance power actions (cloudcompute_<cloud>_instance_power): start,
// stop or reboot one instance, then wait until its status has settled. The
// action of every cloud is a PowerAction: the schema (instance_id,
// operation, timeouts and, where stop can be forced, force), the first
// read of the instance and the progress messages are written once here;
// its PowerSpec says what differs: names and descriptions, how the
// instance is read, and how an operation is run and awaited.

// PowerSpec is one cloud's instance power action: C is the cloud's API
// client, I the instance as its Instances read it.
type PowerSpec[C, I any] struct {
	// TypeSuffix names the action ("zenlayer_zec_instance_power"); Timeout
	// is its default invoke timeout.
	TypeSuffix string
	Timeout    time.Duration
	// Description is the action's description; Operations says what each
	// operation does, for the description of operation.
	Description string
	Operations  map[string]string
	// Force, when set, gives the action a force argument, which only stop
	// takes.
	Force *PowerForce
	// Client picks the cloud's client among the provider's, such as
	// (*conns.Client).ZenlayerClient.
	Client func(*conns.Client, *diag.Diagnostics) *C
	// Instances reads the instance before anything is sent (its Find; an
	// error ends the invocation) and names it (Label, in the schema too)
	// and its status (Status) in messages. Where, when set, is what the
	// first progress message adds after the status (" on physical server
	// s-1"), with its log fields.
	Instances Finder[C, I]
	Where     func(*I) (string, map[string]any)
	// StatusKey is the log field of the instance's status: "status" unless
	// set.
	StatusKey string
	// Power runs the operation and waits until it has ended; it answers the
	// status the operation leads to, for the last progress message.
	Power func(ctx context.Context, call *PowerCall[C, I]) (target string, err error)
}

// PowerForce is the force argument of a power action whose stop can be a
// forced power-off.
type PowerForce struct {
	// Description is the attribute's description.
	Description string
	// StopCall is the API call that takes it, for the error of a force
	// with another operation.
	StopCall string
}

// PowerCall is one operation of a power action, for PowerSpec.Power: the
// invocation (its Timeout, Progress), the client, the configuration and the
// instance as Find read it. Diags takes the action's warnings.
type PowerCall[C, I any] struct {
	*Invocation
	Conn      *C
	ID        string
	Operation string
	Force     bool
	Instance  *I
	Diags     *diag.Diagnostics
}

var (
	_ action.Action                   = &PowerAction[struct{}, struct{}]{}
	_ action.ActionWithConfigure      = &PowerAction[struct{}, struct{}]{}
	_ action.ActionWithValidateConfig = &PowerAction[struct{}, struct{}]{}
)

// PowerAction is the instance power action of one cloud, made by
// NewPowerAction from its PowerSpec.
type PowerAction[C, I any] struct {
	ActionBase
	spec PowerSpec[C, I]
}

// NewPowerAction is the action of spec.
func NewPowerAction[C, I any](spec PowerSpec[C, I]) action.Action {
	return &PowerAction[C, I]{ActionBase: NewActionBase(spec.TypeSuffix, spec.Timeout), spec: spec}
}

// powerModel is the configuration of a power action; powerForceModel that
// of one with a force argument.
type powerModel struct {
	InstanceID types.String   `tfsdk:"instance_id"`
	Operation  types.String   `tfsdk:"operation"`
	Timeouts   timeouts.Value `tfsdk:"timeouts"`
}

type powerForceModel struct {
	powerModel
	Force types.Bool `tfsdk:"force"`
}

// config is where the configuration is read: m, or its powerModel when the
// action has no force argument.
func (a *PowerAction[C, I]) config(m *powerForceModel) any {
	if a.spec.Force != nil {
		return m
	}
	return &m.powerModel
}

// Schema has instance_id, operation (start, stop or reboot, each described
// by the spec's Operations), timeouts and, with a PowerForce, force.
func (a *PowerAction[C, I]) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	desc := "What to do: "
	for i, op := range PowerOperations {
		if i > 0 {
			desc += "; "
		}
		desc += fmt.Sprintf("`%s`: %s", op, a.spec.Operations[op])
	}
	attrs := map[string]schema.Attribute{
		"instance_id": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: fmt.Sprintf("Id of the %s, for example a reference to the `id` of the resource that manages it.", a.spec.Instances.Label),
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"operation": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: desc + ".",
			Validators:          []validator.String{stringvalidator.OneOf(PowerOperations...)},
		},
		"timeouts": a.TimeoutsAttribute(ctx),
	}
	if a.spec.Force != nil {
		attrs["force"] = schema.BoolAttribute{Optional: true, MarkdownDescription: a.spec.Force.Description}
	}
	resp.Schema = schema.Schema{MarkdownDescription: a.spec.Description, Attributes: attrs}
}

// ValidateConfig refuses force with an operation other than stop: only
// the stop call takes it.
func (a *PowerAction[C, I]) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	if a.spec.Force == nil {
		return
	}
	var m powerForceModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &m)...); resp.Diagnostics.HasError() {
		return
	}
	if m.Force.ValueBool() && !m.Operation.IsUnknown() && m.Operation.ValueString() != PowerStop {
		resp.Diagnostics.AddAttributeError(path.Root("force"), "force applies to stop only",
			fmt.Sprintf("force = true asks %s for a forced power-off; operation %q takes no such option. Remove force, or set operation = %q.",
				a.spec.Force.StopCall, m.Operation.ValueString(), PowerStop))
	}
}

// Invoke reads the instance, reports its status, runs the operation with
// the spec's Power and reports the status it led to, or fails.
func (a *PowerAction[C, I]) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m powerForceModel
	client := func(diags *diag.Diagnostics) *C { return a.spec.Client(a.Client, diags) }
	conn, ctx, inv, cancel := BeginInvoke(ctx, req, resp, &a.ActionBase, client, a.config(&m), &m.Timeouts)
	defer cancel()
	if conn == nil {
		return
	}
	id, op, label := m.InstanceID.ValueString(), m.Operation.ValueString(), a.spec.Instances.Label
	statusKey := a.spec.StatusKey
	if statusKey == "" {
		statusKey = "status"
	}
	summary := fmt.Sprintf("%s %s (%s)", PowerVerb(op), label, id)
	inst, err := a.spec.Instances.Find(conn, ctx, id)
	if err != nil { // nothing was sent: no operation goes on (Fail would say it does)
		resp.Diagnostics.AddError(summary, err.Error())
		return
	}
	status := a.spec.Instances.Status(inst)
	msg := fmt.Sprintf("%s %s %s (%s)", PowerVerb(op), label, id, status)
	fields := map[string]any{"id": id, "operation": op, statusKey: status}
	if a.spec.Force != nil {
		fields["force"] = m.Force.ValueBool()
	}
	if a.spec.Where != nil {
		where, more := a.spec.Where(inst)
		msg += where
		maps.Copy(fields, more)
	}
	inv.Progress(ctx, msg, fields)
	target, err := a.spec.Power(ctx, &PowerCall[C, I]{
		Invocation: inv, Conn: conn, ID: id, Operation: op, Force: m.Force.ValueBool(), Instance: inst, Diags: &resp.Diagnostics,
	})
	if err != nil {
		inv.Fail(ctx, summary, err)
		return
	}
	inv.Progress(ctx, fmt.Sprintf("%s %s is %s (%s took %s)", label, id, target, op, inv.Elapsed()), map[string]any{"id": id, statusKey: target})
}

// Operations of the instance power actions.
const (
	PowerStart = "start"
	PowerStop  = "stop"
	Rebooting  = "reboot"
)

// PowerOperations are the values of a power action's operation.
var PowerOperations = []string{PowerStart, PowerStop, Rebooting}

// PowerVerb is the "-ing" form of an operation, for messages ("stopping").
func PowerVerb(op string) string {
	switch op {
	case PowerStart:
		return "starting"
	case PowerStop:
		return "stopping"
	case Rebooting:
		return "rebooting"
	}
	return op
}

// RebootGrace is how long a reboot waits for the instance to leave its
// running status after the API accepted the call: the APIs answer before
// the reboot begins. An instance still running after it has rebooted too
// fast to be seen, or not at all: the action then ends with a warning.
var RebootGrace = time.Minute

// RebootWait is the wait of RebootBegun for instance id (read by f):
// until its status has left running, for RebootGrace at most.
func RebootWait[C, T any](ctx context.Context, f Finder[C, T], conn *C, id, running string, timeout time.Duration) wait.Config[*T] {
	return wait.Object(ctx, f.Label, id, "to begin rebooting (leave "+running+")", wait.Leaving(f.Refresh(conn, id), running),
		min(RebootGrace, timeout), []string{wait.Left}, nil)
}

// RebootBegun runs c, a wait until an instance has left its running
// status after a reboot call (RebootWait), without reporting its
// polls as progress (the wait that follows it reports the statuses). It
// reports false, after a warning in diags, when the grace passed with the
// instance still running; an error is any other failure of the wait (a
// failure status, gone, Ctrl-C, the invoke timeout).
func RebootBegun[T any](ctx context.Context, diags *diag.Diagnostics, c wait.Config[T]) (bool, error) {
	_, err := wait.Until(wait.WithProgress(ctx, nil), c)
	if wait.IsTimeout(err) && ctx.Err() == nil {
		diags.AddWarning("No reboot seen",
			fmt.Sprintf("The API accepted the reboot, but waiting for %s took longer than %s: the instance rebooted faster than "+
				"it could be seen, or the reboot has not begun. Check the instance in the console if it matters.", c.Operation, shortDuration(c.Timeout)))
		return false, nil
	}
	return err == nil, err
}
