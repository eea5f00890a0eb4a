package zec_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The documentation's examples of the instance resource and of the
// instances and disks data sources apply against the emulator, whose
// catalogue holds their zone, types, images, subnet, security group and key
// pair: the resource's alone, then with the data sources', which find its
// stopped worker, its tagged web server and the disk attached to it.
func TestAccZECInstance_examples(t *testing.T) {
	acctest.SkipIfReal(t, "the examples name the emulator's catalogue (zone, images, subnet, key pair)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	examples := acctest.Examples(t,
		"resources/cloudcompute_zenlayer_zec_instance/resource.tf",
		"data-sources/cloudcompute_zenlayer_zec_instances/data-source.tf",
		"data-sources/cloudcompute_zenlayer_zec_disks/data-source.tf",
	)
	vars := config.Variables{"root_password": config.StringVariable("Example-Passw0rd")}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeAggregateTestCheckFunc(checkInstancesGone(emu), checkDisksGone(emu)),
		Steps: acctest.ExampleSteps(acctest.ZenlayerProviderConfig(emu), vars, examples, nil, []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("stopped_worker_ids", knownvalue.ListSizeExact(1)),
			statecheck.ExpectKnownOutputValue("web_private_ips", knownvalue.MapExact(map[string]knownvalue.Check{
				"web-1": knownvalue.ListSizeExact(1),
			})),
			statecheck.ExpectKnownOutputValue("web_data_disk_gib", knownvalue.Int64Exact(100)),
		}),
	})
}
