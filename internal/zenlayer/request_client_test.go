package zenlayer

import (
	"regexp"
	"strings"
	"testing"
)

// The SDK's rule for X-ZC-Request-Client (common/client.go WithRequestClient).
var sdkRequestClient = regexp.MustCompile(`^[0-9a-zA-Z-_ ,;.]+$`)

func TestRequestClient(t *testing.T) {
	for ua, want := range map[string]string{
		"Terraform/1.11.4 terraform-provider-cloudcompute/0.3.0":      "Terraform-1.11.4 terraform-provider-cloudcompute-0.3.0",
		"terraform-provider-cloudcompute/0.3.0-rc.1+build.7":          "terraform-provider-cloudcompute-0.3.0-rc.1-build.7",
		"Terraform/1.11.4 (+https://www.terraform.io) cloudcompute/1": "Terraform-1.11.4 --https---www.terraform.io- cloudcompute-1",
		"":   "terraform-provider-cloudcompute",
		"ü/": "--",
	} {
		got := RequestClient(ua)
		if got != want {
			t.Errorf("RequestClient(%q) = %q, want %q", ua, got, want)
		}
		if !sdkRequestClient.MatchString(got) || len(got) > 128 {
			t.Errorf("RequestClient(%q) = %q is not a valid X-ZC-Request-Client", ua, got)
		}
	}
	long := RequestClient(strings.Repeat("terraform-provider-cloudcompute/1.0 ", 10))
	if len(long) != 128 || !sdkRequestClient.MatchString(long) {
		t.Errorf("a long User-Agent gives %q (%d characters), want 128 valid ones", long, len(long))
	}
}
