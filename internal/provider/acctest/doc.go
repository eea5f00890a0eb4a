// Package acctest holds what every acceptance test shares: an emulator per
// test, the provider factories, and the provider configuration that points
// the provider at the emulator, and CLI (cli.go), the real terraform CLI
// against the provider served in the test process, for what
// terraform-plugin-testing cannot run (terraform apply -invoke, Ctrl-C).
//
// With CLOUDCOMPUTE_ACC_TARGET=real the tests run against the cloud the
// environment points at instead (target.go): a test that can, takes a
// NewTarget (ids, names, API clients and checks that hold against either);
// one that needs a power only the emulator has says so with SkipIfReal, and
// StartEmulator fails a test that does neither.
//
// Only tests import it. It may import the emulator, the provider, the API
// clients and the sweepers' package; it holds no test of its own.
package acctest
