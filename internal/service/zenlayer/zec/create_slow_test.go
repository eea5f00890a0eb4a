package zec_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// A slow server: the first create is answered after the client's timeout
// and carried out all the same. The lookup by create token finds nothing
// at first; the create is not sent again, and the object is adopted when
// it appears. Exactly one object exists and is in the state.
func TestAccZECDisk_slowCreate(t *testing.T) {
	acctest.SkipIfReal(t, "holds a create past the client timeout (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{acctest.SlowFirstCreate("zec.CreateDisks")}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfigTimeout(emu, acctest.SlowClientTimeout), diskConfig("tf-acc-slow", 20, "")),
			Check:  acctest.CheckCreatedOnce(emu, diskResourceName, "zec_disk", "zec.CreateDisks"),
		}},
	})
}

func TestAccZECInstance_slowCreate(t *testing.T) {
	acctest.SkipIfReal(t, "holds a create past the client timeout (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{acctest.SlowFirstCreate("zec.CreateZecInstances")}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfigTimeout(emu, acctest.SlowClientTimeout), instanceConfig("tf-acc-slow", "running", "")),
			Check:  acctest.CheckCreatedOnce(emu, instanceResourceName, "zec_instance", "zec.CreateZecInstances"),
		}},
	})
}
