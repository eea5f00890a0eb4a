package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider"
)

// CLI runs the real terraform CLI in a directory of its own against the
// provider served in this process, for what terraform-plugin-testing
// cannot run (terraform apply -invoke, an interrupted command). As
// plugin-testing does, each command gets a provider server of its own,
// reached through TF_REATTACH_PROVIDERS; the CLI is TF_ACC_TERRAFORM_PATH,
// else the PATH's terraform.
type CLI struct {
	t   *testing.T
	Dir string
	bin string
	env []string
}

// NewCLI writes config to main.tf in a new directory and runs terraform
// init there. It skips the test below Terraform 1.<minMinor>.
func NewCLI(t *testing.T, minMinor int, config string) *CLI {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("no terraform on the PATH, and TF_ACC_TERRAFORM_PATH is not set")
		}
	}
	if major, minor := terraformVersion(t, bin); major < 1 || (major == 1 && minor < minMinor) {
		t.Skipf("Terraform %d.%d is older than 1.%d", major, minor, minMinor)
	}
	dir := t.TempDir()
	rc := filepath.Join(dir, "terraformrc")
	for name, content := range map[string]string{"main.tf": config, "terraformrc": ""} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	c := &CLI{t: t, Dir: dir, bin: bin, env: append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TF_LOG=", "TF_LOG_PATH=")}
	if code, out := c.Run("init"); code != 0 {
		t.Fatalf("terraform init: exit %d\n%s", code, out)
	}
	return c
}

// terraformVersion is the version of the terraform CLI bin.
func terraformVersion(t *testing.T, bin string) (major, minor int) {
	t.Helper()
	out, err := exec.CommandContext(context.Background(), bin, "version", "-json").Output() //nolint:gosec // the test's own CLI
	if err != nil {
		t.Fatalf("terraform version: %v", err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("terraform version -json: %v", err)
	}
	parts := strings.SplitN(v.Version, ".", 3)
	if len(parts) < 2 {
		t.Fatalf("terraform version %q", v.Version)
	}
	major, _ = strconv.Atoi(parts[0])
	minor, _ = strconv.Atoi(parts[1])
	return major, minor
}

// Run runs terraform with args (-no-color and -input=false added) and
// returns its exit code and its output.
func (c *CLI) Run(args ...string) (int, string) {
	c.t.Helper()
	cmd, out, stop := c.Start(args...)
	defer stop()
	err := cmd.Wait()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return ee.ExitCode(), out.String()
	case err != nil:
		c.t.Fatalf("terraform %v: %v", args, err)
	}
	return 0, out.String()
}

// MustRun is Run that fails the test unless terraform succeeds.
func (c *CLI) MustRun(args ...string) string {
	c.t.Helper()
	code, out := c.Run(args...)
	if code != 0 {
		c.t.Fatalf("terraform %v: exit %d\n%s", args, code, out)
	}
	return out
}

// Start starts terraform with args (-no-color and -input=false added)
// against a provider server of its own, and returns the command, its
// output so far, and stop, which stops the provider server once the
// command has ended (call it after Wait).
func (c *CLI) Start(args ...string) (*exec.Cmd, *bytes.Buffer, func()) {
	c.t.Helper()
	reattach, stop := c.serve()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	args = append(args, "-no-color", "-input=false")
	cmd := exec.CommandContext(ctx, c.bin, args...) //nolint:gosec // the test's own CLI
	cmd.Dir, cmd.Env = c.Dir, append(c.env, "TF_REATTACH_PROVIDERS="+reattach)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		cancel()
		stop()
		c.t.Fatalf("starting terraform %v: %v", args, err)
	}
	return cmd, &out, func() { cancel(); stop() }
}

// serve starts a provider server in this process and returns its
// TF_REATTACH_PROVIDERS value and the function that stops it.
func (c *CLI) serve() (string, func()) {
	c.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	configCh := make(chan *plugin.ReattachConfig, 1)
	closeCh := make(chan struct{})
	name := "registry.terraform.io/hashicorp/" + ProviderName
	go func() {
		_ = tf6server.Serve(name, providerserver.NewProtocol6(provider.New("test")()),
			tf6server.WithDebug(ctx, configCh, closeCh), tf6server.WithLoggingSink(c.t),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger()))
	}()
	var cfg *plugin.ReattachConfig
	select {
	case cfg = <-configCh:
	case <-time.After(10 * time.Second):
		cancel()
		c.t.Fatal("the provider server did not start")
	}
	type addr struct{ Network, String string }
	type reattach struct {
		Protocol        string
		ProtocolVersion int
		Pid             int
		Test            bool
		Addr            addr
	}
	r := reattach{Protocol: string(cfg.Protocol), ProtocolVersion: cfg.ProtocolVersion, Pid: cfg.Pid, Test: cfg.Test,
		Addr: addr{Network: cfg.Addr.Network(), String: cfg.Addr.String()}}
	b, err := json.Marshal(map[string]reattach{name: r})
	if err != nil {
		cancel()
		c.t.Fatal(err)
	}
	return string(b), func() {
		cancel()
		select {
		case <-closeCh:
		case <-time.After(10 * time.Second):
			c.t.Error("the provider server did not stop")
		}
	}
}

// WriteConfig replaces main.tf.
func (c *CLI) WriteConfig(config string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.Dir, "main.tf"), []byte(config), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// Config is the current main.tf.
func (c *CLI) Config() string {
	c.t.Helper()
	b, err := os.ReadFile(filepath.Join(c.Dir, "main.tf"))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(b)
}

// String names the CLI for messages.
func (c *CLI) String() string { return fmt.Sprintf("terraform in %s", c.Dir) }
