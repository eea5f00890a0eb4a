package clouddc_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// Resource identity (Terraform 1.12+): a CloudDC instance is reached only
// through its project's endpoint in its region, so its identity holds the
// project and the region beside the id. With IAM password authentication
// and no project_id, the project is the token's.
func TestAccCloudDCInstance_Identity_Basic(t *testing.T) {
	acctest.SkipIfReal(t, "runs on the emulator only (not yet written against acctest.NewTarget)")
	for _, method := range []huaweicloud.AuthMethod{huaweicloud.AuthAKSK, huaweicloud.AuthPassword} {
		t.Run(string(method), func(t *testing.T) {
			emu := acctest.StartEmulator(t, emulator.Options{})
			provider := acctest.HuaweiProviderConfig(emu, method)
			resource.ParallelTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.SkipBelowIdentity,
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkInstancesGone(emu),
				Steps: acctest.IdentityTest{
					ResourceName: instanceResourceName,
					Config:       acctest.ConfigCompose(provider, instanceConfig("tf-acc-identity", emulator.HuaweiImageID, "")),
					// A reinstallation in place (ReinstallOs).
					Updated: acctest.ConfigCompose(provider, instanceConfig("tf-acc-identity", emulator.HuaweiWindowsImageID, "")),
					// password_wo is write-only: the generated configuration has none.
					Provider: provider,
					Identity: map[string]knownvalue.Check{
						"project_id": knownvalue.StringExact(emulator.HuaweiProjectID),
						"region":     knownvalue.StringExact(emulator.HuaweiRegion),
					},
				}.Steps(),
			})
		})
	}
}

// An import block whose identity names another region or project than the
// provider's is refused before anything is read: the provider would look
// for the instance in the wrong place and find nothing.
func TestAccCloudDCInstance_Identity_OutOfReach(t *testing.T) {
	acctest.SkipIfReal(t, "configures the emulator as another project and region")
	emu := acctest.StartEmulator(t, emulator.Options{})
	id := emu.AddCloudDCInstance("tf-acc-fixture")
	provider := acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK)
	importBlock := func(extra string) string {
		return fmt.Sprintf(`
import {
  to       = %[1]s
  identity = { id = %[2]q %[3]s }
}
`, instanceResourceName, id, extra)
	}
	config := func(extra string) string {
		return acctest.ConfigCompose(provider, instanceConfig("tf-acc-fixture", emulator.HuaweiImageID, ""), importBlock(extra))
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.SkipBelowIdentity,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config(`, region = "eu-west-101"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)out of this provider configuration's reach.*region is "eu-west-101", and the provider\s+is\s+configured\s+for\s+"` + emulator.HuaweiRegion + `"`),
			},
			{
				Config:      config(`, project_id = "another-project"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`project_id is "another-project"`),
			},
		},
	})
	if n := emu.CallCount("clouddc.ListInstances"); n != 0 {
		t.Errorf("ListInstances was called %d times: an identity out of reach must be refused before any read", n)
	}
}
