package clouddc_test

import (
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// A slow server: the first CreateInstance is answered after the client's
// timeout (huaweicloud.timeout) and carried out all the same. The instance
// is found by its create token and adopted; no second one is made.
func TestAccCloudDCInstance_slowCreate(t *testing.T) {
	acctest.SkipIfReal(t, "holds a create past the client timeout (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		acctest.SlowFirstCreate("clouddc.POST /v1/" + emulator.HuaweiProjectID + "/instances"),
	}})
	creds := acctest.HuaweiCredentials(huaweicloud.AuthAKSK)
	creds["timeout"] = strconv.Itoa(acctest.SlowClientTimeout)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.HuaweiProviderConfigWith(emu, creds), instanceConfig("tf-acc-slow", emulator.HuaweiImageID, "")),
			Check:  acctest.CheckCreatedOnce(emu, instanceResourceName, "clouddc_instance", "clouddc.CreateInstance"),
		}},
	})
}
