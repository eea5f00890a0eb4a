package acctest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// HuaweiCredentials are the emulator's default test credentials of an
// authentication method, as huaweicloud block attributes.
func HuaweiCredentials(method huaweicloud.AuthMethod) map[string]string {
	switch method {
	case huaweicloud.AuthToken:
		return map[string]string{"token": emulator.HuaweiStaticToken, "project_id": emulator.HuaweiProjectID}
	case huaweicloud.AuthAKSK:
		return map[string]string{"access_key": emulator.HuaweiAccessKey, "secret_key": emulator.HuaweiSecretKey, "project_id": emulator.HuaweiProjectID}
	case huaweicloud.AuthPassword:
		return map[string]string{"user_name": emulator.HuaweiUserName, "password": emulator.HuaweiPassword, "domain_name": emulator.HuaweiDomainName}
	}
	panic("acctest: unknown Huawei Cloud auth method " + string(method))
}

// HuaweiProviderConfig is a provider block whose huaweicloud block points
// at emu (CloudDC and IAM endpoints, region) with the default test
// credentials of method. Password authentication leaves project_id out, so
// the token is scoped to the region's project, as users usually do.
func HuaweiProviderConfig(emu *emulator.Server, method huaweicloud.AuthMethod) string {
	return HuaweiProviderConfigWith(emu, HuaweiCredentials(method))
}

// HuaweiProviderConfigWith is HuaweiProviderConfig with the given
// huaweicloud block attributes (credentials, project_id, max_retries)
// beside the region and the emulator's endpoints. A value is written as
// it is when it is a number or a bool (max_retries, insecure), quoted otherwise.
func HuaweiProviderConfigWith(emu *emulator.Server, attrs map[string]string) string {
	return huaweiProviderConfigAt(emu.URL(), attrs)
}

// huaweiProviderConfigAt is HuaweiProviderConfigWith for the emulator at baseURL.
func huaweiProviderConfigAt(baseURL string, attrs map[string]string) string {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		v := attrs[k]
		if k == "max_retries" || k == "insecure" {
			fmt.Fprintf(&b, "    %s = %s\n", k, v)
		} else {
			fmt.Fprintf(&b, "    %s = %q\n", k, v)
		}
	}
	return fmt.Sprintf(`
provider %[1]q {
  huaweicloud {
    region = %[2]q
%[3]s
    endpoints {
      clouddc = %[4]q
      iam     = %[5]q
    }
  }
}
`, ProviderName, emulator.HuaweiRegion, b.String(), baseURL, baseURL+"/v3")
}
