package emulator

import (
	"context"
	"net/http"
	"testing"
)

// CreateInstances takes keyId, the replacement of the deprecated sshKeys;
// at most one of password, sshKeys and keyId is given.
func TestBMCKeyID(t *testing.T) {
	h := startBMC(t, Options{})
	in := bmcBasicReq()
	in.Password, in.KeyID = "", "key-acc"
	id := h.create(in)[0]
	if v, _ := h.emu.BMCInstance(id); v.KeyID != "key-acc" {
		t.Errorf("instance %+v, want key-acc installed", v)
	}
	if inst, err := h.c.FindBMCInstance(context.Background(), id); err != nil || inst.KeyID != "key-acc" {
		t.Errorf("DescribeInstances answered %+v, %v; want keyId key-acc", inst, err)
	}
	base := map[string]any{"zoneId": "SEL-A", "instanceChargeType": "POSTPAID", "instanceTypeId": "S9I", "imageId": "img-ubuntu-2204",
		"internetChargeType": "ByBandwidth"}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	for _, login := range []map[string]any{
		{"keyId": "key-acc", "password": "Passw0rd!x"},
		{"keyId": "key-acc", "sshKeys": []string{"ssh-ed25519 AAAA me@host"}},
	} {
		bmcWantCode(t, h.call("CreateInstances", with(login)), http.StatusBadRequest, bmcCodeLoginConflict)
	}
}
