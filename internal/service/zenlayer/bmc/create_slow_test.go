package bmc_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// A slow server: the first order is answered after the client's timeout
// and carried out all the same. It is found by its create token tag and
// adopted; no second machine is ordered.
func TestAccBMCInstance_slowCreate(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{acctest.SlowFirstCreate("bmc.CreateInstances")}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfigTimeout(emu, acctest.SlowClientTimeout), instanceConfig("tf-acc-slow", "running")),
			Check:  acctest.CheckCreatedOnce(emu, instanceResourceName, "bmc_instance", "bmc.CreateInstances"),
		}},
	})
}
