package clouddc_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The status codes of the DeleteInstance document (400, 401, 429, 500)
// and the other operations': each is retried where that is safe and
// otherwise surfaces as a clear diagnostic.

// 429 is retried, even for a create: the API refused before acting.
func TestAccCloudDCInstance_status429Retried(t *testing.T) {
	acctest.SkipIfReal(t, "answers 429 on purpose (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	emu.InjectHuaweiFault("clouddc.CreateInstance", http.StatusTooManyRequests, 2)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK), instanceConfig("tf-acc-429", emulator.HuaweiImageID, "")),
			Check: func(*terraform.State) error {
				if n := emu.CallCount("clouddc.CreateInstance"); n != 3 {
					return fmt.Errorf("CreateInstance reached the emulator %d times, want 3 (two 429s, then the create)", n)
				}
				if n := len(emu.Inventory()["clouddc_instance"]); n != 1 {
					return fmt.Errorf("%d instances in the emulator, want 1", n)
				}
				return nil
			},
		}},
	})
}

// The API's own rate limit: a 429 without a body, retried with backoff.
func TestAccCloudDCInstance_rateLimited(t *testing.T) {
	acctest.SkipIfReal(t, "needs the emulator's rate limit of 4 requests a second")
	// One request every 250 ms: the first status read right after the create is refused.
	emu := acctest.StartEmulator(t, emulator.Options{RateLimit: 4, RateBurst: 1})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthToken), instanceConfig("tf-acc-ratelimit", emulator.HuaweiImageID, "")),
		}},
	})
	limited := 0
	for _, e := range emu.Log() {
		if e.Status == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited == 0 {
		t.Error("the rate limit never answered 429: the test proves nothing")
	}
}

// 500 on reads and on DeleteInstance is retried and the apply and destroy succeed.
func TestAccCloudDCInstance_status500Retried(t *testing.T) {
	acctest.SkipIfReal(t, "answers 500 on purpose (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	emu.InjectHuaweiFault("clouddc.ShowInstanceStatus", http.StatusInternalServerError, 2)
	emu.InjectHuaweiFault("clouddc.ListInstances", http.StatusInternalServerError, 1)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if n := emu.CallCount("clouddc.DeleteInstance"); n != 3 {
				return fmt.Errorf("DeleteInstance reached the emulator %d times, want 3 (two 500s, then the delete)", n)
			}
			return checkInstancesGone(emu)(s)
		},
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthPassword), instanceConfig("tf-acc-500", emulator.HuaweiImageID, "")),
			Check: func(*terraform.State) error {
				emu.InjectHuaweiFault("clouddc.DeleteInstance", http.StatusInternalServerError, 2)
				return nil
			},
		}},
	})
}

// A 500 to CreateInstance leaves its outcome unknown (the server may have
// acted before it failed): the create is never sent again in that apply.
// The instance is looked up by its create token until the create timeout
// ends, then the apply fails naming the token, which the journal keeps.
// The next run (a new provider process) looks for the token first; since
// that create's deadline has passed and nothing carries it, it creates anew.
func TestAccCloudDCInstance_create500LookedUp(t *testing.T) {
	acctest.SkipIfReal(t, "answers 500 to a create on purpose (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	emu.InjectHuaweiFault("clouddc.CreateInstance", http.StatusInternalServerError, 1)
	config := acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK),
		instanceConfig("tf-acc-create500", emulator.HuaweiImageID, `  timeouts = { create = "4s" }`))
	calls := func() []string {
		var out []string
		for _, e := range emu.Log() {
			if e.API == "clouddc" && (e.Action == "CreateInstance" || e.Action == "ListInstances") {
				out = append(out, fmt.Sprintf("%s:%d", e.Action, e.Status))
			}
		}
		return out
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)answer\s+to\s+the\s+create\s+of\s+a\s+CloudDC\s+instance\s+was\s+lost.*create\s+token\s+[0-9a-f]{32}.*not\s+sent\s+again`),
		}, {
			PreConfig: func() {
				got := calls()
				if len(got) < 3 || got[0] != "CreateInstance:500" || slices.Contains(got[1:], "CreateInstance:202") {
					t.Fatalf("first apply: calls %v, want CreateInstance:500, then lookups only", got)
				}
				journal.NewProcessForTest()
			},
			Config: config,
			Check: func(*terraform.State) error {
				if n := len(emu.Inventory()["clouddc_instance"]); n != 1 {
					return fmt.Errorf("%d instances in the emulator, want 1", n)
				}
				got := calls()
				i := slices.Index(got, "CreateInstance:202")
				made := 0
				for _, c := range got {
					if c == "CreateInstance:202" {
						made++
					}
				}
				if i < 1 || got[i-1] != "ListInstances:200" || made != 1 {
					return fmt.Errorf("calls %v: want the second run to look the token up, then create once", got)
				}
				return nil
			},
		}},
	})
}

// A create whose answer is lost (the connection is cut after the instance
// was made) is not repeated: the instance is found by its create token
// (a metadata pair) and adopted.
func TestAccCloudDCInstance_createAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "cuts the connection after a create (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultCutAfter, Rate: 1, Actions: []string{"clouddc.POST /v1/" + emulator.HuaweiProjectID + "/instances"}},
	}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthToken), instanceConfig("tf-acc-cut", emulator.HuaweiImageID, "")),
			Check: resource.ComposeTestCheckFunc(acctest.CheckCreatedOnce(emu, instanceResourceName, "clouddc_instance", "clouddc.CreateInstance"), func(*terraform.State) error {
				if n := emu.FaultCounts()[emulator.FaultCutAfter]; n != 1 {
					return fmt.Errorf("%d cut-after faults injected, want 1", n)
				}
				return nil
			}),
		}},
	})
}

// A persistent 500 ends in a clear error once the retries (max_retries)
// are used up; the next destroy succeeds.
func TestAccCloudDCInstance_persistent500(t *testing.T) {
	acctest.SkipIfReal(t, "answers 500 on purpose (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	creds := acctest.HuaweiCredentials(huaweicloud.AuthToken)
	creds["max_retries"] = "1"
	config := acctest.ConfigCompose(acctest.HuaweiProviderConfigWith(emu, creds), instanceConfig("tf-acc-persistent", emulator.HuaweiImageID, ""))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					emu.InjectHuaweiFault("clouddc.DeleteInstance", http.StatusInternalServerError, 2)
					return nil
				},
			},
			{
				Config:      config,
				Destroy:     true,
				ExpectError: errRe("deleting CloudDC instance (", "giving up after 2 attempts", "iMetal.0099 (HTTP 500): Internal server error"),
			},
		},
	})
	if n := emu.CallCount("clouddc.DeleteInstance"); n != 3 {
		t.Errorf("DeleteInstance reached the emulator %d times, want 3 (2 refused, then the final destroy)", n)
	}
}

// A 400 the plan cannot foresee (an image that does not exist) is the
// API's code and message.
func TestAccCloudDCInstance_status400(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.CloudDC()
	ids.Image = "99999999-9999-4999-8999-999999999999"
	name := acctest.RandomName("400")
	want := []string{`creating CloudDC instance "` + name + `"`, "(HTTP 400)", "(request id "}
	if !tg.Real() {
		// The emulator's own wording of the API's answer.
		want = []string{`creating CloudDC instance "` + name + `"`, "iMetal.0001 (HTTP 400): A request parameter contains invalid or unsupported value:",
			"image_id 99999999-9999-4999-8999-999999999999 is not an available private image", "(request id "}
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{{
			Config:      acctest.ConfigCompose(tg.HuaweiProviderConfig(huaweicloud.AuthToken), instanceConfigAt(ids, name, "")),
			ExpectError: errRe(want...),
		}},
	})
	if tg.Emu != nil {
		if n := tg.Emu.CallCount("clouddc.CreateInstance"); n != 1 {
			t.Errorf("CreateInstance reached the emulator %d times, want 1", n)
		}
	}
}

// A 401 is one clear error that says what to check, without a retry storm:
// one request for AK/SK and a static token; for an IAM token, one renewal
// and one more try.
func TestAccCloudDCInstance_status401(t *testing.T) {
	acctest.SkipIfReal(t, "signs with the emulator's test credentials, altered, and refuses tokens on purpose")
	for _, tc := range []struct {
		name          string
		method        huaweicloud.AuthMethod
		change        map[string]string
		injectForever bool
		want          []string
		wantCreates   int
		wantTokens    int
	}{
		{name: "wrong secret key", method: huaweicloud.AuthAKSK, change: map[string]string{"secret_key": "not-the-secret-key"}, wantCreates: 1,
			want: []string{"APIGW.0301 (HTTP 401): Incorrect IAM authentication information: verify aksk signature fail", "check huaweicloud.access_key and secret_key (HW_ACCESS_KEY / HW_SECRET_KEY)"}},
		{name: "unknown token", method: huaweicloud.AuthToken, change: map[string]string{"token": "MIIexpired"}, wantCreates: 1,
			want: []string{"APIGW.0301 (HTTP 401): Incorrect IAM authentication information: decrypt token fail", "huaweicloud.token (HW_AUTH_TOKEN) is invalid or expired"}},
		{name: "wrong password", method: huaweicloud.AuthPassword, change: map[string]string{"password": "Wrong-Passw0rd"}, wantCreates: 0, wantTokens: 1,
			want: []string{"huaweicloud iam CreateToken: 401 (HTTP 401): Unauthorized: The username or password is wrong.", "HW_USER_PASSWORD"}},
		{name: "token refused even after renewal", method: huaweicloud.AuthPassword, injectForever: true, wantCreates: 2, wantTokens: 2,
			want: []string{"APIGW.0301 (HTTP 401)", "refused the IAM token even after renewing it"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			emu := acctest.StartEmulator(t, emulator.Options{})
			if tc.injectForever {
				emu.InjectHuaweiFault("clouddc.CreateInstance", http.StatusUnauthorized, -1)
			}
			creds := acctest.HuaweiCredentials(tc.method)
			for k, v := range tc.change {
				creds[k] = v
			}
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      acctest.ConfigCompose(acctest.HuaweiProviderConfigWith(emu, creds), instanceConfig("tf-acc-401", emulator.HuaweiImageID, "")),
					ExpectError: errRe(append([]string{`creating CloudDC instance "tf-acc-401"`}, tc.want...)...),
				}},
			})
			if n := emu.CallCount("clouddc.CreateInstance"); n != tc.wantCreates {
				t.Errorf("CreateInstance reached the emulator %d times, want %d", n, tc.wantCreates)
			}
			if n := emu.CallCount("iam.CreateToken"); n != tc.wantTokens {
				t.Errorf("IAM was asked for %d tokens, want %d", n, tc.wantTokens)
			}
			if n := len(emu.Inventory()["clouddc_instance"]); n != 0 {
				t.Errorf("%d instances were created", n)
			}
		})
	}
}

// Credentials of another project: 403 iMetal.0004, explained.
func TestAccCloudDCInstance_wrongProject(t *testing.T) {
	acctest.SkipIfReal(t, "uses the emulator's test credentials with another project")
	emu := acctest.StartEmulator(t, emulator.Options{})
	creds := acctest.HuaweiCredentials(huaweicloud.AuthAKSK)
	creds["project_id"] = "11111111111111111111111111111111"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.HuaweiProviderConfigWith(emu, creds), instanceConfig("tf-acc-403", emulator.HuaweiImageID, "")),
			ExpectError: errRe("iMetal.0004 (HTTP 403): Insufficient permissions: project 11111111111111111111111111111111",
				"huaweicloud.project_id (HW_PROJECT_ID)"),
		}},
	})
}

// A reinstallation and a change of network interfaces whose answers are
// lost (the connection is cut after the emulator began each): the
// instance, reinstalling or modifyIping, confirms the call, and it is not
// sent again (a second reinstallation would wipe the disk again). Before,
// each apply failed.
func TestAccCloudDCInstance_reinstallAnswerLost(t *testing.T) {
	testChangeAnswerLost(t, "ReinstallOs", func(string) string { return "/instances/reinstall" },
		instanceConfig("tf-acc-change-cut", emulator.HuaweiImageID2, ""),
		resource.TestCheckResourceAttr(instanceResourceName, "image_id", emulator.HuaweiImageID2))
}

func TestAccCloudDCInstance_modifyIPAnswerLost(t *testing.T) {
	twoNICs := strings.Replace(instanceConfig("tf-acc-change-cut", emulator.HuaweiImageID, ""),
		fmt.Sprintf("{ subnet_id = %q },", emulator.HuaweiSubnetID),
		fmt.Sprintf("{ subnet_id = %q },\n    { subnet_id = %q, ipv4_address = \"192.168.1.50\" },", emulator.HuaweiSubnetID, emulator.HuaweiSubnetID2), 1)
	testChangeAnswerLost(t, "ModifyInstanceIp", func(id string) string { return "/instances/" + id + "/ip" },
		twoNICs, resource.TestCheckResourceAttr(instanceResourceName, "network_interfaces.#", "2"))
}

// testChangeAnswerLost creates an instance, then applies changed, whose
// one call of operation (PUT path(id)) loses its answer: the apply must
// succeed, check hold, and the call be sent once.
func testChangeAnswerLost(t *testing.T, operation string, path func(id string) string, changed string, check resource.TestCheckFunc) {
	acctest.SkipIfReal(t, "cuts the connection after a change (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.HuaweiProviderConfig(emu, huaweicloud.AuthToken)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, instanceConfig("tf-acc-change-cut", emulator.HuaweiImageID, "")),
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
					emu.SetFaults([]emulator.FaultRule{{Kind: emulator.FaultCutAfter, Rate: 1, Max: 1,
						Actions: []string{"clouddc.PUT /v1/" + emulator.HuaweiProjectID + path(id)}}})
					return nil
				}),
			},
			{
				Config: acctest.ConfigCompose(provider, changed),
				Check: resource.ComposeTestCheckFunc(check, func(*terraform.State) error {
					return acctest.CheckAnswerLostOnce(emu, "clouddc."+operation)
				}),
			},
		},
	})
}
