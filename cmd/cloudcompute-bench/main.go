// Command cloudcompute-bench measures the provider with the real terraform
// CLI against the emulator at realistic durations: apply, plan (refresh)
// and destroy of N ZEC instances, each with one data disk, with the
// request coalescer on and off. It prints a table (wall time, ideal time,
// their ratio, API calls per action, rate-limit refusals, provider peak RSS)
// and writes the same figures as JSON. `make bench` runs it.
//
// It imports of the project only internal/emulator: it measures the
// provider binary through the terraform CLI, never the provider in-process.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// Result is one phase of one run.
type Result struct {
	N           int            `json:"n"`
	Coalescer   string         `json:"coalescer"`
	Phase       string         `json:"phase"`
	WallSeconds float64        `json:"wall_seconds"`
	IdealSecond float64        `json:"ideal_seconds"`
	Ratio       float64        `json:"ratio"`
	Calls       int            `json:"api_calls"`
	ByAction    map[string]int `json:"api_calls_by_action"`
	RateLimited int            `json:"rate_limited_429"`
	Resources   int            `json:"resources"`
	PeakRSSMiB  float64        `json:"provider_peak_rss_mib"`
	Error       string         `json:"error,omitempty"`
}

// Report is the JSON file.
type Report struct {
	Time        time.Time          `json:"time"`
	Machine     string             `json:"machine"`
	Terraform   string             `json:"terraform"`
	Parallelism int                `json:"parallelism"`
	RateLimit   float64            `json:"emulator_rate_limit_rps"`
	Durations   map[string]float64 `json:"durations_seconds"`
	Results     []Result           `json:"results"`
}

func main() {
	ns := flag.String("n", envOr("BENCH_N", "10,100,300"), "instance counts, comma separated (env BENCH_N)")
	modes := flag.String("coalescer", envOr("BENCH_COALESCER", "on,off"), "coalescer modes to run: on, off (env BENCH_COALESCER)")
	providerDir := flag.String("provider-dir", "", "directory holding the built terraform-provider-cloudcompute")
	out := flag.String("out", envOr("BENCH_OUT", ".bench/results.json"), "where to write the JSON (env BENCH_OUT)")
	parallelism := flag.Int("parallelism", 10, "terraform -parallelism")
	rate := flag.Float64("rate-limit", envFloat("BENCH_RATE_LIMIT", 50), "emulator requests per second per key (env BENCH_RATE_LIMIT; 0 = unlimited)")
	instanceCreate := flag.Duration("instance-create", envDuration("BENCH_INSTANCE_CREATE", 3*time.Second), "ZEC instance create (env BENCH_INSTANCE_CREATE)")
	startStop := flag.Duration("start-stop", envDuration("BENCH_START_STOP", 2*time.Second), "start and stop (env BENCH_START_STOP)")
	release := flag.Duration("release", envDuration("BENCH_RELEASE", 2*time.Second), "instance release (env BENCH_RELEASE)")
	disk := flag.Duration("disk", envDuration("BENCH_DISK", time.Second), "every disk transition (env BENCH_DISK)")
	flag.Parse()
	if *providerDir == "" {
		log.Fatal("-provider-dir is required")
	}
	abs, err := filepath.Abs(*providerDir)
	if err != nil {
		log.Fatal(err)
	}
	d := emulator.Durations{
		InstanceCreate: *instanceCreate, InstanceStart: *startStop, InstanceStop: *startStop,
		InstanceRelease: *release, InstanceRecycle: *release, InstanceChange: *startStop,
		DiskCreate: *disk, DiskAttach: *disk, DiskDetach: *disk, DiskResize: *disk, DiskRelease: *disk, DiskRecycle: *disk,
	}
	report := Report{
		Time: time.Now().UTC(), Machine: machine(), Terraform: terraformVersion(), Parallelism: *parallelism, RateLimit: *rate,
		Durations: map[string]float64{
			"instance_create": d.InstanceCreate.Seconds(), "instance_start_stop": d.InstanceStart.Seconds(),
			"instance_release": d.InstanceRelease.Seconds(), "disk": d.DiskCreate.Seconds(),
		},
	}
	fmt.Printf("machine: %s\nterraform: %s, -parallelism=%d, emulator rate limit %.0f req/s\n", report.Machine, report.Terraform, *parallelism, *rate)
	fmt.Printf("durations: instance create %s, start/stop %s, release %s, disk %s\n\n", d.InstanceCreate, d.InstanceStart, d.InstanceRelease, d.DiskCreate)
	printHeader()
	for _, mode := range strings.Split(*modes, ",") {
		mode = strings.TrimSpace(mode)
		for _, nStr := range strings.Split(*ns, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(nStr))
			if err != nil || n <= 0 {
				log.Fatalf("bad N %q", nStr)
			}
			results := run(abs, n, mode, *parallelism, *rate, d)
			for _, r := range results {
				printRow(r)
			}
			report.Results = append(report.Results, results...)
		}
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o750); err != nil {
		log.Fatal(err)
	}
	b, _ := json.MarshalIndent(report, "", "  ")
	if err := os.WriteFile(*out, append(b, '\n'), 0o600); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nwrote %s\n", *out)
	for _, r := range report.Results {
		if r.Error != "" {
			os.Exit(1)
		}
	}
}

// run applies, plans and destroys n instances with one disk each.
func run(providerDir string, n int, mode string, parallelism int, rate float64, d emulator.Durations) []Result {
	emu, err := emulator.Start(emulator.Options{Durations: d, RateLimit: rate, RateBurst: int(rate)})
	if err != nil {
		log.Fatal(err)
	}
	defer func() { _ = emu.Close() }()
	dir, err := os.MkdirTemp("", "cloudcompute-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer func() { _ = os.RemoveAll(dir) }()
	cliConfig := filepath.Join(dir, "terraformrc")
	must(os.WriteFile(cliConfig, []byte(fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/cloudcompute/cloudcompute" = %q
  }
  direct {}
}
`, providerDir)), 0o600))
	must(os.WriteFile(filepath.Join(dir, "main.tf"), []byte(benchConfig(n)), 0o600))
	window := "15ms"
	if mode == "off" {
		window = "0"
	}
	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1",
		"ZENLAYERCLOUD_DOMAIN="+emu.Endpoint(), "ZENLAYERCLOUD_SCHEME=HTTP",
		"ZENLAYERCLOUD_ACCESS_KEY_ID="+emulator.DefaultAccessKeyID, "ZENLAYERCLOUD_ACCESS_KEY_PASSWORD="+emulator.DefaultAccessKeyPassword,
		"CLOUDCOMPUTE_BATCH_WINDOW="+window,
	)
	par := "-parallelism=" + strconv.Itoa(parallelism)
	// Slot-seconds of work per resource pair, and the longest chain.
	applyWork := d.InstanceCreate + d.DiskCreate + d.DiskAttach
	destroyWork := d.DiskDetach + d.DiskRelease + d.InstanceRelease
	phases := []struct {
		name  string
		args  []string
		ideal time.Duration
	}{
		{"apply", []string{"apply", "-auto-approve", "-input=false", par}, ideal(n, parallelism, d.InstanceCreate, d.DiskCreate+d.DiskAttach, applyWork)},
		{"plan", []string{"plan", "-input=false", "-detailed-exitcode", par}, 0},
		{"destroy", []string{"destroy", "-auto-approve", "-input=false", par}, ideal(n, parallelism, d.DiskDetach+d.DiskRelease, d.InstanceRelease, destroyWork)},
	}
	var results []Result
	for _, ph := range phases {
		emu.ResetLog()
		r := Result{N: n, Coalescer: mode, Phase: ph.name, IdealSecond: ph.ideal.Seconds(), Resources: 2 * n}
		rss := startRSSSampler()
		start := time.Now()
		cmd := exec.CommandContext(context.Background(), "terraform", ph.args...) //nolint:gosec // fixed arguments
		cmd.Dir, cmd.Env = dir, env
		outBytes, err := cmd.CombinedOutput()
		r.WallSeconds = time.Since(start).Seconds()
		r.PeakRSSMiB = rss()
		if err != nil {
			r.Error = fmt.Sprintf("%v: %s", err, tail(string(outBytes), 1500))
		}
		if ph.ideal > 0 {
			r.Ratio = r.WallSeconds / ph.ideal.Seconds()
		}
		r.ByAction = emu.Calls()
		for _, c := range r.ByAction {
			r.Calls += c
		}
		for _, e := range emu.Log() {
			if e.Status == 429 {
				r.RateLimited++
			}
		}
		results = append(results, r)
		if r.Error != "" {
			break
		}
	}
	if left := emu.Inventory(); len(left["zec_instance"])+len(left["zec_disk"]) > 0 && results[len(results)-1].Phase == "destroy" {
		results[len(results)-1].Error = fmt.Sprintf("left behind: %d instances, %d disks", len(left["zec_instance"]), len(left["zec_disk"]))
	}
	return results
}

// ideal is the least wall time for n (first, then second) operation pairs
// on p slots: the chain of one pair, or the slot-seconds of all pairs
// spread over the slots, whichever is longer.
func ideal(n, p int, first, second, work time.Duration) time.Duration {
	chain := first + second
	spread := time.Duration(int64(work) * int64(n) / int64(p))
	return max(chain, spread)
}

func benchConfig(n int) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    cloudcompute = { source = "cloudcompute/cloudcompute" }
  }
}

provider "cloudcompute" {
  zenlayer {}
}

resource "cloudcompute_zenlayer_zec_instance" "bench" {
  count         = %[1]d
  zone_id       = "asia-east-1a"
  name          = "bench-${count.index}"
  instance_type = "z2a.cpu.1"
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-asia-east-1a-default"
  key_id        = "key-bench"
}

resource "cloudcompute_zenlayer_zec_disk" "bench" {
  count        = %[1]d
  zone_id      = "asia-east-1a"
  name         = "bench-${count.index}"
  size         = 20
  instance_id  = cloudcompute_zenlayer_zec_instance.bench[count.index].id
  force_detach = true
}
`, n)
}

// startRSSSampler watches provider processes and returns a func that stops
// watching and reports the highest peak RSS (VmHWM) seen, in MiB.
func startRSSSampler() func() float64 {
	var mu sync.Mutex
	peak := 0.0
	stop := make(chan struct{})
	done := make(chan struct{})
	sample := func() {
		entries, _ := os.ReadDir("/proc")
		for _, e := range entries {
			if _, err := strconv.Atoi(e.Name()); err != nil {
				continue
			}
			comm, err := os.ReadFile(filepath.Join("/proc", e.Name(), "comm"))
			if err != nil || !strings.HasPrefix(string(comm), "terraform-provi") {
				continue
			}
			if kb := vmHWM(filepath.Join("/proc", e.Name(), "status")); kb > 0 {
				mu.Lock()
				peak = max(peak, kb/1024)
				mu.Unlock()
			}
		}
	}
	go func() {
		defer close(done)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() float64 {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

func vmHWM(path string) float64 {
	f, err := os.Open(path) //nolint:gosec // /proc
	if err != nil {
		return 0
	}
	defer func() { _ = f.Close() }()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb
		}
	}
	return 0
}

func printHeader() {
	fmt.Printf("%-5s %-9s %-8s %9s %9s %6s %7s %8s %5s %8s  %s\n", "N", "coalescer", "phase", "wall(s)", "ideal(s)", "ratio", "calls", "calls/res", "429s", "RSS(MiB)", "calls by action")
}

func printRow(r Result) {
	ideal, ratio := "-", "-"
	if r.IdealSecond > 0 {
		ideal, ratio = fmt.Sprintf("%.1f", r.IdealSecond), fmt.Sprintf("%.2f", r.Ratio)
	}
	actions := make([]string, 0, len(r.ByAction))
	for a, c := range r.ByAction {
		actions = append(actions, fmt.Sprintf("%s=%d", strings.TrimPrefix(a, "zec."), c))
	}
	sort.Strings(actions)
	fmt.Printf("%-5d %-9s %-8s %9.1f %9s %6s %7d %8.2f %5d %8.1f  %s\n", r.N, r.Coalescer, r.Phase, r.WallSeconds, ideal, ratio, r.Calls,
		float64(r.Calls)/float64(r.Resources), r.RateLimited, r.PeakRSSMiB, strings.Join(actions, " "))
	if r.Error != "" {
		fmt.Printf("      ERROR: %s\n", r.Error)
	}
}

func machine() string {
	model := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		if line, _, ok := strings.Cut(string(b), "\n"); ok {
			if kb, err := strconv.ParseFloat(strings.Fields(line)[1], 64); err == nil {
				mem = fmt.Sprintf(", %.0f GiB RAM", kb/1024/1024)
			}
		}
	}
	return fmt.Sprintf("%s/%s, %d CPUs (%s)%s, %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), model, mem, runtime.Version())
}

func terraformVersion() string {
	out, err := exec.CommandContext(context.Background(), "terraform", "version").Output()
	if err != nil {
		return "unknown"
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(line)
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envFloat(name string, def float64) float64 {
	if v := os.Getenv(name); v != "" {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f
		}
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v := os.Getenv(name); v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return def
}
