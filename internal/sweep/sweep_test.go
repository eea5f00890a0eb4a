package sweep_test

import (
	"context"
	"log" //nolint:depguard // the sweepers report through terraform-plugin-testing's log, as its own lines do
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/sweep"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The sweepers, run with
//
//	go test ./internal/sweep -v -timeout 60m -sweep=<region> [-sweep-run=<names>]
//
// (make sweep SWEEP=<region>). They reach the cloud the environment points
// at, with the provider's own variables (ZENLAYERCLOUD_*, HW_*): a cloud
// without credentials is skipped. Zenlayer's API is global: its sweepers
// sweep the whole account whatever the region; the CloudDC sweeper sweeps
// the project of <region> (HW_REGION_NAME's value is replaced by it).
//
// WARNING: they delete every ZEC disk and instance, BMC instance and
// CloudDC instance whose name starts with "tf-acc-". Run them only against
// an account used for testing.

func TestMain(m *testing.M) { resource.TestMain(m) }

// Sweeper names are the resource types.
const (
	zecInstances     = "cloudcompute_zenlayer_zec_instance"
	zecDisks         = "cloudcompute_zenlayer_zec_disk"
	bmcInstances     = "cloudcompute_zenlayer_bmc_instance"
	cloudDCInstances = "cloudcompute_huaweicloud_clouddc_instance"
)

func init() {
	resource.AddTestSweepers(zecInstances, &resource.Sweeper{Name: zecInstances, F: zenlayerSweeper(sweep.ZECInstances)})
	// Released instances keep their data disks (detached): disks come after.
	resource.AddTestSweepers(zecDisks, &resource.Sweeper{Name: zecDisks, Dependencies: []string{zecInstances}, F: zenlayerSweeper(sweep.ZECDisks)})
	resource.AddTestSweepers(bmcInstances, &resource.Sweeper{Name: bmcInstances, F: zenlayerSweeper(sweep.BMCInstances)})
	resource.AddTestSweepers(cloudDCInstances, &resource.Sweeper{Name: cloudDCInstances, F: func(region string) error {
		c, err := acctest.HuaweiClientFromEnv(region)
		if err != nil {
			log.Printf("[INFO] %s: skipped: %v", cloudDCInstances, err)
			return nil
		}
		return sweep.CloudDCInstances(context.Background(), c, logf)
	}})
}

// zenlayerSweeper runs f with a Zenlayer client of the environment, or
// skips it when the environment has no Zenlayer credentials.
func zenlayerSweeper(f func(context.Context, *zenlayer.Client, sweep.Logf) error) resource.SweeperFunc {
	return func(string) error {
		c, err := acctest.ZenlayerClientFromEnv()
		if err != nil {
			log.Printf("[INFO] Zenlayer Cloud sweeper skipped: %v", err)
			return nil
		}
		return f(context.Background(), c, logf)
	}
}

func logf(format string, args ...any) { log.Printf("[INFO] "+format, args...) }
