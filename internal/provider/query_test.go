package provider_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// An account of 250 objects of each kind is listed in full by terraform
// query (Terraform 1.14+): the clients follow the pages (100 a page for
// Zenlayer and for CloudDC), three calls per list block; a list block's
// limit is honoured. CloudDC holds 240 instances: the fixture's subnet has
// no more free addresses.
func TestAccQuery_250Objects(t *testing.T) {
	acctest.SkipIfReal(t, "seeds 250 objects of each type into the emulator and reads its inventory")
	const n, cloudDCN = 250, 240
	servers := make([]emulator.HuaweiServer, cloudDCN)
	for k := range servers {
		servers[k] = emulator.HuaweiServer{ID: fmt.Sprintf("c3000000-0000-4000-8000-%012d", k), Name: fmt.Sprintf("node%03d", k), ManageState: "ready"}
	}
	emu := acctest.StartEmulator(t, emulator.Options{Huawei: emulator.HuaweiOptions{Servers: servers}})
	var first, last [4]string
	for k := range n {
		ids := [4]string{emu.AddZECInstance("asia-east-1a", fmt.Sprintf("q-zec-%03d", k)), "", emu.AddBMCInstance("SEL-A", fmt.Sprintf("q-bmc-%03d", k)), ""}
		ids[1] = emu.ZECSystemDiskID(ids[0])
		if k < cloudDCN {
			if ids[3] = emu.AddCloudDCInstance(fmt.Sprintf("q-cdc-%03d", k)); ids[3] == "" {
				t.Fatalf("the emulator placed only %d CloudDC instances", k)
			}
		}
		for j, id := range ids {
			if first[j] == "" {
				first[j] = id
			}
			if id != "" {
				last[j] = id
			}
		}
	}
	// One provider block with both clouds' blocks.
	zenlayer := strings.TrimSpace(acctest.ZenlayerProviderConfig(emu))
	zenlayer = strings.TrimSuffix(strings.TrimPrefix(zenlayer, `provider "cloudcompute" {`), "}")
	providers := strings.Replace(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK), `provider "cloudcompute" {`, `provider "cloudcompute" {`+zenlayer, 1)
	types := [4]string{"cloudcompute_zenlayer_zec_instance", "cloudcompute_zenlayer_zec_disk", "cloudcompute_zenlayer_bmc_instance", "cloudcompute_huaweicloud_clouddc_instance"}
	var query strings.Builder
	var checks []querycheck.QueryResultCheck
	for k, typ := range types {
		provider, want := "cloudcompute", n
		if k == 3 {
			want = cloudDCN
		}
		fmt.Fprintf(&query, "list %q \"all\" {\n  provider = %s\n  limit    = 1000\n}\n\n", typ, provider)
		fmt.Fprintf(&query, "list %q \"default_limit\" {\n  provider = %s\n}\n\n", typ, provider)
		identity := func(id string) map[string]knownvalue.Check {
			if k == 3 {
				return map[string]knownvalue.Check{"id": knownvalue.StringExact(id),
					"project_id": knownvalue.StringExact(emulator.HuaweiProjectID), "region": knownvalue.StringExact(emulator.HuaweiRegion)}
			}
			return map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}
		}
		checks = append(checks,
			querycheck.ExpectLength(typ+".all", want),
			querycheck.ExpectLength(typ+".default_limit", 100),
			querycheck.ExpectIdentity(typ+".all", identity(first[k])),
			querycheck.ExpectIdentity(typ+".all", identity(last[k])),
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.SkipBelowQuery,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: providers},
			{Query: true, Config: query.String(), QueryResultChecks: checks},
		},
	})
	if t.Skipped() {
		return
	}
	// Each list block pages through the account: 3 pages of 100.
	for action, want := range map[string]int{"zec.DescribeInstances": 6, "zec.DescribeDisks": 6, "bmc.DescribeInstances": 6, "clouddc.ListInstances": 6} {
		if got := emu.CallCount(action); got != want {
			t.Errorf("%s was called %d times, want %d (3 pages for each of 2 list blocks)", action, got, want)
		}
	}
}
