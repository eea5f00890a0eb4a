# Copyright (c) The terraform-provider-cloudcompute authors
# SPDX-License-Identifier: MPL-2.0
#
# The license headers policy (CONTRIBUTING.md), in the form HashiCorp's
# copywrite tool reads: `copywrite headers` adds the header to the files
# that lack it, `copywrite headers --plan` lists them. license_test.go
# checks that every header present has this form.
schema_version = 1

project {
  license          = "MPL-2.0"
  copyright_year   = 2026
  copyright_holder = "The terraform-provider-cloudcompute authors"

  header_ignore = [
    # examples used within the documentation (prose), and what is generated from them
    "examples/**",
    "docs/**",
    "templates/**",

    # fuzz corpora and test fixtures
    "**/testdata/**",

    # golangci-lint configuration
    ".golangci.yml",

    # GoReleaser output
    "dist/**",
  ]
}
