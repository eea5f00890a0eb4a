package clouddc_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// password_wo is needed where the API takes it: an instance already made
// (imported, or its password dropped from the configuration, as in what
// terraform query generates) plans no change without it, but a
// replacement, a reinstallation or a password change asks for it at plan
// time, and so does a new instance.
func TestAccCloudDCInstance_passwordNeededWhereUsed(t *testing.T) {
	acctest.SkipIfReal(t, "runs on the emulator only (not yet written against acctest.NewTarget)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK)
	withPassword := instanceConfig("tf-acc-password", emulator.HuaweiImageID, "")
	without := strings.Replace(withPassword, fmt.Sprintf("  password_wo = %q\n", testPassword), "", 1)
	if without == withPassword {
		t.Fatal("the configuration has no password_wo line to drop")
	}
	missing := func(why string) *regexp.Regexp {
		return regexp.MustCompile(`(?s)Missing password_wo.*needed\s+` + strings.ReplaceAll(regexp.QuoteMeta(why), " ", `\s+`))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config:      acctest.ConfigCompose(provider, strings.Replace(without, "tf-acc-password", "tf-acc-new", 1)),
				PlanOnly:    true,
				ExpectError: missing("to create the instance"),
			},
			{Config: acctest.ConfigCompose(provider, withPassword)},
			{Config: acctest.ConfigCompose(provider, without), PlanOnly: true},
			{
				Config:      acctest.ConfigCompose(provider, strings.Replace(without, emulator.HuaweiImageID, emulator.HuaweiWindowsImageID, 1)),
				PlanOnly:    true,
				ExpectError: missing("to reinstall the OS"),
			},
			{
				Config:      acctest.ConfigCompose(provider, strings.Replace(without, "\n}\n", "  password_wo_version = 2\n}\n", 1)),
				PlanOnly:    true,
				ExpectError: missing("to change the password"),
			},
			{
				Config:      acctest.ConfigCompose(provider, strings.Replace(without, `name        = "tf-acc-password"`, `name        = "tf-acc-renamed"`, 1)),
				PlanOnly:    true,
				ExpectError: missing("to create the instance"),
			},
		},
	})
}
