// Package acctest holds what every acceptance test shares: an emulator per
// test, the provider factories, and the provider configuration that points
// the provider at the emulator, and CLI (cli.go), the real terraform CLI
// against the provider served in the test process, for what
// terraform-plugin-testing cannot run (terraform apply -invoke, Ctrl-C).
//
// Only tests import it. It may import the emulator, the provider and the API
// clients; it holds no test of its own.
package acctest
