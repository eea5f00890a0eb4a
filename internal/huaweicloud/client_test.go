package huaweicloud_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

var fastRetry = transport.Policy{MaxAttempts: 4, Base: time.Millisecond, Max: 5 * time.Millisecond}

var quick = emulator.Durations{
	CloudDCCreate: 30 * time.Millisecond, CloudDCStop: 30 * time.Millisecond, CloudDCReinstall: 30 * time.Millisecond,
	CloudDCDelete: 30 * time.Millisecond, CloudDCTerminatedVisible: 60 * time.Millisecond,
}

func startEmulator(t *testing.T, opts emulator.Options) *emulator.Server {
	t.Helper()
	if opts.Durations == (emulator.Durations{}) {
		opts.Durations = quick
	}
	emu, err := emulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	return emu
}

func credentials(method huaweicloud.AuthMethod) huaweicloud.Credentials {
	switch method {
	case huaweicloud.AuthToken:
		return huaweicloud.Credentials{Token: emulator.HuaweiStaticToken}
	case huaweicloud.AuthAKSK:
		return huaweicloud.Credentials{AccessKey: emulator.HuaweiAccessKey, SecretKey: emulator.HuaweiSecretKey}
	default:
		return huaweicloud.Credentials{UserName: emulator.HuaweiUserName, Password: emulator.HuaweiPassword, DomainName: emulator.HuaweiDomainName}
	}
}

func newClient(t *testing.T, emu *emulator.Server, method huaweicloud.AuthMethod, mods ...func(*huaweicloud.Config)) *huaweicloud.Client {
	t.Helper()
	cfg := huaweicloud.Config{
		Region: emulator.HuaweiRegion, ProjectID: emulator.HuaweiProjectID,
		CloudDCEndpoint: emu.URL(), IAMEndpoint: emu.URL() + "/v3",
		Credentials: credentials(method),
		HTTPConfig:  transport.HTTPConfig{Retry: fastRetry},
	}
	for _, m := range mods {
		m(&cfg)
	}
	c, err := huaweicloud.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func createRequest(name string) huaweicloud.CreateInstanceRequest {
	return huaweicloud.CreateInstanceRequest{
		Name: name, ImageID: emulator.HuaweiImageID, VpcID: emulator.HuaweiVPCID, Password: "Str0ng-Passw0rd",
		NetworkInterfaces: []huaweicloud.NetworkInterface{{SubnetID: emulator.HuaweiSubnetID}},
	}
}

// waitState polls ShowInstanceStatus until state (or gone, for wait.Gone).
func waitState(t *testing.T, c *huaweicloud.Client, id string, target ...string) {
	t.Helper()
	_, err := wait.Until(context.Background(), wait.Config[*huaweicloud.InstanceStatus]{
		Operation: "instance " + id, Target: target, UnknownIsPending: true, Timeout: 10 * time.Second,
		MinInterval: 10 * time.Millisecond, MaxInterval: 20 * time.Millisecond,
		Refresh: func(ctx context.Context) (*huaweicloud.InstanceStatus, string, error) {
			st, err := c.ShowInstanceStatus(ctx, id)
			if huaweicloud.IsNotFound(err) {
				return nil, wait.Gone, nil
			}
			if err != nil {
				return nil, "", err
			}
			return st, st.State, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The whole life of an instance, with each of the three authentication methods.
func TestClient_lifecycle(t *testing.T) {
	for _, method := range []huaweicloud.AuthMethod{huaweicloud.AuthToken, huaweicloud.AuthAKSK, huaweicloud.AuthPassword} {
		t.Run(string(method), func(t *testing.T) {
			t.Parallel()
			emu := startEmulator(t, emulator.Options{})
			c := newClient(t, emu, method)
			ctx := context.Background()
			req := createRequest("web-01")
			req.Metadata = map[string]string{"role": "web"}
			req.Placement = &huaweicloud.Placement{ServerID: emulator.HuaweiServerID2}
			id, err := c.CreateInstance(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			st, err := c.ShowInstanceStatus(ctx, id)
			if err != nil || st.State != huaweicloud.StatePending {
				t.Fatalf("status after create: %+v, %v", st, err)
			}
			waitState(t, c, id, huaweicloud.StateRunning)
			inst, err := c.FindInstance(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if inst.Name != "web-01" || inst.ServerID != emulator.HuaweiServerID2 || inst.Image == nil || inst.Image.ID != emulator.HuaweiImageID ||
				len(inst.NetworkInterfaces) != 1 || inst.NetworkInterfaces[0].IPv4Address != "192.168.0.10" || inst.Metadata["role"] != "web" {
				t.Fatalf("instance: %+v", inst)
			}

			err = c.ModifyInstanceIP(ctx, id, huaweicloud.ModifyInstanceIPRequest{NICs: []huaweicloud.NICAddress{{SubnetID: emulator.HuaweiSubnetID2, IPAddress: "192.168.1.77"}}})
			if err != nil {
				t.Fatal(err)
			}
			waitState(t, c, id, huaweicloud.StateRunning)
			if err := c.ReinstallOS(ctx, huaweicloud.ReinstallOSRequest{ImageID: emulator.HuaweiImageID2, Password: "An0ther-Passw0rd", InstanceIDs: []string{id}}); err != nil {
				t.Fatal(err)
			}
			waitState(t, c, id, huaweicloud.StateRunning)
			if err := c.ChangeInstancePassword(ctx, "Th1rd-Passw0rd", id); err != nil {
				t.Fatal(err)
			}
			v, _ := emu.CloudDCInstance(id)
			if v.ImageID != emulator.HuaweiImageID2 || v.IPs[0] != "192.168.1.77" || v.Password != "Th1rd-Passw0rd" {
				t.Fatalf("emulator instance after updates: %+v", v)
			}

			if err := c.DeleteInstance(ctx, id); err != nil {
				t.Fatal(err)
			}
			st, err = c.ShowInstanceStatus(ctx, id)
			if err != nil || st.State != huaweicloud.StateShuttingDown {
				t.Fatalf("status after delete: %+v, %v", st, err)
			}
			waitState(t, c, id, huaweicloud.StateTerminated)
			waitState(t, c, id, wait.Gone)
			if _, err := c.FindInstance(ctx, id); !huaweicloud.IsNotFound(err) {
				t.Fatalf("FindInstance after deletion: %v", err)
			}
			if err := c.DeleteInstance(ctx, id); !huaweicloud.IsNotFound(err) {
				t.Fatalf("DeleteInstance of a deleted instance: %v", err)
			}
			if n := emu.CallCount("clouddc.CreateInstance"); n != 1 {
				t.Errorf("CreateInstance called %d times", n)
			}
		})
	}
}

// Without a project id, password authentication scopes the token to the
// region's project and uses the project id IAM answers.
func TestClient_passwordProjectFromToken(t *testing.T) {
	emu := startEmulator(t, emulator.Options{})
	c := newClient(t, emu, huaweicloud.AuthPassword, func(cfg *huaweicloud.Config) { cfg.ProjectID = "" })
	if _, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{}); err != nil {
		t.Fatal(err)
	}
	if _, err := huaweicloud.New(huaweicloud.Config{Region: "r", CloudDCEndpoint: emu.URL(), Credentials: credentials(huaweicloud.AuthAKSK)}); err == nil {
		t.Error("AK/SK without a project id was accepted")
	}
}

// An X-Sdk-Date more than 15 minutes off is refused, once.
func TestClient_staleSdkDate(t *testing.T) {
	emu := startEmulator(t, emulator.Options{})
	c := newClient(t, emu, huaweicloud.AuthAKSK, func(cfg *huaweicloud.Config) {
		cfg.Now = func() time.Time { return time.Now().Add(-16 * time.Minute) }
	})
	_, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{})
	if !huaweicloud.IsAuthError(err) || !huaweicloud.HasCode(err, huaweicloud.CodeGatewayAuthFailure) || !strings.Contains(err.Error(), "expired") ||
		!strings.Contains(err.Error(), "clock") {
		t.Fatalf("got %v", err)
	}
	if n := emu.CallCount("clouddc.ListInstances"); n != 1 {
		t.Errorf("ListInstances reached the emulator %d times, want 1", n)
	}
	// 14 minutes off is fine.
	c = newClient(t, emu, huaweicloud.AuthAKSK, func(cfg *huaweicloud.Config) {
		cfg.Now = func() time.Time { return time.Now().Add(14 * time.Minute) }
	})
	if _, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{}); err != nil {
		t.Fatal(err)
	}
}

// A 401 is never retried blindly: AK/SK and a static token fail at once; an
// IAM token is renewed once and the request sent once more.
func TestClient_no401Storm(t *testing.T) {
	for _, tc := range []struct {
		method          huaweicloud.AuthMethod
		creds           huaweicloud.Credentials
		inject          bool
		wantCalls       int
		wantTokens      int
		wantMessagePart string
	}{
		{method: huaweicloud.AuthAKSK, creds: huaweicloud.Credentials{AccessKey: emulator.HuaweiAccessKey, SecretKey: "wrong"}, wantCalls: 1,
			wantMessagePart: "signature does not match"},
		{method: huaweicloud.AuthAKSK, creds: huaweicloud.Credentials{AccessKey: "NOSUCHAK", SecretKey: "x"}, wantCalls: 1, wantMessagePart: "ak not exist"},
		{method: huaweicloud.AuthToken, creds: huaweicloud.Credentials{Token: "MIInotatoken"}, wantCalls: 1, wantMessagePart: "decrypt token fail"},
		{method: huaweicloud.AuthPassword, creds: credentials(huaweicloud.AuthPassword), inject: true, wantCalls: 2, wantTokens: 2,
			wantMessagePart: "even after renewing it"},
	} {
		t.Run(string(tc.method)+"/"+tc.wantMessagePart, func(t *testing.T) {
			emu := startEmulator(t, emulator.Options{})
			if tc.inject {
				emu.InjectHuaweiFault("clouddc.ListInstances", http.StatusUnauthorized, -1)
			}
			c := newClient(t, emu, tc.method, func(cfg *huaweicloud.Config) { cfg.Credentials = tc.creds })
			_, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{})
			if !huaweicloud.IsAuthError(err) || !strings.Contains(err.Error(), tc.wantMessagePart) {
				t.Fatalf("got %v", err)
			}
			if n := emu.CallCount("clouddc.ListInstances"); n != tc.wantCalls {
				t.Errorf("ListInstances reached the emulator %d times, want %d", n, tc.wantCalls)
			}
			if n := emu.CallCount("iam.CreateToken"); n != tc.wantTokens {
				t.Errorf("IAM issued %d tokens, want %d", n, tc.wantTokens)
			}
		})
	}
}

// A wrong IAM password is one clear error and one IAM call.
func TestClient_wrongPassword(t *testing.T) {
	emu := startEmulator(t, emulator.Options{})
	c := newClient(t, emu, huaweicloud.AuthPassword, func(cfg *huaweicloud.Config) { cfg.Credentials.Password = "Wrong-Passw0rd" })
	_, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{})
	if err == nil || !strings.Contains(err.Error(), "The username or password is wrong") || !strings.Contains(err.Error(), "HW_USER_PASSWORD") {
		t.Fatalf("got %v", err)
	}
	if n := emu.CallCount("iam.CreateToken"); n != 1 {
		t.Errorf("IAM was asked %d times, want 1", n)
	}
	if n := emu.CallCount("clouddc.ListInstances"); n != 0 {
		t.Errorf("ListInstances was sent %d times without a token", n)
	}
}

// The IAM token is cached; it is renewed ahead of its expiry, and once
// after the API refuses it.
func TestClient_tokenCacheAndRenewal(t *testing.T) {
	emu := startEmulator(t, emulator.Options{Huawei: emulator.HuaweiOptions{TokenLifetime: time.Hour}})
	var mu sync.Mutex
	offset := time.Duration(0)
	c := newClient(t, emu, huaweicloud.AuthPassword, func(cfg *huaweicloud.Config) {
		cfg.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return time.Now().Add(offset) }
	})
	ctx := context.Background()
	list := func() {
		t.Helper()
		if _, err := c.ListInstances(ctx, huaweicloud.ListInstancesRequest{}); err != nil {
			t.Fatal(err)
		}
	}
	// Concurrent first calls share one token request.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(list)
	}
	wg.Wait()
	list()
	if n := emu.CallCount("iam.CreateToken"); n != 1 {
		t.Fatalf("IAM issued %d tokens for 9 calls, want 1", n)
	}
	// 56 minutes later the token (1 hour) is within the 5-minute renewal
	// margin: a new one is obtained before any request fails.
	mu.Lock()
	offset = 56 * time.Minute
	mu.Unlock()
	list()
	if n := emu.CallCount("iam.CreateToken"); n != 2 {
		t.Fatalf("IAM issued %d tokens, want 2 (renewed before expiry)", n)
	}
	for _, e := range emu.Log() {
		if e.Status == http.StatusUnauthorized {
			t.Fatalf("a request was refused: %+v", e)
		}
	}
	// The token is revoked early: the 401 renews it once and the call succeeds.
	emu.ExpireHuaweiTokens()
	list()
	if n := emu.CallCount("iam.CreateToken"); n != 3 {
		t.Fatalf("IAM issued %d tokens, want 3 (renewed after the 401)", n)
	}
	if n := emu.CallCount("clouddc.ListInstances"); n != 12 {
		t.Errorf("ListInstances reached the emulator %d times, want 12 (11 calls, one of them sent twice)", n)
	}
}

// A very short token lifetime is renewed at half its life rather than
// being considered always due.
func TestClient_shortTokenLifetime(t *testing.T) {
	emu := startEmulator(t, emulator.Options{Huawei: emulator.HuaweiOptions{TokenLifetime: time.Hour}})
	c := newClient(t, emu, huaweicloud.AuthPassword, func(cfg *huaweicloud.Config) { cfg.TokenRenewBefore = 2 * time.Hour })
	for range 3 {
		if _, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := emu.CallCount("iam.CreateToken"); n != 1 {
		t.Errorf("IAM issued %d tokens, want 1", n)
	}
}

// 429 is retried even for a create (the request was refused); 500 is
// retried for reads and deletes, never for a create.
func TestClient_retries(t *testing.T) {
	ctx := context.Background()
	t.Run("429 on create", func(t *testing.T) {
		emu := startEmulator(t, emulator.Options{})
		emu.InjectHuaweiFault("clouddc.CreateInstance", http.StatusTooManyRequests, 2)
		c := newClient(t, emu, huaweicloud.AuthAKSK)
		if _, err := c.CreateInstance(ctx, createRequest("a")); err != nil {
			t.Fatal(err)
		}
		if n := emu.CallCount("clouddc.CreateInstance"); n != 3 {
			t.Errorf("CreateInstance sent %d times, want 3", n)
		}
		if n := len(emu.Inventory()["clouddc_instance"]); n != 1 {
			t.Errorf("%d instances, want 1", n)
		}
	})
	t.Run("500 on create is not re-sent", func(t *testing.T) {
		emu := startEmulator(t, emulator.Options{})
		emu.InjectHuaweiFault("clouddc.CreateInstance", http.StatusInternalServerError, 1)
		c := newClient(t, emu, huaweicloud.AuthAKSK)
		_, err := c.CreateInstance(ctx, createRequest("a"))
		if !huaweicloud.HasCode(err, huaweicloud.CodeInternalError) {
			t.Fatalf("got %v", err)
		}
		if n := emu.CallCount("clouddc.CreateInstance"); n != 1 {
			t.Errorf("CreateInstance sent %d times, want 1", n)
		}
	})
	t.Run("500 on reads and deletes", func(t *testing.T) {
		emu := startEmulator(t, emulator.Options{})
		c := newClient(t, emu, huaweicloud.AuthToken)
		id, err := c.CreateInstance(ctx, createRequest("a"))
		if err != nil {
			t.Fatal(err)
		}
		emu.InjectHuaweiFault("clouddc.ShowInstanceStatus", http.StatusInternalServerError, 2)
		emu.InjectHuaweiFault("clouddc.DeleteInstance", http.StatusInternalServerError, 2)
		if _, err := c.ShowInstanceStatus(ctx, id); err != nil {
			t.Fatal(err)
		}
		if err := c.DeleteInstance(ctx, id); err != nil {
			t.Fatal(err)
		}
		if n := emu.CallCount("clouddc.DeleteInstance"); n != 3 {
			t.Errorf("DeleteInstance sent %d times, want 3", n)
		}
	})
	t.Run("persistent 500", func(t *testing.T) {
		emu := startEmulator(t, emulator.Options{})
		emu.InjectHuaweiFault("clouddc.ListInstances", http.StatusInternalServerError, -1)
		c := newClient(t, emu, huaweicloud.AuthToken)
		_, err := c.ListInstances(ctx, huaweicloud.ListInstancesRequest{})
		if err == nil || !strings.Contains(err.Error(), "giving up after 4 attempts") || !huaweicloud.HasCode(err, huaweicloud.CodeInternalError) {
			t.Fatalf("got %v", err)
		}
		if n := emu.CallCount("clouddc.ListInstances"); n != 4 {
			t.Errorf("ListInstances sent %d times, want 4", n)
		}
	})
	t.Run("rate limit", func(t *testing.T) {
		emu := startEmulator(t, emulator.Options{RateLimit: 50, RateBurst: 1})
		c := newClient(t, emu, huaweicloud.AuthAKSK, func(cfg *huaweicloud.Config) {
			cfg.Retry = transport.Policy{MaxAttempts: 20, Base: 10 * time.Millisecond, Max: 40 * time.Millisecond}
		})
		for range 6 {
			if _, err := c.ListInstances(ctx, huaweicloud.ListInstancesRequest{}); err != nil {
				t.Fatal(err)
			}
		}
		limited := 0
		for _, e := range emu.Log() {
			if e.Status == http.StatusTooManyRequests {
				limited++
			}
		}
		if limited == 0 {
			t.Error("the rate limit never answered 429: the test proves nothing")
		}
	})
}

func TestClient_notFound(t *testing.T) {
	emu := startEmulator(t, emulator.Options{})
	c := newClient(t, emu, huaweicloud.AuthToken)
	ctx := context.Background()
	const missing = "00000000-0000-4000-8000-000000000000"
	if _, err := c.ShowInstanceStatus(ctx, missing); !huaweicloud.IsNotFound(err) || !huaweicloud.HasCode(err, huaweicloud.CodeInstanceNotFound) {
		t.Errorf("ShowInstanceStatus: %v", err)
	}
	if _, err := c.FindInstance(ctx, missing); !huaweicloud.IsNotFound(err) {
		t.Errorf("FindInstance: %v", err)
	}
	if err := c.DeleteInstance(ctx, missing); !huaweicloud.IsNotFound(err) {
		t.Errorf("DeleteInstance: %v", err)
	}
	// A 404 of the gateway (wrong endpoint path) never means "deleted".
	wrong := newClient(t, emu, huaweicloud.AuthToken, func(cfg *huaweicloud.Config) { cfg.CloudDCEndpoint = emu.URL() + "/v1/nothing" })
	_, err := wrong.ShowInstanceStatus(ctx, missing)
	var ae *huaweicloud.APIError
	if huaweicloud.IsNotFound(err) || !errors.As(err, &ae) || ae.HTTPStatus != http.StatusNotFound || ae.Code != "APIGW.0101" {
		t.Errorf("wrong endpoint: %v", err)
	}
	// A malformed id is the API's 400.
	if _, err := c.ShowInstanceStatus(ctx, "not-a-uuid"); !huaweicloud.HasCode(err, huaweicloud.CodeInvalidParameter) {
		t.Errorf("malformed id: %v", err)
	}
}

func TestClient_wrongProject(t *testing.T) {
	emu := startEmulator(t, emulator.Options{})
	c := newClient(t, emu, huaweicloud.AuthAKSK, func(cfg *huaweicloud.Config) { cfg.ProjectID = "11111111111111111111111111111111" })
	_, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{})
	if !huaweicloud.HasCode(err, huaweicloud.CodeForbidden) || !strings.Contains(err.Error(), "project_id") {
		t.Fatalf("got %v", err)
	}
}

func TestClient_pagination(t *testing.T) {
	servers := make([]emulator.HuaweiServer, 25)
	for k := range servers {
		servers[k] = emulator.HuaweiServer{ID: "b2000000-0000-4000-8000-0000000000" + string(rune('a'+k/10)) + string(rune('0'+k%10)), ManageState: "ready"}
	}
	emu := startEmulator(t, emulator.Options{Huawei: emulator.HuaweiOptions{Servers: servers}})
	var ids []string
	for k := range 25 {
		id := emu.AddCloudDCInstance("fixture-" + string(rune('a'+k)))
		if id == "" {
			t.Fatal("no ready server")
		}
		ids = append(ids, id)
	}
	c := newClient(t, emu, huaweicloud.AuthToken)
	got, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 25 {
		t.Fatalf("listed %d instances, want 25", len(got))
	}
	for k, inst := range got {
		if inst.ID != ids[k] {
			t.Fatalf("instance %d is %s, want %s (creation order)", k, inst.ID, ids[k])
		}
	}
	if n := emu.CallCount("clouddc.ListInstances"); n != 3 {
		t.Errorf("%d pages, want 3", n)
	}
	// By id, in chunks of 100 at most.
	many := append(append([]string{}, ids...), make([]string, 0)...)
	for len(many) < 130 {
		many = append(many, "00000000-0000-4000-8000-000000000000")
	}
	got, err = c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{IDs: many})
	if err != nil || len(got) != 25 {
		t.Fatalf("by ids: %d, %v", len(got), err)
	}
}

func TestNew_endpoints(t *testing.T) {
	creds := huaweicloud.Credentials{Token: "t"}
	for _, tc := range []struct {
		endpoint string
		wantErr  string
	}{
		{"https://clouddc.cn-east-3.myhuaweicloud.com", ""},
		{"http://127.0.0.1:8780", ""},
		{"http://localhost:8780/prefix/", ""},
		{"http://clouddc.example.com", "plain HTTP is refused"},
		{"ftp://x", "must use https"},
		{"clouddc.example.com", "is not a URL"},
		{"https://x/?a=b", "must not have a query"},
	} {
		_, err := huaweicloud.New(huaweicloud.Config{Region: "cn-east-3", ProjectID: "p", CloudDCEndpoint: tc.endpoint, Credentials: creds})
		if (err == nil) != (tc.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%s: got %v, want %q", tc.endpoint, err, tc.wantErr)
		}
	}
	_, err := huaweicloud.New(huaweicloud.Config{Region: "r", ProjectID: "p", IAMEndpoint: "http://iam.example.com/v3",
		Credentials: credentials(huaweicloud.AuthPassword)})
	if err == nil || !strings.Contains(err.Error(), "plain HTTP is refused for the IAM endpoint") {
		t.Errorf("plain HTTP IAM endpoint: %v", err)
	}
}

func TestCredentials_Method(t *testing.T) {
	for _, tc := range []struct {
		c       huaweicloud.Credentials
		want    huaweicloud.AuthMethod
		wantErr string
	}{
		{huaweicloud.Credentials{Token: "t"}, huaweicloud.AuthToken, ""},
		{huaweicloud.Credentials{AccessKey: "a", SecretKey: "s"}, huaweicloud.AuthAKSK, ""},
		{huaweicloud.Credentials{UserName: "u", Password: "p", DomainName: "d"}, huaweicloud.AuthPassword, ""},
		{huaweicloud.Credentials{}, "", "no credentials"},
		{huaweicloud.Credentials{Token: "t", AccessKey: "a", SecretKey: "s"}, "", "conflicting"},
		{huaweicloud.Credentials{AccessKey: "a"}, "", "both the access key and the secret key"},
		{huaweicloud.Credentials{UserName: "u", Password: "p"}, "", "domain"},
	} {
		got, err := tc.c.Method()
		if got != tc.want || (err == nil) != (tc.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%+v: got %q, %v", tc.c, got, err)
		}
	}
}
