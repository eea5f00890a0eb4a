package bmc_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// An import changes nothing: with an import block, a configuration that
// sets only the write-only password plans a no-op import; the arguments
// the API never reports (password_wo_version, user_data, ssh_keys,
// release_on_destroy, timeouts) are then adopted by an update that calls no API and replaces
// nothing, and the plan after it is empty.
func TestAccBMCInstance_importAdoptsWithoutChanges(t *testing.T) {
	acctest.SkipIfReal(t, "seeds the machine to import into the emulator and reads its call log")
	emu := acctest.StartEmulator(t, emulator.Options{})
	id := emu.AddBMCInstance(testZone, "tf-acc-imported")
	config := func(extra string) string {
		return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
data "cloudcompute_zenlayer_bmc_instances" "seed" {
  ids = [%[1]q]
}

locals {
  seed = data.cloudcompute_zenlayer_bmc_instances.seed.instances[0]
}

import {
  to = cloudcompute_zenlayer_bmc_instance.test
  id = %[1]q
}

resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = local.seed.zone_id
  instance_type_id = local.seed.instance_type_id
  image_id         = local.seed.image_id
  name             = local.seed.name
  hostname         = local.seed.hostname
  password_wo      = "Tf-acc-Passw0rd"
%[2]s
}
`, id, extra))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: slices.Insert(acctest.ImportAdoptionSteps(emu, instanceResourceName, config, `  password_wo_version = 3
  user_data           = "#!/bin/sh"
  release_on_destroy  = false
  timeouts = {
    delete = "45m"
  }`,
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("id"), knownvalue.StringExact(id)),
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(3)),
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("user_data"), knownvalue.StringExact("#!/bin/sh")),
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("release_on_destroy"), knownvalue.Bool(false)),
		), 2, resource.TestStep{
			// The adoption was the import's last: a new version now
			// reinstalls the same machine in place, as documented.
			Config: config(`  password_wo_version = 4
  user_data           = "#!/bin/sh"
  release_on_destroy  = false
  timeouts = {
    delete = "45m"
  }`),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
			}},
		}),
	})
	if _, ok := emu.BMCInstance(id); !ok {
		t.Errorf("the imported machine %s is gone", id)
	}
}
