package framework

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// What every action (terraform apply -invoke, or a resource's
// lifecycle.action_trigger; Terraform 1.14 and later) shares: its type
// name and clients (ActionBase), how its Invoke starts (BeginInvoke) and
// how it tells the user what happens (Invocation). The instance power
// actions, one PowerAction for every cloud, are in action_power.go.

// ActionBase brings every action its type name, its default timeout and
// the provider's clients, as ResourceBase does for resources. Embed it (by
// value) and set it with NewActionBase in the constructor.
type ActionBase struct {
	typeSuffix string
	timeout    time.Duration
	// Client holds the configured API clients (nil before Configure).
	Client *conns.Client
}

// NewActionBase names an action "<provider>_<typeSuffix>" whose invoke
// timeout is timeout unless its timeouts attribute sets one.
func NewActionBase(typeSuffix string, timeout time.Duration) ActionBase {
	return ActionBase{typeSuffix: typeSuffix, timeout: timeout}
}

// Metadata sets the action's type name.
func (a *ActionBase) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + a.typeSuffix
}

// Configure takes the provider's clients.
func (a *ActionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.Client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}

// TimeoutsAttribute is the action's timeouts attribute: timeouts = {
// invoke = "30m" }, the action's default when unset.
func (a *ActionBase) TimeoutsAttribute(ctx context.Context) schema.Attribute {
	return timeouts.AttributesWithOpts(ctx, timeouts.Opts{InvokeDescription: fmt.Sprintf(
		"How long the action may take, waits included, as a [duration](https://pkg.go.dev/time#ParseDuration) such as `\"45m\"` "+
			"(default `%s`). When it passes, the action fails; the operation it started goes on in the cloud.", shortDuration(a.timeout))})
}

// shortDuration writes d as "20m" or "1h" rather than "20m0s" or "1h0m0s".
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// An Invocation is one Invoke under way: the time it may take and how it
// tells the user what happens.
type Invocation struct {
	// Timeout is the invoke timeout (the timeouts attribute's, else the
	// action's default); ctx is bounded by it too.
	Timeout time.Duration
	resp    *action.InvokeResponse
	start   time.Time
}

// Progress sends msg to Terraform at once (shown as the action's progress
// by terraform apply and in HCP Terraform) and logs it at info level with
// fields.
func (inv *Invocation) Progress(ctx context.Context, msg string, fields map[string]any) {
	tflog.Info(ctx, msg, fields)
	if inv.resp != nil && inv.resp.SendProgress != nil {
		inv.resp.SendProgress(action.InvokeProgressEvent{Message: msg})
	}
}

// Fail ends an Invoke with the error summary: err; when Ctrl-C or the
// invoke timeout ended it, the detail says that what the action started
// goes on in the cloud.
func (inv *Invocation) Fail(ctx context.Context, summary string, err error) {
	detail := err.Error()
	if ctx.Err() != nil || wait.IsTimeout(err) {
		detail += "\n\nThe operation the action started goes on in the cloud; the instance's resource sees its outcome at the next refresh."
	}
	inv.resp.Diagnostics.AddError(summary, detail)
}

// Elapsed is the time since the invocation began, rounded for messages.
func (inv *Invocation) Elapsed() time.Duration { return time.Since(inv.start).Round(time.Second) }

// BeginInvoke is how every action's Invoke starts: it reads the
// configuration into model, gets the action's API client with client
// (conns.Client's ZenlayerClient or HuaweiCloudClient), and bounds ctx by
// the invoke timeout (*t, the model's timeouts, or the action's default).
// Every wait made with the returned ctx reports each status change as the
// action's progress ("ZEC instance zi-1 to stop (STOPPED): STOPPING, 2s"),
// so an action that reuses a resource's waits shows them as they happen.
// It returns nil, with the reason in resp's diagnostics, when the
// configuration cannot be read, the client is missing or the timeout is
// not a duration; cancel is always callable:
//
//	conn, ctx, inv, cancel := framework.BeginInvoke(ctx, req, resp, &a.ActionBase, a.Client.ZenlayerClient, &m, &m.Timeouts)
//	defer cancel()
//	if conn == nil {
//		return
//	}
func BeginInvoke[C any](ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse, a *ActionBase,
	client func(*diag.Diagnostics) *C, model any, t *timeouts.Value,
) (*C, context.Context, *Invocation, context.CancelFunc) {
	inv := &Invocation{resp: resp, start: time.Now()}
	ctx = a.Client.MaskLogs(ctx)
	conn := Load(ctx, &resp.Diagnostics, client, Get(req.Config, model))
	if conn == nil {
		return nil, ctx, inv, func() {}
	}
	timeout, diags := t.Invoke(ctx, a.timeout)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return nil, ctx, inv, func() {}
	}
	inv.Timeout = timeout
	ctx, cancel := context.WithTimeout(ctx, timeout)
	ctx = wait.WithProgress(ctx, func(p wait.Progress) {
		status := p.Status
		if status == wait.Gone {
			status = "not found"
		}
		inv.Progress(ctx, fmt.Sprintf("%s: %s, %s", p.Operation, status, p.Elapsed.Round(time.Second)),
			map[string]any{"status": p.Status, "previous_status": p.Previous, "waiting_for": p.Operation})
	})
	return conn, ctx, inv, cancel
}
