package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// Temporary AK/SK credentials: security_token (or HW_SECURITY_TOKEN) with
// access_key and secret_key; the emulator refuses a request whose security
// token is missing, wrong or not signed. The token never appears in a
// TF_LOG=trace log. These tests set environment variables.
func TestAccProviderHuawei_securityToken(t *testing.T) {
	acctest.SkipIfReal(t, "uses the emulator's temporary credentials")
	emu := acctest.StartEmulator(t, emulator.Options{})
	ak, sk, token := emu.IssueHuaweiTemporaryCredentials(2 * time.Hour)
	clearHuaweiEnv(t)
	temp := map[string]string{"access_key": ak, "secret_key": sk, "security_token": token, "project_id": emulator.HuaweiProjectID}
	noToken := map[string]string{"access_key": ak, "secret_key": sk, "project_id": emulator.HuaweiProjectID}
	withToken := map[string]string{"token": emulator.HuaweiStaticToken, "security_token": token, "project_id": emulator.HuaweiProjectID}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      acctest.HuaweiProviderConfigWith(emu, noToken) + huaweiServersDataSource,
				ExpectError: huaweiErrRe("APIGW.0301", "security token"),
			},
			{
				Config:      acctest.HuaweiProviderConfigWith(emu, withToken) + huaweiServersDataSource,
				ExpectError: huaweiErrRe("Security token without temporary AK/SK credentials", "security_token (from huaweicloud.security_token)"),
			},
			{Config: acctest.HuaweiProviderConfigWith(emu, temp) + huaweiServersDataSource},
		},
	})
	// From the environment, as in a pipeline (so that the test harness's
	// own log of the configuration cannot hold them), with a trace log.
	dir := t.TempDir()
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	t.Setenv("HW_ACCESS_KEY", ak)
	t.Setenv("HW_SECRET_KEY", sk)
	t.Setenv("HW_SECURITY_TOKEN", token)
	t.Setenv("HW_PROJECT_ID", emulator.HuaweiProjectID)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: acctest.HuaweiProviderConfigWith(emu, map[string]string{}) + huaweiServersDataSource}},
	})
	if n := emu.CallCount("clouddc.ListServers"); n == 0 {
		t.Fatal("no ListServers call reached the emulator")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	if len(files) == 0 {
		t.Fatal("no log written")
	}
	logged := false
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		logged = logged || strings.Contains(string(b), "Huawei Cloud API call")
		for name, secret := range map[string]string{"security token": token, "secret key": sk} {
			if i := strings.Index(string(b), secret); i >= 0 {
				t.Errorf("the %s appears in %s: …%s…", name, f, string(b)[max(0, i-200):i])
			}
		}
	}
	if !logged {
		t.Error("the trace log has no API call line: the test would not see a leak")
	}
}

var huaweiServersDataSource = fmt.Sprintf(`
data "cloudcompute_huaweicloud_clouddc_servers" "ready" {
  manage_state = %q
}
`, "ready")
