package bmc_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// INVALID_OPERATION_TIMEOUT on CreateInstances: the back end timed out after
// it ordered the machine. The order is not sent again (a second machine
// would be bought): it is found by its create token and adopted.
func TestAccBMCInstance_createOperationTimeout(t *testing.T) {
	acctest.SkipIfReal(t, "answers INVALID_OPERATION_TIMEOUT on purpose (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultOperationTimeout, Rate: 1, Max: 1, Actions: []string{"bmc.CreateInstances"}},
	}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-op-timeout", "running")),
			Check: resource.ComposeTestCheckFunc(acctest.CheckCreatedOnce(emu, instanceResourceName, "bmc_instance", "bmc.CreateInstances"),
				func(*terraform.State) error {
					if n := emu.FaultCounts()[emulator.FaultOperationTimeout]; n != 1 {
						return fmt.Errorf("%d op-timeout faults, want 1", n)
					}
					return nil
				}),
		}},
	})
}
