package bmc_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// Resource identity (Terraform 1.12+): a BMC instance id is unique in the
// account the credentials belong to, so the identity is the id alone.
func TestAccBMCInstance_Identity_Basic(t *testing.T) {
	acctest.SkipIfReal(t, "runs on the emulator only (not yet written against acctest.NewTarget)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.SkipBelowIdentity,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: acctest.IdentityTest{
			ResourceName: instanceResourceName,
			Config:       acctest.ConfigCompose(provider, instanceConfig("tf-acc-identity", "running")),
			Updated:      acctest.ConfigCompose(provider, instanceConfig("tf-acc-identity-renamed", "stopped")),
			Provider:     provider,
		}.Steps(),
	})
}
