// Package provider is the cloudcompute provider: its schema, its
// configuration of the API clients (provider_zenlayer.go and
// provider_huaweicloud.go, one per cloud block; configure.go holds what they
// share; retries.go the max_retries setting), and the list of resources,
// data sources and actions (provider_actions.go).
//
// It wires everything: it may import every package of the project but the
// emulator and the test helpers (internal/provider/acctest imports it).
package provider
