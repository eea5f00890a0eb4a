// Package tools pins the project's tools (tfplugindocs, golangci-lint) in
// its own go.mod, apart from the provider's dependencies, and runs the
// documentation generation.
package tools

// Format Terraform code for use in documentation.
//go:generate terraform fmt -recursive ../examples/

// Generate documentation from the provider schema, examples/ and templates/.
//go:generate go tool tfplugindocs generate --provider-dir .. --provider-name cloudcompute --rendered-provider-name cloudcompute
