package emulator

import "testing"

// The signing example of the API 2.0 documents ("Signature", ZC2-HMAC-SHA256),
// checked by recomputing it: the emulator's own verifier must agree.
func TestZC2Signature_documentVector(t *testing.T) {
	got := zc2Signature("Gu5t9xGARNpq86cd98joQYCN3", "POST", "application/json; charset=utf-8", "console.zenlayer.com",
		1673361177, []byte(`{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}`))
	if want := "efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f"; got != want {
		t.Errorf("signature %s, want %s", got, want)
	}
}
