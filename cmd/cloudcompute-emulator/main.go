// Command cloudcompute-emulator runs the local cloud API emulator in the
// foreground on a loopback address, printing its endpoint and the test
// credentials. Flags (or the environment variables named in -help) set the
// port, the asynchronous durations and the release behaviour.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

func main() {
	fast := emulator.FastDurations()
	addr := flag.String("addr", envOr("EMULATOR_ADDR", "127.0.0.1:8780"), "listen address, loopback only (env EMULATOR_ADDR; port 0 picks a free one)")
	endpointFile := flag.String("endpoint-file", os.Getenv("EMULATOR_ENDPOINT_FILE"), "write host:port here once listening (env EMULATOR_ENDPOINT_FILE)")
	releaseMode := flag.String("zec-release-mode", envOr("EMULATOR_ZEC_RELEASE_MODE", string(emulator.ReleaseImmediate)), "what ReleaseDisk does: immediate or recycle (env EMULATOR_ZEC_RELEASE_MODE)")
	starting := flag.String("zec-starting-status", envOr("EMULATOR_ZEC_STARTING_STATUS", "BOOTING"), "status of a ZEC instance being started: BOOTING (the DescribeInstances enum) or STARTING (the StartInstances document) (env EMULATOR_ZEC_STARTING_STATUS)")
	rate := flag.Float64("rate-limit", envFloat("EMULATOR_RATE_LIMIT", 0), "requests per second per key before 429 (0: unlimited; env EMULATOR_RATE_LIMIT)")
	quiet := flag.Bool("quiet", os.Getenv("EMULATOR_QUIET") != "", "do not print each request (env EMULATOR_QUIET)")
	d := durationFlags(fast)
	failRate := flag.Float64("create-fail-rate", envFloat("EMULATOR_CREATE_FAIL_RATE", 0), "share (0..1) of instance creates that end in a failure status (env EMULATOR_CREATE_FAIL_RATE)")
	seed := flag.Uint64("seed", uint64(envFloat("EMULATOR_SEED", 1)), "seed of every random choice (env EMULATOR_SEED)")
	faults := flag.String("faults", os.Getenv("EMULATOR_FAULTS"), "inject faults: kind=rate[@action|api...][~latency],... kinds "+emulator.FaultKindNames()+" (env EMULATOR_FAULTS)")
	scale := flag.Float64("duration-scale", envFloat("EMULATOR_DURATION_SCALE", 1), "multiply every duration (env EMULATOR_DURATION_SCALE)")
	flag.Parse()

	host := *addr
	if !transport.IsLoopbackHost(host) {
		log.Fatalf("refusing to listen on %s: the emulator serves loopback addresses only", host)
	}
	faultRules, err := emulator.ParseFaults(*faults)
	if err != nil {
		log.Fatal(err)
	}
	opts := emulator.Options{
		Faults: faultRules,
		Addr:   host, Durations: d.Scale(*scale), ZECReleaseMode: emulator.ReleaseMode(*releaseMode), RateLimit: *rate,
		ZECStartingStatus: *starting,
		CreateFailRate:    *failRate, Seed: *seed,
	}
	if !*quiet {
		opts.Logf = func(format string, args ...any) { fmt.Printf("emulator: "+format+"\n", args...) }
	}
	srv, err := emulator.Start(opts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("cloudcompute emulator listening on %s\n", srv.URL())
	fmt.Printf("  Zenlayer API 2.0: %s/api/v2/{zec,bmc}\n", srv.URL())
	fmt.Printf("  export ZENLAYERCLOUD_DOMAIN=%s ZENLAYERCLOUD_SCHEME=HTTP\n", srv.Endpoint())
	fmt.Printf("  export ZENLAYERCLOUD_ACCESS_KEY_ID=%s ZENLAYERCLOUD_ACCESS_KEY_PASSWORD=%s\n", emulator.DefaultAccessKeyID, emulator.DefaultAccessKeyPassword)
	fmt.Printf("  Huawei Cloud CloudDC: %s/v1/%s, IAM: %s/v3\n", srv.URL(), emulator.HuaweiProjectID, srv.URL())
	fmt.Printf("  export HW_REGION_NAME=%s HW_PROJECT_ID=%s HW_CLOUDDC_ENDPOINT=%s HW_AUTH_URL=%s/v3\n", emulator.HuaweiRegion, emulator.HuaweiProjectID, srv.URL(), srv.URL())
	fmt.Printf("  export HW_ACCESS_KEY=%s HW_SECRET_KEY=%s\n", emulator.HuaweiAccessKey, emulator.HuaweiSecretKey)
	fmt.Printf("  calls: %s/_emulator/calls  log: %s/_emulator/log  inventory: %s/_emulator/inventory\n", srv.URL(), srv.URL(), srv.URL())
	if *endpointFile != "" {
		if err := os.WriteFile(filepath.Clean(*endpointFile), []byte(srv.Endpoint()+"\n"), 0o600); err != nil { //nolint:gosec // operator-chosen path
			log.Fatal(err)
		}
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	fmt.Println("cloudcompute emulator stopping")
	printSummary(srv)
	_ = srv.Close()
}

// printSummary prints the calls per action and what is left in the emulator.
func printSummary(srv *emulator.Server) {
	calls := srv.Calls()
	actions := make([]string, 0, len(calls))
	total := 0
	for a, n := range calls {
		actions = append(actions, a)
		total += n
	}
	sort.Strings(actions)
	fmt.Printf("API calls: %d\n", total)
	for _, a := range actions {
		fmt.Printf("  %-40s %5d\n", a, calls[a])
	}
	inv := srv.Inventory()
	kinds := make([]string, 0, len(inv))
	for k := range inv {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Println("objects left in the emulator:")
	if len(kinds) == 0 {
		fmt.Println("  none")
	}
	for _, k := range kinds {
		fmt.Printf("  %-20s %v\n", k, inv[k])
	}
}

// durationFlags defines one flag per field of emulator.Durations:
// DiskCreate is -disk-create and EMULATOR_DISK_CREATE.
func durationFlags(def emulator.Durations) *emulator.Durations {
	d := def
	v := reflect.ValueOf(&d).Elem()
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		var words []string
		start := 0
		for j := 1; j <= len(name); j++ {
			boundary := j == len(name) || (unicode.IsUpper(rune(name[j])) &&
				(!unicode.IsUpper(rune(name[j-1])) || (j+1 < len(name) && unicode.IsLower(rune(name[j+1])))))
			if boundary {
				words = append(words, strings.ToLower(name[start:j]))
				start = j
			}
		}
		flagName := strings.Join(words, "-")
		env := "EMULATOR_" + strings.ToUpper(strings.Join(words, "_"))
		ptr := (*time.Duration)(v.Field(i).Addr().UnsafePointer())
		flag.DurationVar(ptr, flagName, envDuration(env, *ptr), fmt.Sprintf("duration of %s (env %s)", name, env))
	}
	return &d
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v := os.Getenv(name); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		return d
	}
	return def
}

func envFloat(name string, def float64) float64 {
	if v := os.Getenv(name); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		return f
	}
	return def
}
