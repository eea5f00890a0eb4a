package zec_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// time_zone is sent as CreateZecInstances timeZone, read back from
// DescribeInstances, imported, checked at plan time, and a change of it
// replaces the instance (the API has no call that changes it).
func TestAccZECInstance_timeZone(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	provider, ids, name := tg.ZenlayerProviderConfig(), tg.ZEC(), acctest.RandomName("tz")
	config := func(tz string) string {
		return acctest.ConfigCompose(provider, instanceConfigAt(ids, name, "running", "  time_zone = \""+tz+"\"\n"))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config:      config("not a zone"),
				ExpectError: regexp.MustCompile(`must be an IANA time zone name`),
			},
			{
				Config: config("Asia/Singapore"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("time_zone"), knownvalue.StringExact("Asia/Singapore")),
				},
			},
			{ResourceName: instanceResourceName, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"release_on_destroy", "force_shutdown", "timeouts"}},
			{
				Config: config("UTC"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("time_zone"), knownvalue.StringExact("UTC")),
				},
			},
		},
	})
}
