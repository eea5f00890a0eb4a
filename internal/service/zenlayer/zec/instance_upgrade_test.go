package zec

import (
	"encoding/json"
	"testing"
)

// A state of schema version 0 loses its (always null) password and gets
// the attributes of version 1, null.
func TestUpgradeInstanceStateV0(t *testing.T) {
	out, err := upgradeInstanceStateV0([]byte(`{"id": "zec-1", "password": null, "key_id": "key-1", "timeouts": null}`))
	if err != nil {
		t.Fatal(err)
	}
	var state map[string]any
	if err := json.Unmarshal(out, &state); err != nil {
		t.Fatal(err)
	}
	if _, ok := state["password"]; ok {
		t.Errorf("password is still in the upgraded state: %s", out)
	}
	if state["id"] != "zec-1" || state["key_id"] != "key-1" {
		t.Errorf("upgraded state lost attributes: %s", out)
	}
	for _, name := range instanceAttributesAddedInV1 {
		if v, ok := state[name]; !ok || v != nil {
			t.Errorf("%s is %v (present %v), want null", name, v, ok)
		}
	}
	if _, err := upgradeInstanceStateV0([]byte(`[]`)); err == nil {
		t.Error("a state that is not an object was upgraded")
	}
}
