package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

const zenlayerDisksDataSource = `
data "cloudcompute_zenlayer_zec_disks" "all" {}
`

// An emulator served over TLS with a self-signed certificate: refused by
// default with an error that names the certificate problem and the switch,
// used with insecure = true.
func TestAccProvider_insecureTLS(t *testing.T) {
	acctest.SkipIfReal(t, "serves the emulator over TLS with a self-signed certificate on loopback")
	t.Setenv("ZENLAYERCLOUD_INSECURE", "")
	emu, srv := acctest.StartTLSEmulator(t, emulator.Options{})
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(acctest.ZenlayerTLSProviderConfig(srv, false), zenlayerDisksDataSource),
				ExpectError: huaweiErrRe("TLS certificate of "+srv.URL+" is not trusted: x509: certificate signed by unknown authority",
					"Trust its CA", "or for a loopback test server set zenlayer.insecure = true (or ZENLAYERCLOUD_INSECURE=true)"),
			},
			{
				Config: acctest.ConfigCompose(acctest.ZenlayerTLSProviderConfig(srv, true), diskConfig),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.test", tfjsonpath.New("id"), knownvalue.NotNull()),
				},
			},
		},
	})
	if n := emu.CallCount("zec.CreateDisks"); n != 1 {
		t.Errorf("CreateDisks reached the emulator %d times, want 1 (over TLS, with insecure)", n)
	}
}

// insecure = true is refused for a domain that is not a loopback address.
func TestAccProvider_insecureRefused(t *testing.T) {
	acctest.SkipIfReal(t, "serves the emulator over TLS with a self-signed certificate on loopback")
	t.Setenv("ZENLAYERCLOUD_INSECURE", "")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "cloudcompute" {
  zenlayer {
    domain              = "api.example.com"
    access_key_id       = "id"
    access_key_password = "password"
    insecure            = true
  }
}
` + diskConfig,
			ExpectError: huaweiErrRe(`zenlayer.insecure skips TLS certificate checks and is allowed only for a loopback address`,
				`"api.example.com" is not one. Remove zenlayer.insecure`),
		}},
	})
}

func TestAccProviderHuawei_insecureTLS(t *testing.T) {
	acctest.SkipIfReal(t, "serves the emulator over TLS with a self-signed certificate on loopback")
	clearHuaweiEnv(t)
	_, srv := acctest.StartTLSEmulator(t, emulator.Options{})
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(acctest.HuaweiTLSProviderConfig(srv, huaweicloud.AuthPassword, false), huaweiDataSource),
				ExpectError: huaweiErrRe("TLS certificate of "+srv.URL+" is not trusted: x509: certificate signed by unknown authority",
					"or for a loopback test server set huaweicloud.insecure = true (or HW_INSECURE=true)"),
			},
			{
				Config: acctest.ConfigCompose(acctest.HuaweiTLSProviderConfig(srv, huaweicloud.AuthPassword, true), huaweiDataSource),
			},
		},
	})
}

func TestAccProviderHuawei_insecureRefused(t *testing.T) {
	acctest.SkipIfReal(t, "serves the emulator over TLS with a self-signed certificate on loopback")
	clearHuaweiEnv(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "cloudcompute" {
  huaweicloud {
    region     = "cn-east-3"
    project_id = "p"
    token      = "t"
    insecure   = true
  }
}
` + huaweiDataSource,
			ExpectError: huaweiErrRe(`huaweicloud.insecure skips TLS certificate checks and is allowed only for a loopback address`,
				`the CloudDC endpoint "https://clouddc.cn-east-3.myhuaweicloud.com" is not one`),
		}},
	})
}
