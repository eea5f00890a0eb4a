// Command terraform-provider-cloudcompute serves the cloudcompute Terraform
// provider (providerserver.Serve with its registry address, protocol 6;
// -debug for debuggers).
//
// It imports of the project only internal/provider, which wires the rest,
// and internal/journal, which it tells when terraform has closed the
// provider (journal.Closed: the creates it answered are in terraform's
// hands).
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider"
)

// version is set by the build (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address:         "registry.terraform.io/cloudcompute/cloudcompute",
		Debug:           debug,
		ProtocolVersion: 6,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
	// Serve returns when terraform has closed the provider at the end of
	// its run (not when it was killed: then this process is killed too, or
	// lives on orphaned until its calls end).
	journal.Closed()
}
