package clouddc_test

import (
	"context"
	"fmt"
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

func TestAccCloudDCInstancesDataSource_basic(t *testing.T) {
	acctest.SkipIfReal(t, "seeds instances outside Terraform and lists the whole project")
	emu := acctest.StartEmulator(t, emulator.Options{})
	web := emu.AddCloudDCInstance("web-01")
	db := emu.AddCloudDCInstance("db-01")
	stopped := emu.AddCloudDCInstance("batch-01")
	emu.SetCloudDCInstanceState(stopped, "stopped")
	webView, _ := emu.CloudDCInstance(web)
	provider := acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK)
	all := "data.cloudcompute_huaweicloud_clouddc_instances.all"
	byID := "data.cloudcompute_huaweicloud_clouddc_instances.by_id"
	byServer := "data.cloudcompute_huaweicloud_clouddc_instances.by_server"
	byState := "data.cloudcompute_huaweicloud_clouddc_instances.by_state"
	none := "data.cloudcompute_huaweicloud_clouddc_instances.none"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, `
data "cloudcompute_huaweicloud_clouddc_instances" "bad" {
  ids        = ["3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b"]
  server_ids = ["3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b"]
}
`),
				PlanOnly:    true,
				ExpectError: errRe("Invalid Attribute Combination"),
			},
			{
				Config: acctest.ConfigCompose(provider, `
data "cloudcompute_huaweicloud_clouddc_instances" "bad" {
  state = "sleeping"
}
`),
				PlanOnly:    true,
				ExpectError: errRe("state value must be one of"),
			},
			{
				Config: acctest.ConfigCompose(provider, fmt.Sprintf(`
data "cloudcompute_huaweicloud_clouddc_instances" "all" {}

data "cloudcompute_huaweicloud_clouddc_instances" "by_id" {
  ids = [%[1]q]
}

data "cloudcompute_huaweicloud_clouddc_instances" "by_server" {
  server_ids = [%[2]q]
}

data "cloudcompute_huaweicloud_clouddc_instances" "by_state" {
  state = "stopped"
}

data "cloudcompute_huaweicloud_clouddc_instances" "none" {
  ids = []
}
`, db, webView.ServerID)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(all, tfjsonpath.New("instances"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("id"), knownvalue.StringExact(web)),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.StringExact(db), "name": knownvalue.StringExact("db-01"), "status": knownvalue.StringExact("running"),
							"image_id": knownvalue.StringExact(emulator.HuaweiImageID), "os_type": knownvalue.StringExact("Linux"),
							"vpc_id": knownvalue.StringExact(emulator.HuaweiVPCID), "primary_ip": knownvalue.StringExact("192.168.0.11"),
							"network_interfaces": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
								"subnet_id": knownvalue.StringExact(emulator.HuaweiSubnetID), "ipv4_address": knownvalue.StringExact("192.168.0.11"),
							})}),
							"metadata": knownvalue.Null(), // as the resource has it: null when empty
						}),
					})),
					statecheck.ExpectKnownValue(byServer, tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(web), "server_id": knownvalue.StringExact(webView.ServerID)}),
					})),
					statecheck.ExpectKnownValue(byState, tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(stopped), "status": knownvalue.StringExact("stopped")}),
					})),
					statecheck.ExpectKnownValue(none, tfjsonpath.New("instances"), knownvalue.ListSizeExact(0)),
				},
			},
			{
				// A deleted instance is listed as terminated for a while; filtering by state leaves it out.
				PreConfig: func() {
					c, err := huaweicloud.New(huaweicloud.Config{Region: emulator.HuaweiRegion, ProjectID: emulator.HuaweiProjectID,
						CloudDCEndpoint: emu.URL(), Credentials: huaweicloud.Credentials{Token: emulator.HuaweiStaticToken}})
					if err != nil {
						t.Fatal(err)
					}
					if err := c.DeleteInstance(context.Background(), db); err != nil {
						t.Fatal(err)
					}
				},
				Config: acctest.ConfigCompose(provider, `
data "cloudcompute_huaweicloud_clouddc_instances" "running" {
  state = "running"
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.cloudcompute_huaweicloud_clouddc_instances.running", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(web)}),
					})),
				},
			},
		},
	})
}

// Without any Huawei Cloud credentials the data source says what to set.
func TestAccCloudDCInstancesDataSource_noCredentials(t *testing.T) {
	for _, env := range []string{"HW_ACCESS_KEY", "HW_SECRET_KEY", "HW_AUTH_TOKEN", "HW_USER_NAME", "HW_USER_PASSWORD"} {
		t.Setenv(env, "")
	}
	// No request is sent: the provider refuses before any, against the emulator or a real cloud.
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(`provider "cloudcompute" {}`, `data "cloudcompute_huaweicloud_clouddc_instances" "all" {}`),
			ExpectError: errRe("Huawei Cloud credentials are not configured", "huaweicloud.access_key and secret_key (or HW_ACCESS_KEY and HW_SECRET_KEY)",
				"HW_USER_NAME, HW_USER_PASSWORD and HW_DOMAIN_NAME", "HW_AUTH_TOKEN"),
		}},
	})
}

// The documentation's examples apply against the emulator, whose catalogue
// holds their image, VPC, subnets and server.
func TestAccCloudDCInstance_examples(t *testing.T) {
	acctest.SkipIfReal(t, "the examples name the emulator's catalogue (image, VPC, subnets)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	examples := acctest.Examples(t,
		"resources/cloudcompute_huaweicloud_clouddc_instance/resource.tf",
		"data-sources/cloudcompute_huaweicloud_clouddc_instances/data-source.tf",
	)
	vars := config.Variables{"admin_password": config.StringVariable("Example-Passw0rd")}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: acctest.ExampleSteps(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK), vars, examples,
			[]statecheck.StateCheck{
				statecheck.ExpectKnownValue("cloudcompute_huaweicloud_clouddc_instance.web", tfjsonpath.New("status"), knownvalue.StringExact("running")),
				statecheck.ExpectKnownOutputValue("web_primary_ip", knownvalue.StringExact("192.168.0.10")),
			},
			[]statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("running_instance_ips", knownvalue.MapExact(map[string]knownvalue.Check{
					"web-01": knownvalue.StringExact("192.168.0.10"),
				})),
			}),
	})
}
