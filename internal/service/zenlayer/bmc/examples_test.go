package bmc_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The documentation's examples of the resource and of the instances data
// source apply against the emulator, whose catalogue holds their zones,
// types, images, subnet and key pair: the resource's alone, then with the
// data source's, which finds its machines by tag, status and name prefix.
// (No CheckDestroy: the example leaves its scratch machine in the recycle
// bin and its PREPAID one running until it expires, as documented.)
func TestAccBMCInstance_examples(t *testing.T) {
	acctest.SkipIfReal(t, "the examples name the emulator's catalogue (zones, images, subnet, key pair)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	examples := acctest.Examples(t,
		"resources/cloudcompute_zenlayer_bmc_instance/resource.tf",
		"data-sources/cloudcompute_zenlayer_bmc_instances/data-source.tf",
	)
	vars := config.Variables{"bmc_password": config.StringVariable("Examp1e-Passw0rd")}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: acctest.ExampleSteps(acctest.ZenlayerProviderConfig(emu), vars, examples, nil, []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("database_private_ips", knownvalue.MapExact(map[string]knownvalue.Check{
				"db-1": knownvalue.ListSizeExact(1),
			})),
			statecheck.ExpectKnownOutputValue("build_machine_ids", knownvalue.ListSizeExact(1)),
		}),
	})
}
