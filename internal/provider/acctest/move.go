package acctest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"text/template"

	fwattr "github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Tests of moved blocks from the official Zenlayer provider
// (docs/guides/migrating-from-zenlayercloud.md). That provider cannot be
// downloaded here, so:
//
//   - its state is a state file shaped as it writes one (a template per
//     resource type in the test's testdata, filled with what the API
//     answers for the seeded object, as the official Read sets it), written
//     into the test's working directory by a step's PreConfig;
//   - the terraform CLI finds a stand-in of the official provider
//     (zenlayercloudstub: its schemas only; Terraform needs them to show a
//     plan whose prior state holds its resources) through dev_overrides.

// OfficialZenlayerAddress is the official Zenlayer provider's address.
const OfficialZenlayerAddress = "registry.terraform.io/zenlayer/zenlayercloud"

// UseOfficialZenlayerStub builds the stand-in of the official provider and
// points this test's terraform CLI at it (TF_CLI_CONFIG_FILE with a
// dev_overrides entry, so that terraform init never looks it up). It sets
// an environment variable: the test must not be parallel.
func UseOfficialZenlayerStub(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "terraform-provider-zenlayercloud")
	build := exec.CommandContext(t.Context(), "go", "build", "-o", bin, //#nosec G204 -- the project's own stub, into the test's directory
		"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest/zenlayercloudstub")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the stand-in of the official Zenlayer provider: %v\n%s", err, out)
	}
	rc := filepath.Join(dir, "terraformrc")
	cfg := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n", OfficialZenlayerAddress, dir)
	if err := os.WriteFile(rc, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TF_CLI_CONFIG_FILE", rc)
}

// ZenlayerClient is a Zenlayer API client of emu, to seed the objects that
// another tool made.
func ZenlayerClient(t *testing.T, emu *emulator.Server) *zenlayer.Client {
	t.Helper()
	c, err := zenlayer.New(zenlayer.Config{AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// WorkingDirStep is a first step that applies config (a provider block)
// and records in *dir the directory terraform runs in, whose
// terraform.tfstate a later step's PreConfig replaces (WriteState).
func WorkingDirStep(config string, dir *string) resource.TestStep {
	return resource.TestStep{
		Config: config + "\noutput \"working_dir\" {\n  value = path.cwd\n}\n",
		Check: func(s *terraform.State) error {
			o := s.RootModule().Outputs["working_dir"]
			if o == nil {
				return errors.New("the working_dir output is missing")
			}
			d, ok := o.Value.(string)
			if !ok || d == "" {
				return fmt.Errorf("the working_dir output is %v", o.Value)
			}
			*dir = d
			return nil
		},
	}
}

// StateTemplate is a state file template in testdata and what fills it.
type StateTemplate struct {
	// Path is the template, relative to the test's package.
	Path string
	// Data fills it; the template's json function writes a value as JSON.
	Data any
}

// stateFuncs are the functions of a state file template: json writes a
// value as JSON, orNull a string or null when it is empty, and list a
// list of strings ([] when there is none, as the SDK writes a computed list).
var stateFuncs = template.FuncMap{
	"json": func(v any) (string, error) { b, err := json.Marshal(v); return string(b), err },
	"orNull": func(s string) string {
		if s == "" {
			return "null"
		}
		b, _ := json.Marshal(s)
		return string(b)
	},
	"list": func(v []string) string {
		if v == nil {
			v = []string{}
		}
		b, _ := json.Marshal(v)
		return string(b)
	},
}

// WriteState renders the state file templates (each a whole state file as
// the other provider's Terraform run wrote it), joins their resources into
// one state of a new lineage and writes it as dir/terraform.tfstate,
// replacing what is there.
func WriteState(t *testing.T, dir string, files ...StateTemplate) {
	t.Helper()
	if dir == "" {
		t.Fatal("WriteState: no working directory (run WorkingDirStep first)")
	}
	state := map[string]any{}
	var resources []any
	for _, f := range files {
		src, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		tmpl, err := template.New(filepath.Base(f.Path)).Option("missingkey=error").Funcs(stateFuncs).Parse(string(src))
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		var out bytes.Buffer
		if err := tmpl.Execute(&out, f.Data); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		var one map[string]any
		if err := json.Unmarshal(out.Bytes(), &one); err != nil {
			t.Fatalf("%s is not a JSON state file once filled: %v\n%s", f.Path, err, out.Bytes())
		}
		rs, _ := one["resources"].([]any)
		resources = append(resources, rs...)
		delete(one, "resources")
		for k, v := range one {
			state[k] = v
		}
	}
	state["resources"] = resources
	state["serial"] = 1
	state["lineage"] = newLineage()
	b, err := json.MarshalIndent(state, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "terraform.tfstate"), b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// newLineage is a random UUID, as Terraform makes a state's lineage.
func newLineage() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// Move is a resource a plan moves from another address (From; "" for a
// resource that the plan does not move, such as one moved before).
type Move struct {
	From, To string
	// Changed are the attributes whose known value the plan changes in
	// place; none means no change at all. Attributes that become known
	// after apply (computed ones such as status, in any update) are not
	// counted.
	Changed []string
}

// ExpectMovePlan checks a plan that takes objects over from another
// provider: each move is planned from its address with exactly its
// changes (no replacement), each of forgotten is only removed from the
// state (a removed block), and every other resource is unchanged.
// Outputs are not checked.
func ExpectMovePlan(moves []Move, forgotten ...string) plancheck.PlanCheck {
	return movePlanCheck{moves: moves, forgotten: forgotten}
}

type movePlanCheck struct {
	moves     []Move
	forgotten []string
}

func (c movePlanCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var errs []error
	seen := map[string]bool{}
	for _, rc := range req.Plan.ResourceChanges {
		seen[rc.Address] = true
		i := slices.IndexFunc(c.moves, func(m Move) bool { return m.To == rc.Address })
		switch {
		case i >= 0:
			m := c.moves[i]
			if rc.PreviousAddress != m.From {
				errs = append(errs, fmt.Errorf("%s: planned from %q, want moved from %s", rc.Address, rc.PreviousAddress, m.From))
			}
			if len(m.Changed) == 0 {
				if !rc.Change.Actions.NoOp() {
					errs = append(errs, fmt.Errorf("%s: planned %v, want no change (changed: %v)", rc.Address, rc.Change.Actions, changedAttributes(rc.Change.Before, rc.Change.After)))
				}
				continue
			}
			if !rc.Change.Actions.Update() {
				errs = append(errs, fmt.Errorf("%s: planned %v, want an in-place update of %v", rc.Address, rc.Change.Actions, m.Changed))
				continue
			}
			if got, want := changedAttributes(rc.Change.Before, rc.Change.After), slices.Sorted(slices.Values(m.Changed)); !slices.Equal(got, want) {
				errs = append(errs, fmt.Errorf("%s: the update changes %v, want only %v", rc.Address, got, want))
			}
		case slices.Contains(c.forgotten, rc.Address):
			if !rc.Change.Actions.Forget() {
				errs = append(errs, fmt.Errorf("%s: planned %v, want forget (removed from the state only)", rc.Address, rc.Change.Actions))
			}
		default:
			if !rc.Change.Actions.NoOp() {
				errs = append(errs, fmt.Errorf("%s: planned %v, want no change", rc.Address, rc.Change.Actions))
			}
		}
	}
	for _, m := range c.moves {
		if !seen[m.To] {
			errs = append(errs, fmt.Errorf("the plan has no %s (moved from %s)", m.To, m.From))
		}
	}
	for _, f := range c.forgotten {
		if !seen[f] {
			errs = append(errs, fmt.Errorf("the plan does not forget %s", f))
		}
	}
	resp.Error = errors.Join(errs...)
}

// changedAttributes are the top-level attributes whose value differs
// between before and after, where after knows it (sorted).
func changedAttributes(before, after any) []string {
	b, _ := before.(map[string]any)
	a, _ := after.(map[string]any)
	var out []string
	for k, v := range a {
		if !reflect.DeepEqual(b[k], v) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// MoveState runs a resource's state movers on a source state (JSON
// attributes) of the official provider's sourceType, as Terraform would for
// a moved block, and checks the moved state's attributes against want (by
// name; each value's type says how to read the attribute). It returns
// whether a mover took the source, and the diagnostics (tests of the
// mapping, without Terraform or an API).
func MoveState(t *testing.T, r fwresource.Resource, sourceType, stateJSON string, want map[string]fwattr.Value) (bool, diag.Diagnostics) {
	t.Helper()
	ctx := t.Context()
	var sresp fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &sresp)
	m, ok := r.(fwresource.ResourceWithMoveState)
	if !ok {
		t.Fatalf("%T does not implement MoveState", r)
	}
	resp := fwresource.MoveStateResponse{TargetState: tfsdk.State{Schema: sresp.Schema, Raw: tftypes.NewValue(sresp.Schema.Type().TerraformType(ctx), nil)}}
	for _, mover := range m.MoveState(ctx) {
		mover.StateMover(ctx, fwresource.MoveStateRequest{
			SourceProviderAddress: OfficialZenlayerAddress, SourceTypeName: sourceType, SourceRawState: &tfprotov6.RawState{JSON: []byte(stateJSON)},
		}, &resp)
		if resp.Diagnostics.HasError() || !resp.TargetState.Raw.IsNull() {
			break
		}
	}
	if resp.Diagnostics.HasError() || resp.TargetState.Raw.IsNull() {
		return false, resp.Diagnostics
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		got := reflect.New(reflect.TypeOf(want[name]))
		if d := resp.TargetState.GetAttribute(ctx, path.Root(name), got.Interface()); d.HasError() {
			t.Errorf("%s: %v", name, d)
			continue
		}
		if g, ok := got.Elem().Interface().(fwattr.Value); !ok || !g.Equal(want[name]) {
			t.Errorf("%s = %v, want %v", name, got.Elem().Interface(), want[name])
		}
	}
	return true, resp.Diagnostics
}

// AllActionsStartWith checks that every action the emulator logged since
// its log was reset starts with one of prefixes (what the move and the
// refresh after it may call: reads only).
func AllActionsStartWith(actions []string, prefixes ...string) error {
	for _, a := range actions {
		if !slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(a, p) }) {
			return fmt.Errorf("the API was called with %s (all calls: %v); want only %v", a, actions, prefixes)
		}
	}
	return nil
}
