package framework_test

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
)

// testSchema is a resource schema with an id, timeouts (a string here: the
// helpers take any value) and one more attribute.
var testSchema = schema.Schema{Attributes: map[string]schema.Attribute{
	"id":       schema.StringAttribute{Computed: true},
	"timeouts": schema.StringAttribute{Optional: true},
	"keep":     schema.StringAttribute{Optional: true},
}}

type testModel struct {
	ID       types.String `tfsdk:"id"`
	Timeouts types.String `tfsdk:"timeouts"`
	Keep     types.String `tfsdk:"keep"`
}

// testState is a state of testSchema holding m (nil: no object yet).
func testState(t *testing.T, m *testModel) tfsdk.State {
	t.Helper()
	s := tfsdk.State{Schema: testSchema, Raw: tftypes.NewValue(testSchema.Type().TerraformType(context.Background()), nil)}
	if m != nil {
		if d := s.Set(context.Background(), m); d.HasError() {
			t.Fatal(d)
		}
	}
	return s
}

type testClient struct{}

func TestLoadReadsTheSourcesThenGetsTheClient(t *testing.T) {
	ctx := context.Background()
	state := testState(t, &testModel{ID: types.StringValue("i-1")})
	asked := 0
	client := func(diags *diag.Diagnostics) *testClient { asked++; return &testClient{} }

	var m testModel
	var keep types.String
	var diags diag.Diagnostics
	conn := framework.Load(ctx, &diags, client, framework.Get(state, &m), framework.GetAttribute(state, path.Root("id"), &keep))
	if conn == nil || diags.HasError() || asked != 1 || m.ID.ValueString() != "i-1" || keep.ValueString() != "i-1" {
		t.Fatalf("conn %v, diags %v, asked %d, model %+v, keep %v", conn, diags, asked, m, keep)
	}

	// A read that fails: no client is asked for.
	var wrong struct{ X types.String }
	diags = nil
	if conn := framework.Load(ctx, &diags, client, framework.Get(state, &wrong)); conn != nil || !diags.HasError() || asked != 1 {
		t.Fatalf("conn %v, diags %v, asked %d", conn, diags, asked)
	}

	// A missing client.
	diags = nil
	missing := func(diags *diag.Diagnostics) *testClient { diags.AddError("no client", ""); return nil }
	if conn := framework.Load(ctx, &diags, missing, framework.Get(state, &m)); conn != nil || !diags.HasError() {
		t.Fatalf("conn %v, diags %v", conn, diags)
	}
}

func TestBeginBoundsTheContextByTheOperationsTimeout(t *testing.T) {
	ctx := context.Background()
	client := func(*diag.Diagnostics) *testClient { return &testClient{} }
	base := framework.NewResourceBase("test", framework.Timeouts{Create: 7 * time.Minute, Update: 8 * time.Minute, Delete: 9 * time.Minute})
	attrTypes := map[string]attr.Type{"create": types.StringType, "update": types.StringType, "delete": types.StringType}
	set := func(create string) timeouts.Value {
		return timeouts.Value{Object: types.ObjectValueMust(attrTypes, map[string]attr.Value{
			"create": types.StringValue(create), "update": types.StringNull(), "delete": types.StringNull(),
		})}
	}

	for _, tc := range []struct {
		name  string
		attr  timeouts.Value
		op    func(*timeouts.Value) framework.Deadline
		want  time.Duration
		fails bool
	}{
		{"create set", set("1h"), base.CreateTimeout, time.Hour, false},
		{"update default", set("1h"), base.UpdateTimeout, 8 * time.Minute, false},
		{"delete default, no attribute", timeouts.Value{Object: types.ObjectNull(attrTypes)}, base.DeleteTimeout, 9 * time.Minute, false},
		{"create unreadable", set("soon"), base.CreateTimeout, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The model is read by the sources first: Begin reads the
			// timeouts attribute only after them.
			var model timeouts.Value
			var diags diag.Diagnostics
			load := func(context.Context) diag.Diagnostics { model = tc.attr; return nil }
			conn, bounded, timeout, cancel := framework.Begin(ctx, &diags, client, tc.op(&model), load)
			defer cancel()
			deadline, has := bounded.Deadline()
			if tc.fails {
				if conn != nil || has || !diags.HasError() {
					t.Fatalf("conn %v, deadline %v, diags %v", conn, has, diags)
				}
				return
			}
			if conn == nil || diags.HasError() || timeout != tc.want || !has || time.Until(deadline) > tc.want || time.Until(deadline) < tc.want-time.Minute {
				t.Fatalf("conn %v, diags %v, timeout %v, deadline in %v", conn, diags, timeout, time.Until(deadline))
			}
		})
	}

	// A source that fails: no client, no deadline, cancel callable.
	var diags diag.Diagnostics
	var model timeouts.Value
	bad := func(context.Context) diag.Diagnostics {
		var d diag.Diagnostics
		d.AddError("bad plan", "")
		return d
	}
	conn, bounded, _, cancel := framework.Begin(ctx, &diags, client, base.CreateTimeout(&model), bad)
	cancel()
	if _, has := bounded.Deadline(); conn != nil || has || !diags.HasError() {
		t.Fatalf("conn %v, deadline %v, diags %v", conn, has, diags)
	}
}

// noIdentity is the Identifier of a resource whose identity a test leaves aside.
func noIdentity(context.Context, string, *tfsdk.ResourceIdentity, *diag.Diagnostics) {}

func TestGuardedCreateSavesTheIDTheMomentItIsKnown(t *testing.T) {
	t.Setenv(journal.EnvDir, t.TempDir())
	ctx := context.Background()
	spec := func(ids []string, err error) journal.Spec {
		return journal.Spec{
			Kind: "test", Label: "test object", Scope: "test", Args: t.Name(), Ambiguous: func(error) bool { return false },
			Send:   func(context.Context, string) ([]string, error) { return ids, err },
			Lookup: func(context.Context, string) ([]string, error) { return nil, nil },
		}
	}
	keep := framework.Keep{Path: path.Root("keep"), Value: types.StringValue("kept")}

	resp := resource.CreateResponse{State: testState(t, nil)}
	ids, done, err := framework.GuardedCreate(ctx, &resp, noIdentity, spec([]string{"i-1"}, nil), types.StringValue("30m"), keep)
	done()
	var got testModel
	resp.Diagnostics.Append(resp.State.Get(ctx, &got)...)
	if err != nil || len(ids) != 1 || ids[0] != "i-1" || resp.Diagnostics.HasError() ||
		got.ID.ValueString() != "i-1" || got.Timeouts.ValueString() != "30m" || got.Keep.ValueString() != "kept" {
		t.Fatalf("ids %v, err %v, diags %v, state %+v", ids, err, resp.Diagnostics, got)
	}
	j, _ := journal.Open()
	if es, _ := j.Entries(); len(es) != 1 || es[0].State != journal.StateAnswered || len(es[0].IDs) != 1 || es[0].IDs[0] != "i-1" {
		t.Errorf("the answered create must keep its record, answered with its id, until a state holds it: %+v", es)
	}

	// A refused create: nothing in the state.
	refused := errors.New("refused")
	resp = resource.CreateResponse{State: testState(t, nil)}
	ids, done, err = framework.GuardedCreate(ctx, &resp, noIdentity, spec(nil, refused), types.StringValue("30m"))
	done()
	if !errors.Is(err, refused) || len(ids) != 0 || !resp.State.Raw.IsNull() {
		t.Fatalf("ids %v, err %v, state %v", ids, err, resp.State.Raw)
	}
}

func TestGuardedCreateWarnsWhenTheJournalIsNotKept(t *testing.T) {
	file := t.TempDir() + "/not-a-directory"
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(journal.EnvDir, file)
	resp := resource.CreateResponse{State: testState(t, nil)}
	_, done, err := framework.GuardedCreate(context.Background(), &resp, noIdentity, journal.Spec{
		Kind: "test", Label: "test object", Ambiguous: func(error) bool { return false },
		Send: func(context.Context, string) ([]string, error) { return []string{"i-2"}, nil },
	}, types.StringNull())
	done()
	if err != nil || resp.Diagnostics.WarningsCount() != 1 || resp.Diagnostics.Warnings()[0].Summary() != "The create journal is not kept" {
		t.Fatalf("err %v, diags %v", err, resp.Diagnostics)
	}
}

func TestRemoveGone(t *testing.T) {
	type obj struct{ status string }
	errNotFound := errors.New("not found")
	notFound := func(err error) bool { return errors.Is(err, errNotFound) }
	status := func(o *obj) string { return o.status }
	gone := func(s string) bool { return s == "RELEASING" }
	for _, tc := range []struct {
		name    string
		obj     *obj
		err     error
		removed bool
	}{
		{"not found", nil, errNotFound, true},
		{"on its way out", &obj{"RELEASING"}, nil, true},
		{"there", &obj{"RUNNING"}, nil, false},
		{"other error", nil, errors.New("boom"), false},
	} {
		resp := resource.ReadResponse{State: testState(t, &testModel{ID: types.StringValue("i-1")})}
		got := framework.RemoveGone(context.Background(), &resp, "test object not found", "i-1", tc.obj, tc.err, notFound, status, gone)
		if got != tc.removed || resp.State.Raw.IsNull() != tc.removed {
			t.Errorf("%s: RemoveGone %v, state removed %v", tc.name, got, resp.State.Raw.IsNull())
		}
	}
}

func TestDeletable(t *testing.T) {
	type obj struct{}
	var diags diag.Diagnostics
	if framework.Deletable(context.Background(), &diags, "test object", "i-1", (*obj)(nil), nil) || diags.HasError() {
		t.Fatal("an object already gone goes on")
	}
	if !framework.Deletable(context.Background(), &diags, "test object", "i-1", &obj{}, nil) || diags.HasError() {
		t.Fatal("an object there does not go on")
	}
	if framework.Deletable(context.Background(), &diags, "test object", "i-1", (*obj)(nil), errors.New("boom")) ||
		!diags.HasError() || diags[0].Summary() != "deleting test object (i-1)" {
		t.Fatalf("an error: %v", diags)
	}
}

func TestPasswordKinds(t *testing.T) {
	for pw, want := range map[string]struct {
		kinds framework.CharKinds
		ok    bool
	}{
		"abc":    {framework.CharKinds{Lower: true}, true},
		"Ab1!":   {framework.CharKinds{Upper: true, Lower: true, Digit: true, Special: true}, true},
		"AB12":   {framework.CharKinds{Upper: true, Digit: true}, true},
		"ab c":   {framework.CharKinds{Lower: true}, false},
		"ab#":    {framework.CharKinds{Lower: true}, false},
		"Ab1!é2": {framework.CharKinds{Upper: true, Lower: true, Digit: true, Special: true}, false},
	} {
		kinds, ok := framework.PasswordKinds(pw, "!")
		if ok != want.ok || (ok && kinds != want.kinds) {
			t.Errorf("%q: %+v %v, want %+v %v", pw, kinds, ok, want.kinds, want.ok)
		}
	}
	if n := (framework.CharKinds{Upper: true, Digit: true, Special: true}).Count(); n != 3 {
		t.Errorf("Count = %d", n)
	}
}

func TestCreateWaitFailed(t *testing.T) {
	type obj struct{ status string }
	waitErr := errors.New("boom")
	found := func(context.Context, string) (*obj, error) { return &obj{"BUILDING"}, nil }
	lost := func(context.Context, string) (*obj, error) { return nil, errors.New("unreachable") }
	interrupted, stop := context.WithCancel(context.Background())
	stop()
	timedOut, cancel := context.WithTimeout(context.Background(), -time.Second)
	defer cancel()
	for _, tc := range []struct {
		name string
		ctx  context.Context
		find func(context.Context, string) (*obj, error)
		kept bool
	}{
		{"wait failed", context.Background(), found, false},
		{"timed out", timedOut, found, false},
		{"interrupted", interrupted, found, true},
		{"interrupted, not found again", interrupted, lost, false},
	} {
		var resp resource.CreateResponse
		newPrivate(t, &resp)
		keptWhat := ""
		framework.CreateWaitFailed(tc.ctx, &resp, "test object", "i-1", waitErr, tc.find,
			func(o *obj) string { keptWhat = "being built (" + o.status + ")"; return keptWhat }, "It is tainted.")
		mark, _ := resp.Private.GetKey(context.Background(), "create_unfinished")
		if tc.kept {
			if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 || keptWhat != "being built (BUILDING)" || len(mark) == 0 {
				t.Errorf("%s: diags %v, kept %q, mark %s", tc.name, resp.Diagnostics, keptWhat, mark)
			}
			continue
		}
		if !resp.Diagnostics.HasError() || keptWhat != "" || len(mark) != 0 ||
			resp.Diagnostics[0].Summary() != "waiting for test object (i-1) to be created" || resp.Diagnostics[0].Detail() != "boom\n\nIt is tainted." {
			t.Errorf("%s: diags %v, kept %q, mark %s", tc.name, resp.Diagnostics, keptWhat, mark)
		}
	}
}

// A step after the build (a power-off) cut short by Ctrl-C keeps the
// object untainted as the wait does; any other failure of it is reported
// under the step's own summary.
func TestCreateStepFailed(t *testing.T) {
	find := func(context.Context, string) (string, error) { return "STOPPING", nil }
	interrupted, stop := context.WithCancel(context.Background())
	stop()
	for _, ctx := range []context.Context{interrupted, context.Background()} {
		var resp resource.CreateResponse
		newPrivate(t, &resp)
		framework.CreateStepFailed(ctx, &resp, "stopping test object (i-1) after its creation", "test object", "i-1", errors.New("boom"), find,
			func(s string) string { return "being stopped (" + s + ")" }, "It is tainted.")
		mark, _ := resp.Private.GetKey(context.Background(), "create_unfinished")
		if ctx == interrupted {
			if resp.Diagnostics.HasError() || len(mark) == 0 || !strings.Contains(resp.Diagnostics[0].Detail(), "being stopped (STOPPING)") {
				t.Errorf("interrupted: diags %v, mark %s", resp.Diagnostics, mark)
			}
			continue
		}
		if len(mark) != 0 || !resp.Diagnostics.HasError() || resp.Diagnostics[0].Summary() != "stopping test object (i-1) after its creation" ||
			resp.Diagnostics[0].Detail() != "boom\n\nIt is tainted." {
			t.Errorf("failed: diags %v, mark %s", resp.Diagnostics, mark)
		}
	}
}

// newPrivate sets the framework's private state field of a request or
// response (its type has no exported constructor; a zero one is usable).
func newPrivate(t *testing.T, reqOrResp any) {
	t.Helper()
	private := reflect.ValueOf(reqOrResp).Elem().FieldByName("Private")
	private.Set(reflect.New(private.Type().Elem()))
}

func TestFinishCreate(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name              string
		marked            bool
		waitErr           error
		keepOK            bool
		goesOn, waited    bool
		cleared, errorMsg bool
	}{
		{name: "no mark", goesOn: true},
		{name: "finished", marked: true, keepOK: true, goesOn: true, waited: true, cleared: true},
		{name: "wait failed", marked: true, waitErr: errors.New("boom"), waited: true, errorMsg: true},
		{name: "keep failed", marked: true, waited: true},
	} {
		var req resource.UpdateRequest
		var resp resource.UpdateResponse
		newPrivate(t, &req)
		newPrivate(t, &resp)
		if tc.marked {
			framework.MarkCreateUnfinished(ctx, req.Private, &resp.Diagnostics, "test object", "i-1", "being built")
			framework.MarkCreateUnfinished(ctx, resp.Private, &resp.Diagnostics, "test object", "i-1", "being built")
			resp.Diagnostics = nil
		}
		waited := false
		goesOn := framework.FinishCreate(ctx, req, &resp, "test object", "i-1",
			func() (string, error) { waited = true; return "RUNNING", tc.waitErr },
			func(s string) bool { return tc.keepOK && s == "RUNNING" })
		mark, _ := resp.Private.GetKey(ctx, "create_unfinished")
		if goesOn != tc.goesOn || waited != tc.waited || (tc.marked && (len(mark) == 0) != tc.cleared) ||
			resp.Diagnostics.HasError() != tc.errorMsg ||
			(tc.errorMsg && resp.Diagnostics[0].Summary() != "waiting for test object (i-1) to be created") {
			t.Errorf("%s: goes on %v, waited %v, mark %s, diags %v", tc.name, goesOn, waited, mark, resp.Diagnostics)
		}
	}
}

// A Finder made for Read alone answers its waits with an error, not a panic.
func TestFinderWithoutFindRefreshIsAnError(t *testing.T) {
	f := framework.Finder[struct{}, struct{}]{Label: "thing", NotFound: func(error) bool { return false }, Status: func(*struct{}) string { return "ok" }}
	_, _, err := f.Refresh(&struct{}{}, "id-1")(context.Background())
	if err == nil || !strings.Contains(err.Error(), "thing") {
		t.Fatalf("err = %v, want an error naming the Finder", err)
	}
	if got := f.Current(context.Background(), &struct{}{}, "id-1"); got != "unknown" {
		t.Errorf("Current = %q, want unknown", got)
	}
}

// The state of a create cut short keeps every wholly known planned value
// over what the API said (Terraform taints a new object that contradicts
// one); what the plan leaves unknown comes from the API.
func TestSavePlannedKeepsKnownPlannedValues(t *testing.T) {
	ctx := context.Background()
	planned := testState(t, &testModel{ID: types.StringUnknown(), Timeouts: types.StringValue("30m"), Keep: types.StringValue("planned")})
	plan := tfsdk.Plan(planned)
	resp := resource.CreateResponse{State: testState(t, nil)}
	framework.SavePlanned(ctx, plan, &resp, &testModel{ID: types.StringValue("i-1"), Timeouts: types.StringValue("30m"), Keep: types.StringValue("from the API")})
	var got testModel
	resp.Diagnostics.Append(resp.State.Get(ctx, &got)...)
	if resp.Diagnostics.HasError() || got.ID.ValueString() != "i-1" || got.Keep.ValueString() != "planned" || got.Timeouts.ValueString() != "30m" {
		t.Fatalf("state %+v, diags %v", got, resp.Diagnostics)
	}
}
