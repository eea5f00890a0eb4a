package acctest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// Examples reads the documentation's examples for a test that applies or
// plans them: each path is below the repository's examples/ folder, such
// as "resources/cloudcompute_zenlayer_bmc_instance/resource.tf". A file
// that cannot be read fails t.
func Examples(t *testing.T, paths ...string) []string {
	t.Helper()
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("acctest.Examples: cannot tell where the examples are")
	}
	root := filepath.Join(filepath.Dir(here), "..", "..", "..", "examples")
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p))) //nolint:gosec // a test names the example below examples/
		if err != nil {
			t.Fatalf("reading the example %s: %v", p, err)
		}
		out = append(out, string(b))
	}
	return out
}

// ExamplesConfig is provider's configuration followed by the examples at
// paths (Examples), as one configuration.
func ExamplesConfig(t *testing.T, provider string, paths ...string) string {
	t.Helper()
	return ConfigCompose(append([]string{provider}, Examples(t, paths...)...)...)
}

// ExampleSteps test a resource's documentation example and the examples
// that build on it (its data sources'), against provider with vars: the
// first example alone, whose apply answers first's checks, then every
// example together, whose data sources read what the first made and answer
// all's checks (their outputs, typically).
func ExampleSteps(provider string, vars config.Variables, examples []string, first, all []statecheck.StateCheck) []resource.TestStep {
	return []resource.TestStep{
		{Config: ConfigCompose(provider, examples[0]), ConfigVariables: vars, ConfigStateChecks: first},
		{Config: ConfigCompose(append([]string{provider}, examples...)...), ConfigVariables: vars, ConfigStateChecks: all},
	}
}
