package provider_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

const diskConfig = `
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id = "asia-east-1a"
  name    = "tf-acc-provider"
  size    = 20
}
`

// A request signed with the wrong password is refused with a 401, and the
// provider reports it clearly, once: no retry storm.
func TestAccProvider_wrongSignature(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	keyID := emulator.DefaultAccessKeyID
	if tg.Real() {
		tg.ZenlayerProviderConfig() // skips without credentials
		keyID = os.Getenv("ZENLAYERCLOUD_ACCESS_KEY_ID")
	}
	bad := tg.ZenlayerProviderConfigWith(acctest.Credentials{AccessKeyID: keyID, AccessKeyPassword: "not-the-password"})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.ConfigCompose(bad, diskConfig),
			ExpectError: regexp.MustCompile(`(?s)creating ZEC disk.*AUTHFAILURE_SIGNATURE_FAILURE \(HTTP 401\).*check the access key id and password`),
		}},
	})
	if tg.Emu == nil {
		return
	}
	if n := tg.Emu.CallCount("zec.CreateDisks"); n != 1 {
		t.Errorf("CreateDisks reached the emulator %d times, want exactly 1", n)
	}
	for _, e := range tg.Emu.Log() {
		if e.Status != 401 {
			t.Errorf("unexpected request %+v", e)
		}
	}
}

func TestAccProvider_unknownKey(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	password := emulator.DefaultAccessKeyPassword
	if tg.Real() {
		tg.ZenlayerProviderConfig() // skips without credentials
		password = os.Getenv("ZENLAYERCLOUD_ACCESS_KEY_PASSWORD")
	}
	bad := tg.ZenlayerProviderConfigWith(acctest.Credentials{AccessKeyID: "NOSUCHKEY", AccessKeyPassword: password})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.ConfigCompose(bad, diskConfig),
			ExpectError: regexp.MustCompile(`AUTHFAILURE_SECRET_ID_NOT_FOUND \(HTTP 401\)`),
		}},
	})
}

// A Zenlayer resource without credentials fails with an error that names
// the attribute and the environment variable.
func TestAccProvider_missingCredentials(t *testing.T) {
	t.Setenv("ZENLAYERCLOUD_ACCESS_KEY_ID", "")
	t.Setenv("ZENLAYERCLOUD_ACCESS_KEY_PASSWORD", "")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: diskConfig,
			ExpectError: regexp.MustCompile(`(?s)Zenlayer Cloud credentials are not configured.*zenlayer.access_key_id.*ZENLAYERCLOUD_ACCESS_KEY_ID` +
				`.*zenlayer.access_key_password.*ZENLAYERCLOUD_ACCESS_KEY_PASSWORD`),
		}},
	})
}

// Plain HTTP is refused unless the domain is a loopback address.
func TestAccProvider_plainHTTPRefused(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "cloudcompute" {
  zenlayer {
    domain              = "api.example.com"
    scheme              = "HTTP"
    access_key_id       = "id"
    access_key_password = "password"
  }
}
` + diskConfig,
			ExpectError: regexp.MustCompile(`(?s)plain HTTP is refused for "api.example.com"`),
		}},
	})
}

// No secret appears in TF_LOG=trace output of an acceptance run: neither
// the Terraform CLI's log nor the provider's. Against a real cloud, the
// secret is the environment's access key password.
func TestAccProvider_secretsNotLogged(t *testing.T) {
	password, keyID := "s3cret-Password-that-must-not-leak", "LOGTESTKEY"
	var tg *acctest.Target
	provider := ""
	if acctest.IsReal() {
		tg = acctest.NewTarget(t, emulator.Options{})
		tg.ZenlayerProviderConfig() // skips without credentials
		password, keyID = os.Getenv("ZENLAYERCLOUD_ACCESS_KEY_PASSWORD"), os.Getenv("ZENLAYERCLOUD_ACCESS_KEY_ID")
		provider = tg.ZenlayerProviderConfigWith(acctest.Credentials{AccessKeyID: keyID})
	} else {
		// Its own key, and the default one for the check of the destroy.
		tg = acctest.NewTarget(t, emulator.Options{Credentials: map[string]string{keyID: password, emulator.DefaultAccessKeyID: emulator.DefaultAccessKeyPassword}})
		provider = `
provider "cloudcompute" {
  zenlayer {
    domain        = "` + tg.Emu.Endpoint() + `"
    scheme        = "HTTP"
    access_key_id = "` + keyID + `"
  }
}
`
	}
	disk := fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id = %q
  name    = %q
  size    = 20
}
`, tg.ID(acctest.EnvZECZoneID, "asia-east-1a"), acctest.RandomName("provider"))
	dir := t.TempDir()
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	// The password comes from the environment, as in a pipeline, so that the
	// test harness's own log of the configuration cannot contain it.
	t.Setenv("ZENLAYERCLOUD_ACCESS_KEY_PASSWORD", password)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: acctest.CheckGone("cloudcompute_zenlayer_zec_disk", func(ctx context.Context, id string) (string, error) {
			c, err := tg.ZenlayerClient()
			if err != nil {
				return "", err
			}
			d, err := c.FindDisk(ctx, id)
			if err != nil {
				return "", err
			}
			return d.DiskStatus, nil
		}),
		Steps: []resource.TestStep{
			{Config: provider + disk},
			{ResourceName: "cloudcompute_zenlayer_zec_disk.test", ImportState: true, ImportStateVerify: true},
		},
	})
	files, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	if len(files) == 0 {
		t.Fatal("no log written")
	}
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	logs := all.String()
	// The logs are real: the provider's own structured lines are there.
	for _, want := range []string{"creating ZEC disk", "Zenlayer API call", "releasing ZEC disk", keyID} {
		if !strings.Contains(logs, want) {
			t.Errorf("trace log lacks %q: the test would not see a leak", want)
		}
	}
	if strings.Contains(logs, password) {
		i := strings.Index(logs, password)
		t.Errorf("the access key password appears in the trace log: …%s…", logs[max(0, i-200):i])
	}
}
