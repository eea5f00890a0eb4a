package huaweicloud

import (
	"errors"
	"net/http"
	"net/url"
	"testing"
)

// FuzzDecodeError feeds any status and body to the error decoder: it must
// never panic and always name a code and the status.
func FuzzDecodeError(f *testing.F) {
	f.Add(400, []byte(`{"error_code":"iMetal.0001","error_msg":"bad"}`))
	f.Add(401, []byte(`{"error":{"code":"401","message":"The request you have made requires authentication.","title":"Unauthorized"}}`))
	f.Add(429, []byte(``))
	f.Add(500, []byte("<html>\x00\xff</html>"))
	f.Add(404, []byte(`{"error_code":7,"error_msg":["x"]}`))
	f.Add(502, []byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status < 0 {
			status = -status
		}
		status = 400 + status%200
		e := decodeError("clouddc", "ListInstances", status, http.Header{"X-Request-Id": []string{"r"}}, body)
		if e == nil || e.HTTPStatus != status || e.Code == "" {
			t.Fatalf("decodeError(%d, %q) = %+v", status, body, e)
		}
		if len(e.Error()) > 4000 {
			t.Fatalf("error message of %d bytes", len(e.Error()))
		}
	})
}

// FuzzDecodeBody feeds any 2xx body to the answer decoder: it must never
// panic, and must fail with a bounded MALFORMED_RESPONSE error on anything
// it cannot decode.
func FuzzDecodeBody(f *testing.F) {
	f.Add(200, []byte(`{"instances":[{"id":"i","state":"running"}],"page_info":{"next_marker":""},"count":1}`))
	f.Add(200, []byte(`{"instances":[{"id":"`))
	f.Add(200, []byte(`{"instance_id":42,"instances":"nope","count":"many","page_info":[],"state":7}`))
	f.Add(202, []byte(``))
	f.Add(200, []byte("<html>\x00\xff</html>"))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status < 0 {
			status = -status
		}
		status = 200 + status%100
		ans := answer{status: status, header: http.Header{"X-Request-Id": []string{"r"}}, body: body}
		var out listInstancesResponse
		err := decodeBody("clouddc", "ListInstances", ans, &out)
		if err == nil {
			return
		}
		var ae *APIError
		if !errors.As(err, &ae) || ae.Code != CodeMalformedResponse || ae.HTTPStatus != status || ae.RequestID != "r" {
			t.Fatalf("decodeBody(%d, %q) = %v", status, body, err)
		}
		if len(err.Error()) > 1000 {
			t.Fatalf("error message of %d bytes", len(err.Error()))
		}
	})
}

// FuzzSign signs any request: never a panic, and the same input gives the same signature.
func FuzzSign(f *testing.F) {
	f.Add("POST", "/v1/p/instances", "limit=1&marker=a", "application/json", []byte(`{"a":1}`), "sk")
	f.Add("GET", "", "%zz", "", []byte(nil), "")
	f.Fuzz(func(t *testing.T, method, path, rawQuery, contentType string, body []byte, sk string) {
		q, _ := url.ParseQuery(rawQuery)
		h := http.Header{}
		h.Set("X-Sdk-Date", "20260102T150405Z")
		h.Set("Host", "clouddc.example")
		if contentType != "" {
			h.Set("Content-Type", contentType)
		}
		in := SignInput{Method: method, Path: path, Query: q, Header: h, Body: body}
		a, err1 := Sign(in, sk)
		b, err2 := Sign(in, sk)
		if (err1 == nil) != (err2 == nil) || a.Authorization("ak") != b.Authorization("ak") {
			t.Fatal("signing is not deterministic")
		}
	})
}
