// Package acctest holds what every acceptance test shares: an emulator per
// test, the provider factories, and the provider configuration that points
// the provider at the emulator.
//
// Only tests import it. It may import the emulator, the provider and the API
// clients; it holds no test of its own.
package acctest
