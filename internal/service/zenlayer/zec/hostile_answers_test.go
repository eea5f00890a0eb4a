package zec_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// A data source whose listing is answered with hostile answers (a cut
// JSON body, then a 64 MiB one) ends with a clear diagnostic, and the
// provider neither panics nor stops serving: once the API answers well
// again the same configuration applies.
func TestAccZECDisksDataSource_hostileAnswers(t *testing.T) {
	acctest.SkipIfReal(t, "answers with malformed bodies (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	boot := emu.ZECSystemDiskID(emu.AddZECInstance(testZone, "tf-acc-hostile"))
	config := acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), `
data "cloudcompute_zenlayer_zec_disks" "all" {
  zone_id = "asia-east-1a"
}
`)
	hostile := func(kind emulator.FaultKind) func() {
		return func() {
			emu.SetFaults([]emulator.FaultRule{{Kind: kind, Rate: 1, Actions: []string{"zec.DescribeDisks"}}})
		}
	}
	crashed := regexp.MustCompile(`(?i)panic|plugin crashed|plugin did not respond|failed to respond`)
	hugeSeen := false
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// Sees the error of the huge-body step (which has no ExpectError):
		// it must be the diagnostic, with no sign of a crashed provider.
		ErrorCheck: func(err error) error {
			msg := err.Error()
			if crashed.MatchString(msg) {
				return errors.New("the provider crashed: " + msg)
			}
			if emu.FaultCounts()[emulator.FaultHugeBody] > 0 && !hugeSeen &&
				strings.Contains(msg, "listing ZEC disks") && strings.Contains(msg, "is larger than 16 MiB; refusing to decode") {
				hugeSeen = true
				return nil
			}
			return err
		},
		Steps: []resource.TestStep{
			{
				PreConfig:   hostile(emulator.FaultMalformedJSON),
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)listing ZEC disks.*zenlayer zec DescribeDisks: MALFORMED_RESPONSE \(HTTP 200\): the answer is cut\s+short \(truncated JSON\):.*FAULT-MALFORMED-JSON`),
			},
			{
				PreConfig: hostile(emulator.FaultHugeBody),
				Config:    config,
			},
			{
				PreConfig: func() {
					if !hugeSeen {
						t.Fatal("the huge-body step did not fail with the expected diagnostic")
					}
					emu.SetFaults(nil)
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_disks.all", tfjsonpath.New("disks"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(boot)}),
					})),
				},
			},
		},
	})
	if n := emu.FaultCounts(); n[emulator.FaultMalformedJSON] == 0 || n[emulator.FaultHugeBody] == 0 {
		t.Fatalf("fault counts %v: a hostile step was never answered", n)
	}
}
