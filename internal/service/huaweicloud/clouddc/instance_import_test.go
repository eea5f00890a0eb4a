package clouddc_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// Importing an instance whose configuration sets password_wo_version
// adopts the version: the apply calls no API (the server's password is
// not reset), and the plan after it is empty. The next version change is
// a password change again.
func TestAccCloudDCInstance_importAdoptsPasswordVersion(t *testing.T) {
	acctest.SkipIfReal(t, "seeds the instance to import into the emulator and reads its call log")
	emu := acctest.StartEmulator(t, emulator.Options{})
	id := emu.AddCloudDCInstance("tf-acc-imported")
	provider := acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK)
	config := func(version int) string {
		return acctest.ConfigCompose(provider, fmt.Sprintf(`
import {
  to = cloudcompute_huaweicloud_clouddc_instance.test
  id = %q
}
`, id), instanceConfig("tf-acc-imported", emulator.HuaweiImageID, fmt.Sprintf("  password_wo_version = %d", version)))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: emu.ResetLog,
				Config:    config(1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("id"), knownvalue.StringExact(id)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
				},
				Check: acctest.CheckOnlyReads(emu),
			},
			{
				PreConfig: emu.ResetLog,
				Config:    config(2),
				Check: func(*terraform.State) error {
					if n := emu.CallCount("clouddc.ChangeInstancePassword"); n == 0 {
						return fmt.Errorf("a new password_wo_version after the adoption did not change the password: %v", emu.Calls())
					}
					return nil
				},
			},
			{
				Config: provider + `
removed {
  from = cloudcompute_huaweicloud_clouddc_instance.test
  lifecycle {
    destroy = false
  }
}
`,
			},
		},
	})
}
