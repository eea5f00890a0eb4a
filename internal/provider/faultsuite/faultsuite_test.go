// Package faultsuite runs the provider, built as a binary, under the real
// terraform CLI against an emulator that injects faults of every kind, and
// checks after each run that nothing leaked, nothing was duplicated and
// Terraform's state matches the emulator. It also interrupts applies and
// destroys (SIGINT to terraform, SIGKILL to the provider), at chosen points
// and at random ones, and checks that the next runs converge.
//
// make test runs it at a small size (FAULT_SEEDS=2, INTERRUPT_SEEDS=2);
// make test-faults runs 10 seeds of each. FAULT_RATE sets the share of faulty requests (default 0.2),
// FAULT_SIZE how many objects of each kind a run makes (default 2),
// FAULT_FIRST_SEED the first seed (default 1, so that seeds other than the
// usual ones can be explored), FAULT_REPORT a JSON file for the figures.
package faultsuite_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

var providerDir string

// skipIfReal skips a fault suite test against a real cloud.
func skipIfReal(t *testing.T) {
	t.Helper()
	acctest.SkipIfReal(t, "the fault suite injects faults into emulators of its own and reads their logs")
}

func TestMain(m *testing.M) {
	if os.Getenv("TF_ACC") == "" {
		fmt.Println("faultsuite: skipped (TF_ACC not set)")
		os.Exit(0)
	}
	if acctest.IsReal() {
		// Every test skips (skipIfReal): nothing to build.
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "cloudcompute-faultsuite-bin-")
	if err != nil {
		panic(err)
	}
	providerDir = dir
	build := exec.CommandContext(context.Background(), "go", "build", "-o", filepath.Join(dir, "terraform-provider-cloudcompute"), "github.com/cloudcompute/terraform-provider-cloudcompute")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Printf("building the provider: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// secret is the access key password: it must appear in no log.
const secret = "fault-suite-Secret-Passw0rd"

const keyID = "FAULTSUITEKEY"

// cdcPassword is the CloudDC instances' administrator password (a
// write-only attribute, set through a variable): it must appear in no log.
const cdcPassword = "FaultSuite-Adm1n-pw"

// options are the emulator's options for a suite run: the Zenlayer key, and
// enough physical servers for the CloudDC instances of any run size (one
// instance per server; a failed create holds its server until deleted).
func options(size int) emulator.Options {
	var servers []emulator.HuaweiServer
	for i := range 2*size + 2 {
		servers = append(servers, emulator.HuaweiServer{
			ID: fmt.Sprintf("%08x-0000-4000-8000-%012x", i+1, i+1), Name: fmt.Sprintf("fault-rack-node%02d", i+1), ManageState: "ready",
		})
	}
	return emulator.Options{Credentials: map[string]string{keyID: secret}, Huawei: emulator.HuaweiOptions{Servers: servers}}
}

type workspace struct {
	t   *testing.T
	dir string
	env []string
	log string
}

func newWorkspace(t *testing.T, emu *emulator.Server, config string) *workspace {
	t.Helper()
	dir := t.TempDir()
	// A .terraform directory, as terraform init makes, holds the provider's create journal.
	if err := os.Mkdir(filepath.Join(dir, ".terraform"), 0o700); err != nil {
		t.Fatal(err)
	}
	rc := filepath.Join(dir, "terraformrc")
	must(t, os.WriteFile(rc, fmt.Appendf(nil, "provider_installation {\n  dev_overrides {\n    \"registry.terraform.io/cloudcompute/cloudcompute\" = %q\n  }\n  direct {}\n}\n", providerDir), 0o600))
	must(t, os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600))
	w := &workspace{t: t, dir: dir, log: filepath.Join(dir, "trace.log")}
	w.env = append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "TF_LOG=TRACE", "TF_LOG_PATH="+w.log,
		"ZENLAYERCLOUD_DOMAIN="+emu.Endpoint(), "ZENLAYERCLOUD_SCHEME=HTTP",
		"ZENLAYERCLOUD_ACCESS_KEY_ID="+keyID, "ZENLAYERCLOUD_ACCESS_KEY_PASSWORD="+secret,
		"HW_REGION_NAME="+emulator.HuaweiRegion, "HW_PROJECT_ID="+emulator.HuaweiProjectID,
		"HW_ACCESS_KEY="+emulator.HuaweiAccessKey, "HW_SECRET_KEY="+emulator.HuaweiSecretKey,
		"HW_CLOUDDC_ENDPOINT=http://"+emu.Endpoint(), "TF_VAR_clouddc_password="+cdcPassword,
		"ZENLAYERCLOUD_CLIENT_TIMEOUT="+strconv.Itoa(clientTimeout), "HW_CLIENT_TIMEOUT="+strconv.Itoa(clientTimeout),
	)
	return w
}

func (w *workspace) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "terraform", args...) //nolint:gosec // test
	cmd.Dir, cmd.Env = w.dir, w.env
	return cmd
}

// run runs terraform and returns its exit code and output.
func (w *workspace) run(args ...string) (int, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if args[0] != "show" {
		args = append(args, "-no-color", "-input=false")
	}
	cmd := w.command(ctx, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), out.String()
	}
	if err != nil {
		w.t.Fatalf("terraform %v: %v", args, err)
	}
	return 0, out.String()
}

// until runs terraform until it succeeds, at most n times.
func (w *workspace) until(n int, args ...string) (runs int) {
	w.t.Helper()
	var out string
	for runs = 1; runs <= n; runs++ {
		var code int
		code, out = w.run(args...)
		if code == 0 {
			return runs
		}
	}
	w.t.Fatalf("terraform %v failed %d times; last output:\n%s", args, n, tail(out, 3000))
	return runs
}

// stateIDs are the ids of the managed resources in the state.
func (w *workspace) stateIDs() []string {
	return w.stateIDsWhere(func(string) bool { return true })
}

// stateIDsWhere are the ids of the managed resources in the state whose
// resource name (the "app" of cloudcompute_zenlayer_zec_instance.app) keep says.
func (w *workspace) stateIDsWhere(keep func(name string) bool) []string {
	w.t.Helper()
	code, out := w.run("show", "-json")
	if code != 0 {
		w.t.Fatalf("terraform show: %s", out)
	}
	var doc struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Mode   string         `json:"mode"`
					Name   string         `json:"name"`
					Values map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &doc); err != nil {
		w.t.Fatalf("terraform show -json: %v", err)
	}
	var ids []string
	for _, r := range doc.Values.RootModule.Resources {
		if r.Mode == "managed" && keep(r.Name) {
			ids = append(ids, fmt.Sprint(r.Values["id"]))
		}
	}
	slices.Sort(ids)
	return ids
}

// inventory is every object in the emulator that a configuration manages
// (boot disks come and go with their instances), less those that a
// destroy of a "kept" resource (release_on_destroy = false) left in a
// recycle bin on purpose: a replaced kept machine stays restorable there.
func inventory(emu *emulator.Server) []string {
	var ids []string
	for kind, list := range emu.Inventory() {
		for _, id := range list {
			if kind == "zec_disk" {
				if d, ok := emu.ZECDisk(id); ok && d.Type == "SYSTEM" {
					continue
				}
			}
			if keptInBin(emu, id) {
				continue
			}
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// keptInBin reports whether id is an object of a kept resource (named
// fault-kept) in a recycle bin.
func keptInBin(emu *emulator.Server, id string) bool {
	var name, status string
	if v, ok := emu.ZECDisk(id); ok {
		name, status = v.Name, v.Status
	} else if v, ok := emu.ZECInstance(id); ok {
		name, status = v.Name, v.Status
	} else if v, ok := emu.BMCInstance(id); ok {
		name, status = v.Name, v.Status
	}
	return name == "fault-kept" && strings.HasPrefix(status, "RECYCL")
}

// drained waits for objects that a destroy left in an irreversible release
// (RELEASING, DELETING: a refresh rightly counts them as gone) to vanish,
// and returns what is still there after that (inventory: less what kept
// resources left in a recycle bin).
func drained(emu *emulator.Server) []string {
	deadline := time.Now().Add(15 * time.Second)
	for {
		left := inventory(emu)
		if len(left) == 0 || time.Now().After(deadline) {
			return left
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// keptIDs are the ids in the state of the resources whose destroy keeps
// the object in a recycle bin (named "kept" in mixedConfig).
func (w *workspace) keptIDs() []string {
	return w.stateIDsWhere(func(name string) bool { return name == "kept" })
}

// converged checks that the emulator holds exactly what the state lists.
func (w *workspace) converged(emu *emulator.Server) {
	w.t.Helper()
	state, inv := w.stateIDs(), inventory(emu)
	if !slices.Equal(state, inv) {
		w.t.Fatalf("state and emulator differ: state %v, emulator %v; emulator log of the difference: %v", state, inv, actionsOf(emu, symmetricDiff(state, inv)))
	}
}

func (w *workspace) noSecretsLogged() {
	w.t.Helper()
	b, err := os.ReadFile(w.log)
	if err != nil {
		w.t.Fatalf("reading the trace log: %v", err)
	}
	for _, line := range []string{"Zenlayer API call", "Huawei Cloud API call"} {
		if !bytes.Contains(b, []byte(line)) {
			w.t.Fatalf("the trace log has no %q lines: the secret check would prove nothing", line)
		}
	}
	for name, s := range map[string]string{
		"the Zenlayer access key password": secret, "the Huawei secret key": emulator.HuaweiSecretKey, "the CloudDC administrator password": cdcPassword,
	} {
		if bytes.Contains(b, []byte(s)) {
			w.t.Fatalf("%s appears in the TF_LOG=trace output", name)
		}
	}
}

// mixedConfig is n of each machine and disk. Creates have a short timeout:
// a create whose answer is lost is looked up by its token for that long.
// With keep, it also holds a ZEC instance, a ZEC disk and a BMC machine
// with release_on_destroy = false, which a destroy leaves in the recycle
// bin (the emulator's ZEC release mode must then be "recycle").
func mixedConfig(n int, keep ...bool) string {
	kept := ""
	if len(keep) > 0 && keep[0] {
		kept = `
resource "cloudcompute_zenlayer_zec_instance" "kept" {
  zone_id            = "asia-east-1a"
  instance_type      = "z2a.cpu.1"
  image_id           = "ubuntu-22.04"
  subnet_id          = "subnet-faults"
  name               = "fault-kept"
  key_id             = "key-faults"
  release_on_destroy = false
  timeouts           = { create = "20s" }
}

resource "cloudcompute_zenlayer_zec_disk" "kept" {
  zone_id            = "asia-east-1a"
  name               = "fault-kept"
  size               = 20
  release_on_destroy = false
  timeouts           = { create = "20s" }
}

resource "cloudcompute_zenlayer_bmc_instance" "kept" {
  zone_id            = "SEL-A"
  instance_type_id   = "S9I"
  image_id           = "img-ubuntu-2204"
  name               = "fault-kept"
  ssh_keys           = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyOnly faults@example"]
  release_on_destroy = false
  timeouts           = { create = "20s" }
}
`
	}
	return kept + configHeader + fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_instance" "app" {
  count         = %[1]d
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.1"
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-faults"
  name          = "fault-app-${count.index}"
  key_id        = "key-faults"
  timeouts      = { create = "20s" }
}

resource "cloudcompute_zenlayer_zec_disk" "data" {
  count        = %[1]d
  zone_id      = "asia-east-1a"
  name         = "fault-data-${count.index}"
  size         = 20
  instance_id  = cloudcompute_zenlayer_zec_instance.app[count.index].id
  force_detach = true
  timeouts     = { create = "20s" }
}

resource "cloudcompute_zenlayer_bmc_instance" "metal" {
  count            = %[1]d
  zone_id          = "SEL-A"
  instance_type_id = "S9I"
  image_id         = "img-ubuntu-2204"
  name             = "fault-metal-${count.index}"
  ssh_keys         = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFaultSuiteKeyOnly faults@example"]
  timeouts         = { create = "20s" }
}

resource "cloudcompute_huaweicloud_clouddc_instance" "dc" {
  count              = %[1]d
  name               = "fault-dc-${count.index}"
  image_id           = %[2]q
  vpc_id             = %[3]q
  network_interfaces = [{ subnet_id = %[4]q }]
  password_wo        = var.clouddc_password
  metadata           = { suite = "faults" }
  timeouts           = { create = "20s" }
}
`, n, emulator.HuaweiImageID, emulator.HuaweiVPCID, emulator.HuaweiSubnetID)
}

// configHeader starts a configuration of the suite: the provider, with both
// clouds, and the CloudDC password variable (TF_VAR_clouddc_password).
const configHeader = `
terraform {
  required_providers {
    cloudcompute = { source = "cloudcompute/cloudcompute" }
  }
}

provider "cloudcompute" {
  zenlayer {}
  huaweicloud {}
}

variable "clouddc_password" {
  type      = string
  sensitive = true
}
`

// faultRules spreads rate over every kind of fault.
func faultRules(rate float64) []emulator.FaultRule {
	shares := map[emulator.FaultKind]float64{
		emulator.FaultRateLimit: 0.2, emulator.FaultRateLimitBare: 0.1, emulator.Fault500: 0.15, emulator.Fault502: 0.1,
		emulator.Fault503: 0.15, emulator.FaultLatency: 0.1, emulator.FaultCutBefore: 0.1, emulator.FaultCutAfter: 0.1,
		// Only instance creates draw it: about 8% of them end in a failure status.
		emulator.FaultAsyncFail: 0.5,
	}
	var rules []emulator.FaultRule
	for _, kind := range emulator.FaultKinds {
		if kind == emulator.FaultSlow {
			continue
		}
		rules = append(rules, emulator.FaultRule{Kind: kind, Rate: rate * shares[kind], Latency: 300 * time.Millisecond})
	}
	// A slow server on creates: answered after the provider's client
	// timeout (clientTimeout), carried out all the same.
	rules = append(rules, emulator.FaultRule{Kind: emulator.FaultSlow, Rate: rate * 0.5, Latency: (clientTimeout + 1) * time.Second, Actions: createActions})
	return rules
}

// clientTimeout is the providers' HTTP timeout in the suite (seconds).
const clientTimeout = 2

// createActions are the create requests of every resource type.
var createActions = []string{"zec.CreateZecInstances", "zec.CreateDisks", "bmc.CreateInstances", "clouddc.POST /v1/" + emulator.HuaweiProjectID + "/instances"}

// report collects the suite's figures.
type report struct {
	mu        sync.Mutex
	Runs      int                        `json:"runs"`
	Rate      float64                    `json:"fault_rate"`
	Faults    map[emulator.FaultKind]int `json:"faults_injected"`
	Created   int                        `json:"objects_created"`
	Destroyed int                        `json:"objects_left_after_destroy"`
	Leaks     int                        `json:"leaks"`
	// Duplicates are objects beyond the state's after a successful apply
	// (converged fails the run on any).
	Duplicates int `json:"duplicates"`
	// Kept are objects that release_on_destroy = false leaves in a recycle
	// bin; Freed, those of them that a destroy freed all the same.
	Kept        int `json:"kept_in_recycle_bin"`
	Freed       int `json:"freed_though_kept"`
	ApplyRuns   int `json:"apply_runs"`
	DestroyRuns int `json:"destroy_runs"`
}

func TestFaultSuite(t *testing.T) {
	skipIfReal(t)
	first, seeds := envInt("FAULT_FIRST_SEED", 1), envInt("FAULT_SEEDS", 2)
	rate := envFloat("FAULT_RATE", 0.2)
	size := envInt("FAULT_SIZE", 2)
	rep := &report{Rate: rate, Faults: map[emulator.FaultKind]int{}}
	for seed := first; seed < first+seeds; seed++ {
		t.Run("seed-"+strconv.Itoa(seed), func(t *testing.T) {
			t.Parallel()
			opts := options(size)
			opts.Seed, opts.Faults = uint64(seed), faultRules(rate)
			// Even seeds run on an account with a recycle bin, with
			// resources whose destroy must leave them there.
			recycle := seed%2 == 0
			if recycle {
				opts.ZECReleaseMode = emulator.ReleaseRecycle
			}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, mixedConfig(size, recycle))

			applies := w.until(8, "apply", "-auto-approve")
			emu.Settle(10 * time.Second) // a slow create still in flight would be a duplicate too
			if extra := len(inventory(emu)) - len(w.stateIDs()); extra > 0 {
				rep.mu.Lock()
				rep.Duplicates += extra
				rep.mu.Unlock()
			}
			w.converged(emu)
			created := len(inventory(emu))
			if code, out := w.run("plan", "-detailed-exitcode"); code != 0 {
				if code == 2 || w.until(3, "plan", "-detailed-exitcode") != 1 {
					t.Fatalf("plan after apply is not empty (exit %d):\n%s", code, tail(out, 3000))
				}
			}
			kept := w.keptIDs()
			destroys := w.until(5, "destroy", "-auto-approve")
			left := drained(emu)
			var freed []string
			for _, id := range kept {
				if !keptInBin(emu, id) {
					freed = append(freed, id)
				}
			}
			if len(freed) > 0 {
				t.Errorf("objects freed that the configuration keeps (release_on_destroy = false): %v\nemulator log of them: %v", freed, actionsOf(emu, freed))
			}
			if len(left) != 0 {
				var detail []string
				for _, id := range left {
					if v, ok := emu.BMCInstance(id); ok {
						detail = append(detail, fmt.Sprintf("%s %s", id, v.Status))
					} else if v, ok := emu.CloudDCInstance(id); ok {
						detail = append(detail, fmt.Sprintf("%s %s", id, v.State))
					} else {
						detail = append(detail, id)
					}
				}
				t.Errorf("objects leaked after destroy: %v\nemulator log of them: %v", detail, actionsOf(emu, left))
			}
			w.noSecretsLogged()

			rep.mu.Lock()
			defer rep.mu.Unlock()
			rep.Runs++
			rep.ApplyRuns += applies
			rep.DestroyRuns += destroys
			rep.Created += created
			rep.Leaks += len(left)
			rep.Kept += len(kept)
			rep.Freed += len(freed)
			for k, v := range emu.FaultCounts() {
				rep.Faults[k] += v
			}
			t.Logf("seed %d: %d applies, %d destroys, %d objects, faults %v", seed, applies, destroys, created, emu.FaultCounts())
		})
	}
	t.Cleanup(func() {
		rep.mu.Lock()
		defer rep.mu.Unlock()
		total := 0
		for _, v := range rep.Faults {
			total += v
		}
		kinds := slices.Sorted(maps.Keys(rep.Faults))
		var parts []string
		for _, k := range kinds {
			parts = append(parts, fmt.Sprintf("%s=%d", k, rep.Faults[k]))
		}
		t.Logf("fault suite: %d runs at %.0f%% faults, %d faults injected (%s), %d objects created, %d leaks, %d duplicates, %d kept in a recycle bin, %d of them freed, %d apply runs, %d destroy runs",
			rep.Runs, rate*100, total, strings.Join(parts, " "), rep.Created, rep.Leaks, rep.Duplicates, rep.Kept, rep.Freed, rep.ApplyRuns, rep.DestroyRuns)
		if path := os.Getenv("FAULT_REPORT"); path != "" {
			b, _ := json.MarshalIndent(rep, "", "  ")
			_ = os.WriteFile(path, b, 0o600)
		}
	})
}

// An apply interrupted with Ctrl-C (SIGINT to terraform), one whose
// provider process is killed, and one whose terraform is killed (SIGKILL:
// it writes no state, and its provider, left alone, exits or lingers,
// idle): the next apply and destroy converge with no duplicate and no
// leak.
func TestInterruptedApply(t *testing.T) {
	skipIfReal(t)
	for _, how := range interruptions {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			opts := options(2)
			opts.Durations = emulator.Durations{InstanceCreate: 3 * time.Second, BMCCreate: 2 * time.Second, BMCInstall: 2 * time.Second, CloudDCCreate: 3 * time.Second}
			emu, err := emulator.Start(opts)
			must(t, err)
			defer func() { _ = emu.Close() }()
			w := newWorkspace(t, emu, mixedConfig(2))

			apply := w.start(t, "apply")
			// Interrupt while the creates are in flight.
			deadline := time.Now().Add(time.Minute)
			for (emu.CallCount("zec.CreateZecInstances")+emu.CallCount("bmc.CreateInstances") < 3 || emu.CallCount("clouddc.CreateInstance") < 1) &&
				time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			time.Sleep(500 * time.Millisecond)
			apply.stop(t, w, how)
			journal, _ := filepath.Glob(filepath.Join(w.dir, ".terraform", "cloudcompute-creates", "*"))
			kinds := map[string]int{}
			for kind, ids := range emu.Inventory() {
				kinds[kind] = len(ids)
			}
			t.Logf("interrupted apply (%s) left %d objects in the emulator %v, %d in the state, %d creates in the journal",
				how, len(inventory(emu)), kinds, len(w.stateIDs()), len(journal))

			w.until(3, "apply", "-auto-approve")
			w.converged(emu)
			if got := len(inventory(emu)); got != 8 {
				t.Fatalf("the emulator holds %d objects after the re-apply, want 8", got)
			}
			w.until(3, "destroy", "-auto-approve")
			if left := drained(emu); len(left) != 0 {
				t.Fatalf("objects leaked: %v", left)
			}
		})
	}
}

// interruptions are the ways interrupt stops a terraform command.
var interruptions = []string{"sigint-terraform", "kill-provider", "kill-terraform"}

// interrupt stops cmd, a terraform command run in dir, in one of the
// interruptions: Ctrl-C (SIGINT to terraform), SIGKILL to its provider
// processes, or SIGKILL to terraform. It reports false when there was no
// provider process to kill.
func interrupt(cmd *exec.Cmd, dir, how string) bool {
	switch how {
	case "sigint-terraform":
		_ = cmd.Process.Signal(os.Interrupt)
	case "kill-provider":
		return killProviders(dir) > 0
	case "kill-terraform":
		_ = cmd.Process.Kill()
	}
	return true
}

// killProviders SIGKILLs the provider processes started from providerDir
// for the workspace and returns how many it killed.
func killProviders(dir string) int {
	killed := 0
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe"))
		if err != nil || !strings.HasPrefix(exe, providerDir) {
			continue
		}
		cwd, err := os.Readlink(filepath.Join("/proc", e.Name(), "cwd"))
		if err != nil || cwd != dir {
			continue
		}
		if syscall.Kill(pid, syscall.SIGKILL) == nil {
			killed++
		}
	}
	return killed
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil && v >= 0 {
		return v
	}
	return def
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

func actionsOf(emu *emulator.Server, ids []string) []string {
	var out []string
	for _, e := range emu.Log() {
		for _, id := range ids {
			if slices.Contains(e.IDs, id) {
				out = append(out, fmt.Sprintf("%s.%s %d %s", e.API, e.Action, e.Status, e.Code))
				break
			}
		}
	}
	return out
}

// symmetricDiff is what only one of a and b holds.
func symmetricDiff(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, x)
		}
	}
	return out
}
