package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// These tests set environment variables, so they do not run in parallel.

var huaweiEnv = []string{"HW_REGION_NAME", "HW_PROJECT_ID", "HW_ACCESS_KEY", "HW_SECRET_KEY", "HW_AUTH_TOKEN", "HW_USER_NAME",
	"HW_USER_PASSWORD", "HW_DOMAIN_NAME", "HW_AUTH_URL", "HW_CLOUDDC_ENDPOINT", "HW_MAX_RETRIES", "HW_INSECURE", "HW_SECURITY_TOKEN"}

// clearHuaweiEnv unsets every HW_* variable the provider reads, for the test.
func clearHuaweiEnv(t *testing.T) {
	t.Helper()
	for _, k := range huaweiEnv {
		t.Setenv(k, "")
	}
}

const huaweiDataSource = `
data "cloudcompute_huaweicloud_clouddc_instances" "all" {}
`

// huaweiErrRe matches the parts of an error message in order, whatever
// the line wrapping of Terraform's diagnostics.
func huaweiErrRe(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

func TestAccProviderHuawei_configureErrors(t *testing.T) {
	acctest.SkipIfReal(t, "checks configuration errors with the emulator's endpoints, clearing the Huawei Cloud variables")
	clearHuaweiEnv(t)
	emu := acctest.StartEmulator(t, emulator.Options{})
	for _, tc := range []struct {
		name  string
		env   map[string]string
		attrs map[string]string
		want  []string
	}{
		{
			name:  "two methods in the block",
			attrs: map[string]string{"token": "t", "access_key": "ak", "secret_key": "sk", "project_id": "p"},
			want: []string{"Conflicting Huawei Cloud credentials", "access_key (from huaweicloud.access_key)", "secret_key (from huaweicloud.secret_key)",
				"token (from huaweicloud.token)", "Use exactly one of"},
		},
		{
			name:  "the block and the environment",
			env:   map[string]string{"HW_ACCESS_KEY": "ak", "HW_SECRET_KEY": "sk"},
			attrs: map[string]string{"user_name": "u", "password": "p", "domain_name": "d"},
			want:  []string{"Conflicting Huawei Cloud credentials", "access_key (from HW_ACCESS_KEY)", "password (from huaweicloud.password)", "unset their environment variables"},
		},
		{
			name:  "access key without secret key",
			attrs: map[string]string{"access_key": "ak", "project_id": "p"},
			want:  []string{"Incomplete Huawei Cloud configuration", "AK/SK authentication is configured", "huaweicloud.secret_key (or HW_SECRET_KEY)"},
		},
		{
			name:  "password without domain",
			attrs: map[string]string{"user_name": "u", "password": "p"},
			want:  []string{"Incomplete Huawei Cloud configuration", "huaweicloud.domain_name (or HW_DOMAIN_NAME)"},
		},
		{
			name:  "token without project",
			attrs: map[string]string{"token": "t"},
			want:  []string{"Incomplete Huawei Cloud configuration", "huaweicloud.project_id (or HW_PROJECT_ID)", "need the project id"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      acctest.ConfigCompose(acctest.HuaweiProviderConfigWith(emu, tc.attrs), huaweiDataSource),
					ExpectError: huaweiErrRe(tc.want...),
				}},
			})
		})
	}
	if n := len(emu.Log()); n != 0 {
		t.Errorf("a configuration error reached the API %d times", n)
	}
}

// Conflicting Huawei settings are an error at configure time even for a
// configuration of Zenlayer resources only; no Huawei settings at all (or
// only a region) are not.
func TestAccProviderHuawei_zenlayerOnly(t *testing.T) {
	acctest.SkipIfReal(t, "checks the Huawei Cloud variables' effect on a Zenlayer-only configuration, with the emulator's credentials")
	clearHuaweiEnv(t)
	emu := acctest.StartEmulator(t, emulator.Options{})
	t.Setenv("HW_REGION_NAME", "cn-east-3")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("cloudcompute_zenlayer_zec_disk.test", tfjsonpath.New("status"), knownvalue.StringExact("AVAILABLE")),
			},
		}},
	})
	t.Setenv("HW_AUTH_TOKEN", "t")
	t.Setenv("HW_ACCESS_KEY", "ak")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), diskConfig),
			ExpectError: huaweiErrRe("Conflicting Huawei Cloud credentials", "access_key (from HW_ACCESS_KEY)", "token (from HW_AUTH_TOKEN)"),
		}},
	})
}

// Every method configured from the environment only, with the Huawei
// Cloud provider's variable names.
func TestAccProviderHuawei_environment(t *testing.T) {
	acctest.SkipIfReal(t, "seeds an instance and sets every Huawei Cloud variable to the emulator's")
	emu := acctest.StartEmulator(t, emulator.Options{})
	fixture := emu.AddCloudDCInstance("env-fixture")
	for _, tc := range []struct {
		method huaweicloud.AuthMethod
		env    map[string]string
	}{
		{huaweicloud.AuthAKSK, map[string]string{"HW_ACCESS_KEY": emulator.HuaweiAccessKey, "HW_SECRET_KEY": emulator.HuaweiSecretKey, "HW_PROJECT_ID": emulator.HuaweiProjectID}},
		{huaweicloud.AuthToken, map[string]string{"HW_AUTH_TOKEN": emulator.HuaweiStaticToken, "HW_PROJECT_ID": emulator.HuaweiProjectID}},
		{huaweicloud.AuthPassword, map[string]string{"HW_USER_NAME": emulator.HuaweiUserName, "HW_USER_PASSWORD": emulator.HuaweiPassword,
			"HW_DOMAIN_NAME": emulator.HuaweiDomainName, "HW_AUTH_URL": emu.URL() + "/v3"}},
	} {
		t.Run(string(tc.method), func(t *testing.T) {
			clearHuaweiEnv(t)
			t.Setenv("HW_REGION_NAME", emulator.HuaweiRegion)
			t.Setenv("HW_CLOUDDC_ENDPOINT", emu.URL())
			t.Setenv("HW_MAX_RETRIES", "2")
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: huaweiDataSource,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.cloudcompute_huaweicloud_clouddc_instances.all", tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("id"),
							knownvalue.StringExact(fixture)),
					},
				}},
			})
		})
	}
	t.Run("invalid HW_MAX_RETRIES", func(t *testing.T) {
		clearHuaweiEnv(t)
		t.Setenv("HW_MAX_RETRIES", "many")
		resource.Test(t, resource.TestCase{
			PreCheck:                 func() { acctest.PreCheck(t) },
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config:      acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthToken), huaweiDataSource),
				ExpectError: huaweiErrRe(`HW_MAX_RETRIES must be a number from 0 to 20, got "many"`),
			}},
		})
	})
}

func TestAccProviderHuawei_plainHTTPRefused(t *testing.T) {
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
    endpoints {
      clouddc = "http://clouddc.example.com"
    }
  }
}
` + huaweiDataSource,
			ExpectError: huaweiErrRe(`plain HTTP is refused for the CloudDC endpoint "http://clouddc.example.com"`),
		}},
	})
}

// No secret appears in TF_LOG=trace output: not the secret key, not the
// IAM user's password, not the IAM tokens, not the instance's password.
func TestAccProviderHuawei_secretsNotLogged(t *testing.T) {
	acctest.SkipIfReal(t, "gives the emulator credentials of its own")
	const (
		secretKey    = "s3cret-Key-that-must-not-leak-0001"
		userPassword = "User-Passw0rd-that-must-not-leak"
	)
	emu := acctest.StartEmulator(t, emulator.Options{Huawei: emulator.HuaweiOptions{
		AccessKeys: map[string]string{"LOGTESTAK": secretKey},
		Users:      []emulator.HuaweiUser{{Name: "logtest", Password: userPassword, Domain: "logtest-account"}},
	}})
	dir := t.TempDir()
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	run := func(env map[string]string, config string) {
		clearHuaweiEnv(t)
		// The secrets come from the environment, as in a pipeline, so that
		// the test harness's own log of the configuration cannot contain them.
		for k, v := range env {
			t.Setenv(k, v)
		}
		resource.Test(t, resource.TestCase{
			PreCheck:                 func() { acctest.PreCheck(t) },
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			Steps: []resource.TestStep{
				{Config: config},
				{ResourceName: "cloudcompute_huaweicloud_clouddc_instance.test", ImportState: true, ImportStateVerify: true},
			},
		})
	}
	block := fmt.Sprintf(`
provider "cloudcompute" {
  huaweicloud {
    region = %[1]q
    endpoints {
      clouddc = %[2]q
      iam     = %[3]q
    }
  }
}

variable "instance_password" {
  type      = string
  sensitive = true
}

resource "cloudcompute_huaweicloud_clouddc_instance" "test" {
  name               = "tf-acc-logs"
  image_id           = %[4]q
  vpc_id             = %[5]q
  password_wo        = var.instance_password
  network_interfaces = [{ subnet_id = %[6]q }]
}
`, emulator.HuaweiRegion, emu.URL(), emu.URL()+"/v3", emulator.HuaweiImageID, emulator.HuaweiVPCID, emulator.HuaweiSubnetID)
	const instancePassword = "Instance-Passw0rd-leak"
	run(map[string]string{"HW_USER_NAME": "logtest", "HW_USER_PASSWORD": userPassword, "HW_DOMAIN_NAME": "logtest-account",
		"TF_VAR_instance_password": instancePassword}, block)
	run(map[string]string{"HW_ACCESS_KEY": "LOGTESTAK", "HW_SECRET_KEY": secretKey, "HW_PROJECT_ID": emulator.HuaweiProjectID,
		"TF_VAR_instance_password": instancePassword}, block)

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
	for _, want := range []string{"creating CloudDC instance", "Huawei Cloud API call", "obtained Huawei Cloud IAM token", "deleting CloudDC instance", "LOGTESTAK"} {
		if !strings.Contains(logs, want) {
			t.Errorf("trace log lacks %q: the test would not see a leak", want)
		}
	}
	tokens := emu.HuaweiIssuedTokens()
	if len(tokens) == 0 {
		t.Fatal("no IAM token was issued")
	}
	for name, secret := range map[string]string{"secret key": secretKey, "user password": userPassword, "instance password": instancePassword, "IAM token": tokens[0]} {
		if i := strings.Index(logs, secret); i >= 0 {
			t.Errorf("the %s appears in the trace log: …%s…", name, logs[max(0, i-200):i])
		}
	}
}
