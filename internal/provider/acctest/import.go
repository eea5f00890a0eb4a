package acctest

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
)

// ImportAdoptionSteps are the steps of an import test of the Zenlayer
// resource name (config(extra) imports it with an import block, extra
// going inside its resource block): with only the object's own attributes
// and write-only secrets the import is a no-op; the arguments the API
// never reports (adopted) are then taken by an update that only reads
// (checks on its state); a removed block forgets the resource at the end,
// so that nothing is destroyed. Callers may insert steps before the last.
func ImportAdoptionSteps(emu *emulator.Server, name string, config func(extra string) string, adopted string, checks ...statecheck.StateCheck) []resource.TestStep {
	return []resource.TestStep{
		{
			PreConfig: emu.ResetLog,
			Config:    config(""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(name, plancheck.ResourceActionNoop),
			}},
			Check: CheckOnlyReads(emu),
		},
		{
			PreConfig: emu.ResetLog,
			Config:    config(adopted),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(name, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: checks,
			Check:             CheckOnlyReads(emu),
		},
		{
			Config: ZenlayerProviderConfig(emu) + fmt.Sprintf(`
removed {
  from = %s
  lifecycle {
    destroy = false
  }
}
`, name),
		},
	}
}
