package clouddc_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// List resources (terraform query, Terraform 1.14+): an instance made by
// Terraform with a write-only password and one made outside it, each with
// its identity's project and region; a terminated instance (which the API
// still lists for a while) is left out, as the resource would drop it.
func TestAccCloudDCInstance_List_Basic(t *testing.T) {
	acctest.SkipIfReal(t, "seeds objects outside Terraform into the emulator")
	emu := acctest.StartEmulator(t, emulator.Options{})
	outside := emu.AddCloudDCInstance("tf-acc-outside")
	gone := emu.AddCloudDCInstance("tf-acc-terminated")
	emu.SetCloudDCInstanceState(gone, huaweicloud.StateTerminated)
	provider := acctest.HuaweiProviderConfig(emu, huaweicloud.AuthPassword)
	where := map[string]knownvalue.Check{
		"project_id": knownvalue.StringExact(emulator.HuaweiProjectID),
		"region":     knownvalue.StringExact(emulator.HuaweiRegion),
	}
	identity := func(id string) map[string]knownvalue.Check {
		out := map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}
		for k, v := range where {
			out[k] = v
		}
		return out
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.SkipBelowQuery,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			emu.DeleteCloudDCInstance(outside)
			emu.DeleteCloudDCInstance(gone)
			return checkInstancesGone(emu)(s)
		},
		Steps: []resource.TestStep{
			{Config: acctest.ConfigCompose(provider, instanceConfig("tf-acc-list", emulator.HuaweiImageID, ""))},
			{
				Query: true,
				Config: fmt.Sprintf(`
list "cloudcompute_huaweicloud_clouddc_instance" "all" {
  provider         = cloudcompute
  include_resource = true
}

list "cloudcompute_huaweicloud_clouddc_instance" "running" {
  provider = cloudcompute
  config {
    state = "running"
  }
}

list "cloudcompute_huaweicloud_clouddc_instance" "on_server" {
  provider = cloudcompute
  config {
    server_ids = [%[1]q]
  }
}
`, mustServerOf(t, emu, outside)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("cloudcompute_huaweicloud_clouddc_instance.all", 2),
					querycheck.ExpectLength("cloudcompute_huaweicloud_clouddc_instance.running", 2),
					querycheck.ExpectLength("cloudcompute_huaweicloud_clouddc_instance.on_server", 1),
					querycheck.ExpectIdentity("cloudcompute_huaweicloud_clouddc_instance.on_server", identity(outside)),
					querycheck.ExpectNoIdentity("cloudcompute_huaweicloud_clouddc_instance.all", identity(gone)),
					querycheck.ExpectResourceKnownValues("cloudcompute_huaweicloud_clouddc_instance.all",
						queryfilter.ByDisplayName(knownvalue.StringExact("tf-acc-list")), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("running")},
							{Path: tfjsonpath.New("image_id"), KnownValue: knownvalue.StringExact(emulator.HuaweiImageID)},
							{Path: tfjsonpath.New("password_wo"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("password_wo_version"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("metadata"), KnownValue: knownvalue.Null()},
						}),
				},
			},
		},
	})
}

// mustServerOf is the physical server of an instance of the emulator.
func mustServerOf(t *testing.T, emu *emulator.Server, id string) string {
	t.Helper()
	v, ok := emu.CloudDCInstance(id)
	if !ok || v.ServerID == "" {
		t.Fatalf("emulator has no instance %s (%+v)", id, v)
	}
	return v.ServerID
}
