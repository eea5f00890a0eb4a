// Package tools pins the project's tools (tfplugindocs, golangci-lint,
// goreleaser) in its own go.mod, apart from the provider's dependencies, and
// runs the documentation generation.
//
// Tidy this module with `go mod tidy -e`: a package that only a test of
// goreleaser's nfpm dependency imports (go.digitalxero.dev/go-msix) is not
// served by the module proxy, and nothing here builds it.
package tools

// Format Terraform code for use in documentation.
//go:generate terraform fmt -recursive ../examples/

// Generate documentation from the provider schema, examples/ and templates/.
//go:generate go tool tfplugindocs generate --provider-dir .. --provider-name cloudcompute --rendered-provider-name cloudcompute
