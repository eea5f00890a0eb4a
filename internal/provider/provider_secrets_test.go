package provider_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// A server that echoes the access key password back in its error answers
// (a retried 500 while the disk is read, a 400 refusing a rename): the
// secret is masked in every request's log lines, not only in Configure's,
// and is not in the diagnostic either (the plugin protocol logs those
// outside any masked ctx), so TF_LOG=trace output never shows it.
func TestAccProvider_echoedSecretNotLogged(t *testing.T) {
	acctest.SkipIfReal(t, "puts a server that echoes the secret in front of the emulator")
	const password = "Echoed-s3cret-Password-must-not-leak"
	emu := acctest.StartEmulator(t, emulator.Options{Credentials: map[string]string{"ECHOKEY": password}})
	var describes atomic.Int32
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		echo := func(status int, code string) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			_ = json.NewEncoder(w).Encode(map[string]string{"requestId": "ECHO-1", "code": code,
				"message": "request of key ECHOKEY signed with " + password + " was not accepted"})
		}
		switch action := r.Header.Get("X-ZC-Action"); {
		case action == "DescribeDisks" && describes.Add(1) == 2:
			echo(http.StatusInternalServerError, "INTERNAL_SERVER_ERROR")
		case action == "ModifyDisksAttributes":
			echo(http.StatusBadRequest, "INVALID_PARAMETER")
		default:
			emu.Handler().ServeHTTP(w, r)
		}
	}))
	t.Cleanup(front.Close)
	dir := t.TempDir()
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	// From the environment, so that the harness's log of the configuration cannot contain it.
	t.Setenv("ZENLAYERCLOUD_ACCESS_KEY_PASSWORD", password)
	config := func(name string) string {
		return `
provider "cloudcompute" {
  zenlayer {
    domain        = "` + strings.TrimPrefix(front.URL, "http://") + `"
    scheme        = "HTTP"
    access_key_id = "ECHOKEY"
  }
}

resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id = "asia-east-1a"
  name    = "` + name + `"
  size    = 20
}
`
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("tf-acc-echo")},
			{Config: config("tf-acc-echo-renamed"), ExpectError: regexp.MustCompile(`(?s)INVALID_PARAMETER.*signed with \*\*\*\s+was not accepted`)},
		},
	})
	files, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	logs := all.String()
	// The echoes reached the logs: the retry's warning and the diagnostic.
	for _, want := range []string{"retrying Zenlayer API call", "request of key ECHOKEY signed with ***", "INVALID_PARAMETER"} {
		if !strings.Contains(logs, want) {
			t.Errorf("trace log lacks %q: the test would not see a leak", want)
		}
	}
	if i := strings.Index(logs, password); i >= 0 {
		t.Errorf("the echoed access key password appears in the trace log: …%s…", logs[max(0, i-300):i])
	}
}
