// Copyright (c) The terraform-provider-cloudcompute authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The version the build gives main.version (-X main.version=..., from the
// release tag) reaches the User-Agent of every request to both clouds,
// after Terraform's own version.
func TestAccProvider_userAgentCarriesVersion(t *testing.T) {
	acctest.SkipIfReal(t, "puts a server that records the headers in front of the emulator")
	const version = "1.2.3-rc.1"
	emu := acctest.StartEmulator(t, emulator.Options{})
	var (
		mu     sync.Mutex
		agents = map[string]map[string]bool{} // API path prefix -> User-Agent values
	)
	rec := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := "huaweicloud"
		if r.Header.Get("X-ZC-Action") != "" {
			api = "zenlayer"
			// The SDK's characters only ([0-9A-Za-z-_ ,;.]): the User-Agent
			// with "/" turned into "-", the version still in it.
			if got, want := r.Header.Get("X-ZC-Request-Client"), strings.ReplaceAll(r.UserAgent(), "/", "-"); got != want || !strings.Contains(got, version) {
				t.Errorf("X-ZC-Request-Client = %q, want %q (from User-Agent %q)", got, want, r.UserAgent())
			}
		}
		mu.Lock()
		if agents[api] == nil {
			agents[api] = map[string]bool{}
		}
		agents[api][r.UserAgent()] = true
		mu.Unlock()
		emu.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(rec.Close)

	config := fmt.Sprintf(`
provider "cloudcompute" {
  zenlayer {
    domain              = %[1]q
    scheme              = "HTTP"
    access_key_id       = %[2]q
    access_key_password = %[3]q
  }
  huaweicloud {
    region     = %[4]q
    project_id = %[5]q
    access_key = %[6]q
    secret_key = %[7]q
    endpoints {
      clouddc = %[8]q
      iam     = "%[8]s/v3"
    }
  }
}

data "cloudcompute_zenlayer_zec_disks" "all" {}

data "cloudcompute_huaweicloud_clouddc_instances" "all" {}
`, strings.TrimPrefix(rec.URL, "http://"), emulator.DefaultAccessKeyID, emulator.DefaultAccessKeyPassword,
		emulator.HuaweiRegion, emulator.HuaweiProjectID, emulator.HuaweiAccessKey, emulator.HuaweiSecretKey, rec.URL)

	resource.Test(t, resource.TestCase{
		PreCheck: func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			acctest.ProviderName: providerserver.NewProtocol6WithError(provider.New(version)()),
		},
		Steps: []resource.TestStep{{Config: config}},
	})

	want := regexp.MustCompile(`^Terraform/\d+\.\d+\.\d+\S* terraform-provider-cloudcompute/` + regexp.QuoteMeta(version) + `$`)
	mu.Lock()
	defer mu.Unlock()
	for _, api := range []string{"zenlayer", "huaweicloud"} {
		if len(agents[api]) == 0 {
			t.Errorf("no %s request reached the emulator", api)
		}
		for ua := range agents[api] {
			if !want.MatchString(ua) {
				t.Errorf("%s request with User-Agent %q, want %s", api, ua, want)
			}
		}
	}
}
