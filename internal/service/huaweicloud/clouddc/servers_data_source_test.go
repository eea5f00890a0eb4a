package clouddc_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The servers data source example applies: the instance lands on the
// first ready server (rack01-node01), and a second plan is empty.
func TestAccCloudDCServersDataSource_example(t *testing.T) {
	acctest.SkipIfReal(t, "the example names the emulator's catalogue (image, VPC, subnet)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	cfg := acctest.ExamplesConfig(t, acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK),
		"data-sources/cloudcompute_huaweicloud_clouddc_servers/data-source.tf")
	vars := config.Variables{"db_password": config.StringVariable("Example-Passw0rd")}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config:          cfg,
				ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("cloudcompute_huaweicloud_clouddc_instance.db", tfjsonpath.New("server_id"), knownvalue.StringExact(emulator.HuaweiServerID1)),
					statecheck.ExpectKnownOutputValue("db_server_id", knownvalue.StringExact(emulator.HuaweiServerID1)),
					statecheck.ExpectKnownValue("data.cloudcompute_huaweicloud_clouddc_servers.ready", tfjsonpath.New("servers").AtSliceIndex(0).AtMapKey("name"),
						knownvalue.StringExact("rack01-node01")),
				},
			},
			{Config: cfg, ConfigVariables: vars, PlanOnly: true},
		},
	})
}
