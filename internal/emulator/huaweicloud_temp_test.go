package emulator_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// Temporary AK/SK credentials: the security token is sent and signed; a
// request without it, with another token, or after the keys expired is
// refused with the gateway's 401.
func TestHuaweiTemporaryCredentials(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{})
	ctx := context.Background()
	temp := huaweicloud.Credentials{AccessKey: emulator.HuaweiTempAccessKey, SecretKey: emulator.HuaweiTempSecretKey, SecurityToken: emulator.HuaweiSecurityToken}
	if _, err := huaweiClient(t, emu, clock, temp).ListServers(ctx, huaweicloud.ListServersRequest{}); err != nil {
		t.Fatalf("with the fixture's temporary credentials: %v", err)
	}
	noToken := temp
	noToken.SecurityToken = ""
	_, err := huaweiClient(t, emu, clock, noToken).ListServers(ctx, huaweicloud.ListServersRequest{})
	wantAPIError(t, err, http.StatusUnauthorized, "APIGW.0301", "security token")
	other := temp
	other.SecurityToken = "another-token"
	_, err = huaweiClient(t, emu, clock, other).ListServers(ctx, huaweicloud.ListServersRequest{})
	wantAPIError(t, err, http.StatusUnauthorized, "APIGW.0301", "is not the one")

	ak, sk, tok := emu.IssueHuaweiTemporaryCredentials(time.Hour)
	issued := huaweiClient(t, emu, clock, huaweicloud.Credentials{AccessKey: ak, SecretKey: sk, SecurityToken: tok})
	if _, err := issued.ListServers(ctx, huaweicloud.ListServersRequest{}); err != nil {
		t.Fatalf("with issued temporary credentials: %v", err)
	}
	clock.Add(time.Hour)
	_, err = issued.ListServers(ctx, huaweicloud.ListServersRequest{})
	wantAPIError(t, err, http.StatusUnauthorized, "APIGW.0301", "expired")
	// A permanent key ignores nothing: it works as before.
	if _, err := huaweiClient(t, emu, clock, huaweicloud.Credentials{}).ListServers(ctx, huaweicloud.ListServersRequest{}); err != nil {
		t.Fatal(err)
	}
}

// Tags are set on and removed from physical servers; an instance reports
// its server's; ListServers filters by manage_state and pages.
func TestCloudDCServerTagsAndListing(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{})
	ctx := context.Background()
	c := huaweiClient(t, emu, clock, huaweicloud.Credentials{})
	id := emu.AddCloudDCInstance("tagged")
	v, _ := emu.CloudDCInstance(id)
	if err := c.CreateServerTags(ctx, v.ServerID, map[string]string{"env": "prod", "team": "ops", "empty": ""}); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateServerTags(ctx, v.ServerID, map[string]string{"env": "test"}); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteServerTags(ctx, v.ServerID, "team", "absent"); err != nil {
		t.Fatal(err)
	}
	inst, err := c.FindInstance(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := huaweicloud.TagMap(inst.Tags); len(got) != 2 || got["env"] != "test" || got["empty"] != "" {
		t.Errorf("instance tags %v, want env=test and empty=", got)
	}
	srv, err := c.ShowServer(ctx, v.ServerID)
	if err != nil || len(srv.Tags) != 2 || srv.ManageState != "in-use" || srv.PowerState != "on" {
		t.Errorf("ShowServer: %+v, %v", srv, err)
	}
	if _, err := c.ShowServer(ctx, "a1000000-0000-4000-8000-0000000000ff"); !huaweicloud.IsNotFound(err) {
		t.Errorf("ShowServer of an unknown server: %v, want NotFound", err)
	}
	if err := c.CreateServerTags(ctx, "a1000000-0000-4000-8000-0000000000ff", map[string]string{"a": "b"}); !huaweicloud.IsNotFound(err) {
		t.Errorf("tags of an unknown server: %v, want NotFound", err)
	}
	ready, err := c.ListServers(ctx, huaweicloud.ListServersRequest{ManageState: "ready", Limit: 1})
	if err != nil || len(ready) != 3 {
		t.Fatalf("ready servers (pages of 10): %d, %v", len(ready), err)
	}
	for _, s := range ready {
		if s.ID == v.ServerID || s.ManageState != "ready" {
			t.Errorf("listed %+v as ready", s)
		}
	}
	// Power: off, then on; the instance follows.
	if err := c.ChangeServerPowerState(ctx, huaweicloud.PowerOff, v.ServerID); err != nil {
		t.Fatal(err)
	}
	clock.Add(emulator.FastDurations().CloudDCStop)
	if st, _ := c.ShowInstanceStatus(ctx, id); st == nil || st.State != "stopped" {
		t.Fatalf("after power off: %+v", st)
	}
	if err := c.ChangeServerPowerState(ctx, "halt", v.ServerID); err == nil {
		t.Error("an unknown action was sent")
	}
}
