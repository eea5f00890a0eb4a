package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// zenlayerConfigWithRetries is the emulator's provider block with
// zenlayer.max_retries set (retries is HCL: a number, or "" for unset).
func zenlayerConfigWithRetries(emu *emulator.Server, retries string) string {
	if retries != "" {
		retries = "max_retries = " + retries
	}
	return fmt.Sprintf(`
provider "cloudcompute" {
  zenlayer {
    domain              = %[1]q
    scheme              = "HTTP"
    access_key_id       = %[2]q
    access_key_password = %[3]q
    %[4]s
  }
}
`, emu.Endpoint(), emulator.DefaultAccessKeyID, emulator.DefaultAccessKeyPassword, retries)
}

// zenlayer.max_retries bounds the count of retries when it is set: a
// create refused with 429 every time is sent max_retries+1 times, and the
// error says so.
func TestAccProvider_zenlayerMaxRetries(t *testing.T) {
	acctest.SkipIfReal(t, "answers 429 on purpose (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultRateLimit, Rate: 1, Actions: []string{"zec.CreateDisks"}},
	}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.ConfigCompose(zenlayerConfigWithRetries(emu, "1"), diskConfig),
			ExpectError: regexp.MustCompile(`(?s)creating ZEC disk.*giving up after 2 attempts.*REQUEST_LIMIT_EXCEEDED\s+\(HTTP 429\)`),
		}},
	})
	if n := emu.FaultCounts()[emulator.FaultRateLimit]; n != 2 {
		t.Errorf("CreateDisks was refused %d times, want 2 (max_retries = 1)", n)
	}
}

// ZENLAYERCLOUD_MAX_RETRIES sets it from the environment; a value that is
// not a number from 0 to 20 is an error naming the variable.
func TestAccProvider_zenlayerMaxRetriesEnv(t *testing.T) {
	acctest.SkipIfReal(t, "answers 429 on purpose (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultRateLimit, Rate: 1, Actions: []string{"zec.CreateDisks"}},
	}})
	t.Setenv("ZENLAYERCLOUD_MAX_RETRIES", "0")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.ConfigCompose(zenlayerConfigWithRetries(emu, ""), diskConfig),
			ExpectError: regexp.MustCompile(`(?s)giving up after 1 attempts.*REQUEST_LIMIT_EXCEEDED`),
		}},
	})
	if n := emu.FaultCounts()[emulator.FaultRateLimit]; n != 1 {
		t.Errorf("CreateDisks was refused %d times, want 1 (ZENLAYERCLOUD_MAX_RETRIES=0)", n)
	}
	t.Setenv("ZENLAYERCLOUD_MAX_RETRIES", "many")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.ConfigCompose(zenlayerConfigWithRetries(emu, ""), diskConfig),
			ExpectError: regexp.MustCompile(`ZENLAYERCLOUD_MAX_RETRIES must be a number from 0 to 20, got "many"`),
		}},
	})
}
