package acctest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider"
)

// ProviderName is the provider's type name in configurations.
const ProviderName = "cloudcompute"

// ProtoV6ProviderFactories serve the provider in-process to the terraform CLI.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	ProviderName: providerserver.NewProtocol6WithError(provider.New("test")()),
}

// PreCheck fails fast when the acceptance test cannot run here.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance tests need TF_ACC=1")
	}
	if err := useTestJournal(); err != nil {
		t.Fatal(err)
	}
}

var (
	journalOnce sync.Once
	journalErr  error
)

// useTestJournal points the create journal at a directory of the test
// run's own, once: the provider runs inside the test process, whose working
// directory is the package's source. The directory is named after the test
// process; those of earlier test processes that have ended are removed
// (a test binary has no hook at its end without a TestMain of its own).
func useTestJournal() error {
	journalOnce.Do(func() {
		if os.Getenv(journal.EnvDir) != "" {
			return
		}
		removeEndedJournals()
		dir, err := os.MkdirTemp("", journalPrefix+strconv.Itoa(os.Getpid())+"-")
		if err == nil {
			err = os.Setenv(journal.EnvDir, dir)
		}
		journalErr = err
	})
	return journalErr
}

// journalPrefix names the test journals in the temporary directory:
// journalPrefix<pid>-<random>.
const journalPrefix = "cloudcompute-acc-journal-"

// removeEndedJournals removes the test journals of processes that no
// longer run.
func removeEndedJournals() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), journalPrefix+"*"))
	for _, dir := range dirs {
		pid, _, ok := strings.Cut(strings.TrimPrefix(filepath.Base(dir), journalPrefix), "-")
		n, err := strconv.Atoi(pid)
		if !ok || err != nil || n <= 0 {
			continue
		}
		if p, err := os.FindProcess(n); err == nil && errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone) {
			_ = os.RemoveAll(dir)
		}
	}
}

// StartEmulator starts an emulator for one test and stops it when the test ends.
// A zero Options gives fast durations and the default credentials.
//
// Against a real cloud (CLOUDCOMPUTE_ACC_TARGET=real) it fails t: a test
// that needs an emulator says so first with SkipIfReal, and one that can
// run against either takes a NewTarget.
func StartEmulator(t testing.TB, opts emulator.Options) *emulator.Server {
	t.Helper()
	if IsReal() {
		t.Fatalf("%s=%s, but this test starts an emulator without saying why it cannot run against a real cloud: "+
			"call acctest.SkipIfReal first, or use acctest.NewTarget", EnvTarget, TargetReal)
	}
	if testing.Verbose() && opts.Logf == nil && os.Getenv("EMULATOR_LOG") != "" {
		opts.Logf = t.Logf
	}
	srv, err := emulator.Start(opts)
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

// Credentials override the provider's defaults for the emulator.
type Credentials struct {
	AccessKeyID, AccessKeyPassword string
}

// ZenlayerProviderConfig is a provider block that points the zenlayer
// block at emu with its default test credentials.
func ZenlayerProviderConfig(emu *emulator.Server) string {
	return ZenlayerProviderConfigWith(emu, Credentials{emulator.DefaultAccessKeyID, emulator.DefaultAccessKeyPassword})
}

// ZenlayerProviderConfigWith is ZenlayerProviderConfig with other credentials.
func ZenlayerProviderConfigWith(emu *emulator.Server, c Credentials) string {
	return zenlayerProvider(attr("domain", emu.Endpoint()), attr("scheme", "HTTP"), attr("access_key_id", c.AccessKeyID),
		attr("access_key_password", c.AccessKeyPassword))
}

// zenlayerProvider is a provider block whose zenlayer block sets attrs
// (name, HCL value), one a line, in order.
func zenlayerProvider(attrs ...[2]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nprovider %q {\n  zenlayer {\n", ProviderName)
	for _, a := range attrs {
		fmt.Fprintf(&b, "    %-19s = %s\n", a[0], a[1])
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// attr is a string attribute for zenlayerProvider.
func attr(name, value string) [2]string { return [2]string{name, strconv.Quote(value)} }

// ConfigCompose joins configuration fragments.
func ConfigCompose(parts ...string) string { return strings.Join(parts, "\n") }
