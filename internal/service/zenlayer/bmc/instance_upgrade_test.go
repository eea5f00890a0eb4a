package bmc

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A state of schema version 0 (write-only password, always null there) is
// upgraded to version 1: password_wo, and the new arguments null; the rest
// is kept as it was.
func TestInstanceUpgradeState_v0(t *testing.T) {
	ctx := context.Background()
	r := NewInstanceResource().(*instanceResource)
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	if sr.Schema.Version != 1 {
		t.Fatalf("schema version %d, want 1", sr.Schema.Version)
	}
	up, ok := r.UpgradeState(ctx)[0]
	if !ok {
		t.Fatal("no upgrader from version 0")
	}
	req := resource.UpgradeStateRequest{RawState: &tfprotov6.RawState{JSON: []byte(`{"id": "1700000000001", "zone_id": "SEL-A",
		"instance_type_id": "S9I", "image_id": "img-ubuntu-2204", "password": null, "password_wo_version": 2, "power_state": "running",
		"release_on_destroy": true, "internet_max_bandwidth_out": 10, "timeouts": null}`)}}
	var resp resource.UpgradeStateResponse
	up.StateUpgrader(ctx, req, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	v, err := resp.DynamicValue.Unmarshal(sr.Schema.Type().TerraformType(ctx))
	if err != nil {
		t.Fatalf("the upgraded state does not fit schema version 1: %v", err)
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"password_wo", "user_data", "partitions", "custom_raids"} {
		if !attrs[name].IsNull() {
			t.Errorf("%s = %v, want null", name, attrs[name])
		}
	}
	version, id := attrs["password_wo_version"], attrs["id"]
	if version.IsNull() || id.IsNull() {
		t.Errorf("password_wo_version %v and id %v were not kept", version, id)
	}
	if _, ok := attrs["password"]; ok {
		t.Error("password is still in the state")
	}
}
