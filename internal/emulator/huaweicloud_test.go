package emulator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// huaweiClock is a clock the emulator reads, moved by the test.
type huaweiClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *huaweiClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *huaweiClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func startHuawei(t *testing.T, opts emulator.Options) (*emulator.Server, *huaweiClock) {
	t.Helper()
	clock := &huaweiClock{now: time.Now()}
	if opts.Now == nil {
		opts.Now = clock.Now
	}
	emu, err := emulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	return emu, clock
}

// huaweiClient talks to emu with AK/SK, without retries, on the emulator's clock.
func huaweiClient(t *testing.T, emu *emulator.Server, clock *huaweiClock, creds huaweicloud.Credentials) *huaweicloud.Client {
	t.Helper()
	if creds == (huaweicloud.Credentials{}) {
		creds = huaweicloud.Credentials{AccessKey: emulator.HuaweiAccessKey, SecretKey: emulator.HuaweiSecretKey}
	}
	projectID := emulator.HuaweiProjectID
	if creds.UserName != "" {
		projectID = ""
	}
	c, err := huaweicloud.New(huaweicloud.Config{
		Region: emulator.HuaweiRegion, ProjectID: projectID, CloudDCEndpoint: emu.URL(), IAMEndpoint: emu.URL() + "/v3",
		Credentials: creds,
		HTTPConfig:  transport.HTTPConfig{Retry: transport.Policy{MaxAttempts: 1}, Now: clock.Now},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func validCreate() huaweicloud.CreateInstanceRequest {
	return huaweicloud.CreateInstanceRequest{
		Name: "node-1", ImageID: emulator.HuaweiImageID, VpcID: emulator.HuaweiVPCID, Password: "Str0ng-Passw0rd",
		NetworkInterfaces: []huaweicloud.NetworkInterface{{SubnetID: emulator.HuaweiSubnetID}},
	}
}

func wantAPIError(t *testing.T, err error, status int, code, msgPart string) {
	t.Helper()
	var ae *huaweicloud.APIError
	if !errors.As(err, &ae) || ae.HTTPStatus != status || ae.Code != code || !strings.Contains(ae.Message, msgPart) {
		t.Errorf("got %v, want HTTP %d %s containing %q", err, status, code, msgPart)
	}
}

// Every documented constraint of CreateInstance, with the API's code.
func TestHuawei_createConstraints(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{})
	c := huaweiClient(t, emu, clock, huaweicloud.Credentials{})
	ctx := context.Background()
	taken, err := c.CreateInstance(ctx, func() huaweicloud.CreateInstanceRequest {
		r := validCreate()
		r.NetworkInterfaces[0].IPv4Address = "192.168.0.99"
		return r
	}())
	if err != nil || taken == "" {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		mutate func(*huaweicloud.CreateInstanceRequest)
		status int
		code   string
		msg    string
	}{
		{"missing name and image", func(r *huaweicloud.CreateInstanceRequest) { r.Name, r.ImageID = "", "" }, 400, "iMetal.0002", "Missing required parameters: image_id, name"},
		{"name too long", func(r *huaweicloud.CreateInstanceRequest) { r.Name = strings.Repeat("n", 64) }, 400, "iMetal.0001", "1 to 63 characters"},
		{"name characters", func(r *huaweicloud.CreateInstanceRequest) { r.Name = "a b" }, 400, "iMetal.0001", "may contain only"},
		{"unknown image", func(r *huaweicloud.CreateInstanceRequest) { r.ImageID = "x" }, 400, "iMetal.0001", "not an available private image"},
		{"unknown vpc", func(r *huaweicloud.CreateInstanceRequest) { r.VpcID = "x" }, 400, "iMetal.0001", "vpc_id x does not exist"},
		{"three nics", func(r *huaweicloud.CreateInstanceRequest) {
			r.NetworkInterfaces = append(r.NetworkInterfaces, r.NetworkInterfaces[0], r.NetworkInterfaces[0])
		}, 400, "iMetal.0001", "1 to 2 are allowed"},
		{"subnet of another vpc", func(r *huaweicloud.CreateInstanceRequest) { r.NetworkInterfaces[0].SubnetID = emulator.HuaweiSubnetID3 }, 400, "iMetal.0001", "must be in the instance's VPC"},
		{"address outside the subnet", func(r *huaweicloud.CreateInstanceRequest) { r.NetworkInterfaces[0].IPv4Address = "10.0.0.5" }, 400, "iMetal.0001", "not a usable address"},
		{"gateway address", func(r *huaweicloud.CreateInstanceRequest) { r.NetworkInterfaces[0].IPv4Address = "192.168.0.1" }, 400, "iMetal.0001", "not a usable address"},
		{"address in use", func(r *huaweicloud.CreateInstanceRequest) { r.NetworkInterfaces[0].IPv4Address = "192.168.0.99" }, 400, "iMetal.0001", "already in use"},
		{"short password", func(r *huaweicloud.CreateInstanceRequest) { r.Password = "Aa1-" }, 400, "iMetal.0001", "8 to 26"},
		{"two classes", func(r *huaweicloud.CreateInstanceRequest) { r.Password = "abcdefgh12" }, 400, "iMetal.0001", "at least three"},
		{"user name in password", func(r *huaweicloud.CreateInstanceRequest) { r.Password = "My-Root-Passw0rd" }, 400, "iMetal.0001", "user name"},
		{"eleven metadata", func(r *huaweicloud.CreateInstanceRequest) {
			r.Metadata = map[string]string{}
			for _, k := range "abcdefghijk" {
				r.Metadata[string(k)] = "v"
			}
		}, 400, "iMetal.0001", "at most 10 pairs"},
		{"metadata key", func(r *huaweicloud.CreateInstanceRequest) { r.Metadata = map[string]string{"a/b": "v"} }, 400, "iMetal.0001", "metadata key"},
		{"description", func(r *huaweicloud.CreateInstanceRequest) { r.Description = strings.Repeat("d", 256) }, 400, "iMetal.0001", "longer than 255"},
		{"unknown server", func(r *huaweicloud.CreateInstanceRequest) {
			r.Placement = &huaweicloud.Placement{ServerID: "00000000-0000-4000-8000-000000000000"}
		}, 404, "iMetal.0100", "Physical servers ID not found"},
		{"server in use", func(r *huaweicloud.CreateInstanceRequest) {
			v, _ := emu.CloudDCInstance(taken)
			r.Placement = &huaweicloud.Placement{ServerID: v.ServerID}
		}, 400, "iMetal.0101", "manage_state in-use"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := validCreate()
			tc.mutate(&r)
			_, err := c.CreateInstance(ctx, r)
			wantAPIError(t, err, tc.status, tc.code, tc.msg)
		})
	}
	if n := len(emu.Inventory()["clouddc_instance"]); n != 1 {
		t.Errorf("%d instances, want only the first", n)
	}
	// An unknown field is refused.
	resp := rawHuawei(t, emu, clock, http.MethodPost, "/v1/"+emulator.HuaweiProjectID+"/instances", `{"name":"x","flavor":"big"}`)
	if resp.StatusCode != 400 || !strings.Contains(resp.body, "iMetal.0001") || !strings.Contains(resp.body, "flavor") {
		t.Errorf("unknown field: %d %s", resp.StatusCode, resp.body)
	}
}

// The state machine: create, stop and start, IP change, reinstall, delete.
func TestHuawei_stateMachine(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{})
	c := huaweiClient(t, emu, clock, huaweicloud.Credentials{})
	ctx := context.Background()
	d := emulator.FastDurations()
	state := func(id string) string {
		t.Helper()
		st, err := c.ShowInstanceStatus(ctx, id)
		if huaweicloud.IsNotFound(err) {
			return "404"
		}
		if err != nil {
			t.Fatal(err)
		}
		return st.State
	}
	id, err := c.CreateInstance(ctx, validCreate())
	if err != nil {
		t.Fatal(err)
	}
	if s := state(id); s != "pending" {
		t.Fatalf("after create: %s", s)
	}
	clock.Add(d.CloudDCCreate)
	if s := state(id); s != "running" {
		t.Fatalf("after CloudDCCreate: %s", s)
	}
	v, _ := emu.CloudDCInstance(id)
	power := func(action string) {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"action": action, "server_id_set": []string{v.ServerID}})
		if r := rawHuawei(t, emu, clock, http.MethodPut, "/v1/"+emulator.HuaweiProjectID+"/physicalservers/power-state", string(body)); r.StatusCode != 202 {
			t.Fatalf("%s: %d %s", action, r.StatusCode, r.body)
		}
	}
	power("power off")
	if s := state(id); s != "stopping" {
		t.Fatalf("after power off: %s", s)
	}
	clock.Add(d.CloudDCStop)
	if s := state(id); s != "stopped" {
		t.Fatalf("after CloudDCStop: %s", s)
	}
	// An IP change, a reinstallation and a password change need a running
	// instance (the documents' prerequisites).
	err = c.ModifyInstanceIP(ctx, id, huaweicloud.ModifyInstanceIPRequest{NICs: []huaweicloud.NICAddress{{SubnetID: emulator.HuaweiSubnetID2}}})
	wantAPIError(t, err, 400, "iMetal.0201", "is stopped")
	wantAPIError(t, c.ChangeInstancePassword(ctx, "x", id), 400, "iMetal.0201", "is stopped")
	err = c.ReinstallOS(ctx, huaweicloud.ReinstallOSRequest{Password: "Str0ng-Passw0rd", InstanceIDs: []string{id}})
	wantAPIError(t, err, 400, "iMetal.0201", "is stopped")
	power("power on")
	clock.Add(d.CloudDCStop)
	if s := state(id); s != "running" {
		t.Fatalf("after power on: %s", s)
	}
	if err := c.ModifyInstanceIP(ctx, id, huaweicloud.ModifyInstanceIPRequest{NICs: []huaweicloud.NICAddress{{SubnetID: emulator.HuaweiSubnetID2}}}); err != nil {
		t.Fatal(err)
	}
	if s := state(id); s != "modifyIping" {
		t.Fatalf("during the IP change: %s", s)
	}
	// Deletion is refused while an operation runs.
	wantAPIError(t, c.DeleteInstance(ctx, id), 400, "iMetal.0201", "does not allow deletion")
	clock.Add(d.CloudDCStop)
	err = c.ReinstallOS(ctx, huaweicloud.ReinstallOSRequest{ImageID: emulator.HuaweiWindowsImageID, Password: "weak", InstanceIDs: []string{id}})
	wantAPIError(t, err, 400, "iMetal.0001", "password")
	if err := c.ReinstallOS(ctx, huaweicloud.ReinstallOSRequest{ImageID: emulator.HuaweiWindowsImageID, Password: "Win-Passw0rd", InstanceIDs: []string{id}}); err != nil {
		t.Fatal(err)
	}
	if s := state(id); s != "reinstalling" {
		t.Fatalf("during the reinstall: %s", s)
	}
	clock.Add(d.CloudDCReinstall)
	inst, err := c.FindInstance(ctx, id)
	if err != nil || inst.State != "running" || inst.Image.OSType != "Windows" || inst.NetworkInterfaces[0].SubnetID != emulator.HuaweiSubnetID2 {
		t.Fatalf("after the reinstall: %+v %v", inst, err)
	}

	if err := c.DeleteInstance(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteInstance(ctx, id); err != nil {
		t.Fatalf("a second DeleteInstance while shutting down: %v", err)
	}
	if s := state(id); s != "shutting-down" {
		t.Fatalf("after delete: %s", s)
	}
	clock.Add(d.CloudDCDelete)
	if s := state(id); s != "terminated" {
		t.Fatalf("after CloudDCDelete: %s", s)
	}
	if !huaweicloud.IsNotFound(c.DeleteInstance(ctx, id)) {
		t.Error("DeleteInstance of a terminated instance is not 404")
	}
	// The server is ready again: another instance can use it.
	r := validCreate()
	r.Placement = &huaweicloud.Placement{ServerID: v.ServerID}
	if _, err := c.CreateInstance(ctx, r); err != nil {
		t.Fatalf("the server of the terminated instance: %v", err)
	}
	clock.Add(d.CloudDCTerminatedVisible)
	if s := state(id); s != "404" {
		t.Fatalf("after CloudDCTerminatedVisible: %s", s)
	}
}

func TestHuawei_createFailRate(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{CreateFailRate: 1, Seed: 7})
	c := huaweiClient(t, emu, clock, huaweicloud.Credentials{})
	seen := map[string]bool{}
	for range 16 {
		if seen["failed"] && seen["error"] {
			break
		}
		id, err := c.CreateInstance(context.Background(), validCreate())
		if err != nil {
			t.Fatal(err)
		}
		clock.Add(emulator.FastDurations().CloudDCCreate)
		st, err := c.ShowInstanceStatus(context.Background(), id)
		if err != nil || !huaweicloud.IsFailed(st.State) || st.Error == nil || st.Error.ErrorType != "create_instance_error" || st.Error.ErrorMsg == "" {
			t.Fatalf("status %+v, %v", st, err)
		}
		seen[st.State] = true
		if err := c.DeleteInstance(context.Background(), id); err != nil {
			t.Fatalf("deleting a failed instance: %v", err)
		}
		clock.Add(emulator.FastDurations().CloudDCDelete)
	}
	if !seen["failed"] || !seen["error"] {
		t.Errorf("failure states seen: %v, want both failed and error", seen)
	}
}

func TestHuawei_listInstances(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{})
	a, b := emu.AddCloudDCInstance("a"), emu.AddCloudDCInstance("b")
	p := "/v1/" + emulator.HuaweiProjectID + "/instances"
	for _, tc := range []struct {
		query string
		code  int
		want  string
	}{
		{"limit=x", 400, "limit"},
		{"instance_state=sleeping", 400, "instance_state"},
		{"instance_id=nope", 400, "not a UUID"},
		{"instance_id=" + a + "&server_id=" + a, 400, "cannot be used together"},
		{"instance_id=" + strings.Repeat(a+",", 100) + a, 400, "at most 100"},
		{"marker=" + strings.Repeat("0", 8), 400, "marker"},
		{"limit=1", 200, `"count":2`},
		{"instance_id=" + b, 200, `"count":1`},
		{"instance_state=stopped", 200, `"count":0`},
	} {
		r := rawHuawei(t, emu, clock, http.MethodGet, p+"?"+tc.query, "")
		if r.StatusCode != tc.code || !strings.Contains(r.body, tc.want) {
			t.Errorf("%s: %d %s", tc.query, r.StatusCode, r.body)
		}
	}
	// limit below 10 is 10: both instances on one page.
	r := rawHuawei(t, emu, clock, http.MethodGet, p+"?limit=1", "")
	if strings.Contains(r.body, "next_marker") || !strings.Contains(r.body, a) || !strings.Contains(r.body, b) {
		t.Errorf("limit=1: %s", r.body)
	}
}

// The gateway's authentication: signatures, X-Sdk-Date, locked keys, tokens.
func TestHuawei_authentication(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{Huawei: emulator.HuaweiOptions{TokenLifetime: time.Hour}})
	ctx := context.Background()
	list := func(c *huaweicloud.Client) error {
		_, err := c.ListInstances(ctx, huaweicloud.ListInstancesRequest{})
		return err
	}
	// No credentials at all.
	noAuth, _ := http.NewRequestWithContext(ctx, http.MethodGet, emu.URL()+"/v1/"+emulator.HuaweiProjectID+"/instances", nil)
	resp, err := http.DefaultClient.Do(noAuth)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != 401 || !strings.Contains(string(body), "x-auth-token not found") || resp.Header.Get("X-Request-Id") == "" {
		t.Errorf("no credentials: %d %s", resp.StatusCode, body)
	}
	// Five bad signatures in a row lock the key, for the right secret too.
	bad := huaweiClient(t, emu, clock, huaweicloud.Credentials{AccessKey: emulator.HuaweiAccessKey, SecretKey: "wrong"})
	for range 5 {
		wantAPIError(t, list(bad), 401, "APIGW.0301", "verify aksk signature fail")
	}
	good := huaweiClient(t, emu, clock, huaweicloud.Credentials{})
	wantAPIError(t, list(good), 401, "APIGW.0301", "AK access failed to reach the limit")
	clock.Add(5 * time.Minute)
	if err := list(good); err != nil {
		t.Errorf("after the lock: %v", err)
	}
	// A body other than the signed one is refused.
	r := rawHuaweiTampered(t, emu, clock)
	if r.StatusCode != 401 || !strings.Contains(r.body, "APIGW.0301") || !strings.Contains(r.body, "signature does not match") {
		t.Errorf("tampered body: %d %s", r.StatusCode, r.body)
	}

	// IAM: a wrong password, a project scope of another project.
	user := huaweicloud.Credentials{UserName: emulator.HuaweiUserName, Password: emulator.HuaweiPassword, DomainName: emulator.HuaweiDomainName}
	wrong := user
	wrong.Password = "Wrong-Passw0rd"
	wantAPIError(t, list(huaweiClient(t, emu, clock, wrong)), 401, "401", "The username or password is wrong.")
	other, err := huaweicloud.New(huaweicloud.Config{Region: "eu-west-0", CloudDCEndpoint: emu.URL(), IAMEndpoint: emu.URL() + "/v3",
		Credentials: user,
		HTTPConfig:  transport.HTTPConfig{Retry: transport.Policy{MaxAttempts: 1}, Now: clock.Now}})
	if err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, list(other), 401, "401", "no access to project eu-west-0")
	// An IAM token expires after the token lifetime.
	c := huaweiClient(t, emu, clock, user)
	if err := list(c); err != nil {
		t.Fatal(err)
	}
	tok := emu.HuaweiIssuedTokens()[0]
	clock.Add(time.Hour)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, emu.URL()+"/v1/"+emulator.HuaweiProjectID+"/instances", nil)
	req.Header.Set("X-Auth-Token", tok)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != 401 || !strings.Contains(string(body), "token expires, expires_at") {
		t.Errorf("expired token: %d %s", resp.StatusCode, body)
	}
}

func TestHuawei_rateLimitAndRoutes(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{RateLimit: 1, RateBurst: 1})
	p := "/v1/" + emulator.HuaweiProjectID + "/instances"
	if r := rawHuawei(t, emu, clock, http.MethodGet, p, ""); r.StatusCode != 200 {
		t.Fatalf("first: %d", r.StatusCode)
	}
	if r := rawHuawei(t, emu, clock, http.MethodGet, p, ""); r.StatusCode != 429 || r.body != "" {
		t.Errorf("second: %d %q, want 429 without a body", r.StatusCode, r.body)
	}
	clock.Add(time.Second)
	if r := rawHuawei(t, emu, clock, http.MethodGet, p+"/x/y/z", ""); r.StatusCode != 404 || !strings.Contains(r.body, "APIGW.0101") {
		t.Errorf("unknown route: %d %s", r.StatusCode, r.body)
	}
}

type rawResponse struct {
	StatusCode int
	body       string
}

// rawHuawei sends a request signed with the default AK/SK.
func rawHuawei(t *testing.T, emu *emulator.Server, clock *huaweiClock, method, pathQuery, body string) rawResponse {
	t.Helper()
	return rawHuaweiSigned(t, emu, clock, method, pathQuery, body, body)
}

func rawHuaweiTampered(t *testing.T, emu *emulator.Server, clock *huaweiClock) rawResponse {
	t.Helper()
	return rawHuaweiSigned(t, emu, clock, http.MethodPut, "/v1/"+emulator.HuaweiProjectID+"/instances/password",
		`{"new_password":"a","instance_id_set":["00000000-0000-4000-8000-000000000000"]}`,
		`{"new_password":"b","instance_id_set":["00000000-0000-4000-8000-000000000000"]}`)
}

func rawHuaweiSigned(t *testing.T, emu *emulator.Server, clock *huaweiClock, method, pathQuery, signedBody, sentBody string) rawResponse {
	t.Helper()
	u, err := url.Parse(emu.URL() + pathQuery)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, u.String(), bytes.NewReader([]byte(sentBody)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Sdk-Date", clock.Now().UTC().Format(huaweicloud.SdkDateFormat))
	h := req.Header.Clone()
	h.Set("Host", u.Host)
	sig, err := huaweicloud.Sign(huaweicloud.SignInput{Method: method, Path: u.Path, Query: u.Query(), Header: h, Body: []byte(signedBody)}, emulator.HuaweiSecretKey)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", sig.Authorization(emulator.HuaweiAccessKey))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	return rawResponse{StatusCode: resp.StatusCode, body: strings.TrimSpace(string(b))}
}

// A wrong-typed field of a CloudDC body is iMetal.0001 naming the field by
// its JSON path, never by the Go types the emulator decodes into.
func TestHuawei_wrongTypeNamesTheJSONField(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{})
	for _, tc := range []struct{ path, body, field string }{
		{"/instances/password", `{"new_password":"Aa1!aaaaaaaa","instance_id_set":"x"}`, "instance_id_set"},
		{"/instances/reinstall", `{"password":1,"instance_id_set":["x"]}`, "password"},
		{"/instances", `{"name":["x"]}`, "name"},
	} {
		method := http.MethodPut
		if tc.path == "/instances" {
			method = http.MethodPost
		}
		r := rawHuawei(t, emu, clock, method, "/v1/"+emulator.HuaweiProjectID+tc.path, tc.body)
		if r.StatusCode != http.StatusBadRequest || !strings.Contains(r.body, "iMetal.0001") || !strings.Contains(r.body, "field "+tc.field+":") {
			t.Errorf("%s %s: %d %s, want 400 iMetal.0001 naming field %s", method, tc.path, r.StatusCode, r.body, tc.field)
		}
		if strings.Contains(r.body, "Go struct") || strings.Contains(r.body, "cdc") {
			t.Errorf("%s: the answer names the emulator's Go types: %s", tc.path, r.body)
		}
	}
}
