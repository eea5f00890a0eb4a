package zec_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The login (password or key_id) is needed where it is used: an instance
// already made (imported, or its password dropped from the configuration,
// as in what terraform query generates) plans no change without it, but a
// change that replaces it asks for one at plan time, before anything is
// destroyed.
func TestAccZECInstance_loginNeededToReplace(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	withPassword := passwordInstanceConfig("tf-acc-login", "running")
	without := strings.Replace(withPassword, `  password      = "Tf-acc-Passw0rd"`+"\n", "", 1)
	otherZone := strings.Replace(without, testZone, "asia-east-1b", 1)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{Config: acctest.ConfigCompose(provider, withPassword)},
			{Config: acctest.ConfigCompose(provider, without), PlanOnly: true},
			{
				Config:      acctest.ConfigCompose(provider, otherZone),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Missing password or key_id.*needed\s+to\s+create\s+the\s+instance`),
			},
		},
	})
	if n := emu.CallCount("zec.CreateZecInstances"); n != 1 {
		t.Errorf("CreateZecInstances was called %d times, want 1", n)
	}
}
