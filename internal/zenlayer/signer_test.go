package zenlayer

import (
	"strings"
	"testing"
)

// The expected signatures were computed by hand from the documented
// algorithm (an independent Python implementation of the steps in
// ../shared/api/zenlayer.md), not by this code; the first is the public
// API documentation's own signing example.
func TestSignVectors(t *testing.T) {
	for _, tc := range []struct {
		name, password, method, contentType, host string
		ts                                        int64
		body                                      string
		want                                      string
	}{
		{
			name: "documentation example", password: "Gu5t9xGARNpq86cd98joQYCN3", method: "POST",
			contentType: "application/json; charset=utf-8", host: "console.zenlayer.com", ts: 1673361177,
			body: `{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}`,
			want: "efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f",
		},
		{
			name: "emulator disk release", password: "emulator-secret-password", method: "POST",
			contentType: "application/json", host: "127.0.0.1:8080", ts: 1790000000, body: `{"diskId":"disk-abc"}`,
			want: "b2ca4dac47c9caf8106aa70568863fbf13f3ba7065dd7b919e81e9c280a28d89",
		},
		{
			name: "empty body at epoch", password: "k", method: "POST", contentType: "application/json",
			host: "console.zenlayer.com", ts: 0, body: "",
			want: "a40cace0d65d623cb44ebb197b4ad35be45dca2f69aac2b1657d19415880bfb2",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Sign(tc.password, tc.method, tc.contentType, tc.host, tc.ts, []byte(tc.body))
			if got != tc.want {
				t.Fatalf("Sign = %s, want %s\ncanonical request:\n%s", got, tc.want, CanonicalRequest(tc.method, tc.contentType, tc.host, []byte(tc.body)))
			}
		})
	}
}

func TestCanonicalRequestShape(t *testing.T) {
	got := CanonicalRequest("POST", "application/json", "h:1", []byte("{}"))
	want := strings.Join([]string{
		"POST", "/", "", "content-type:application/json", "host:h:1", "", "content-type;host",
		"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
	}, "\n")
	if got != want {
		t.Fatalf("canonical request:\n%q\nwant\n%q", got, want)
	}
	sts := StringToSign(42, got)
	if !strings.HasPrefix(sts, "ZC2-HMAC-SHA256\n42\n") || len(sts) != len("ZC2-HMAC-SHA256\n42\n")+64 {
		t.Fatalf("string to sign %q", sts)
	}
}

func TestAuthorizationHeader(t *testing.T) {
	got := Authorization("AKID", "abc")
	want := "ZC2-HMAC-SHA256 Credential=AKID, SignedHeaders=content-type;host, Signature=abc"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func FuzzSign(f *testing.F) {
	f.Add("pw", "POST", "application/json", "127.0.0.1:1", int64(0), []byte(`{}`))
	f.Add("", "", "", "", int64(-1), []byte(nil))
	f.Fuzz(func(t *testing.T, pw, method, ct, host string, ts int64, body []byte) {
		a := Sign(pw, method, ct, host, ts, body)
		if len(a) != 64 || a != Sign(pw, method, ct, host, ts, body) {
			t.Fatalf("signature %q not a stable 64-hex digest", a)
		}
	})
}
