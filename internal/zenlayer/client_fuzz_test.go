package zenlayer

import (
	"errors"
	"net/http"
	"testing"
)

// FuzzDecodeAnswer feeds hostile answers (any status, any body) to the
// response decoder: it must never panic, must fail with a typed *APIError
// on anything but a well-formed 200, and must bound what it quotes.
func FuzzDecodeAnswer(f *testing.F) {
	f.Add(200, []byte(`{"requestId":"r","response":{"requestId":"r","totalCount":1,"dataSet":[{"diskId":"d","diskSize":20}]}}`))
	f.Add(400, []byte(`{"requestId":"r","code":"INVALID_PARAMETER","message":"bad"}`))
	f.Add(200, []byte(`{"requestId":"r","code":"REQUEST_LIMIT_EXCEEDED","message":"slow"}`))
	f.Add(429, []byte(``))
	f.Add(502, []byte("<html>\x00\xff</html>"))
	f.Add(200, []byte(`{"response":null}`))
	f.Add(200, []byte(`{"response":{"dataSet":[{"diskId":1}]}}`))
	f.Add(200, []byte(`[1,2,3]`))
	f.Add(451, []byte(`{"code":7}`))
	f.Add(200, []byte(`{"requestId":"r","response":{"requestId":"r","totalCount":1,"dataSet":[{"diskId":`))
	f.Add(200, []byte(`{"requestId":"r","response":{"requestId":7,"totalCount":"many","dataSet":"nope"}}`))
	f.Add(418, []byte(`<html><head><title>418 I'm a teapot</title></head></html>`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		status = 100 + abs(status)%500
		var out page[Disk]
		h := http.Header{"Retry-After": []string{"3"}}
		v, err := decodeAnswer(ZEC, "DescribeDisks", status, h, body, &out, true)
		if err == nil {
			if status != http.StatusOK {
				t.Fatalf("status %d decoded without an error", status)
			}
			return
		}
		var ae *APIError
		if !errors.As(err, &ae) {
			t.Fatalf("error %T is not an *APIError: %v", err, err)
		}
		if ae.Code == "" || ae.HTTPStatus != status {
			t.Fatalf("APIError %+v lacks its code or status", ae)
		}
		if len(err.Error()) > 2000 {
			t.Fatalf("error message of %d bytes", len(err.Error()))
		}
		if v.Retry && (status == http.StatusUnauthorized || status == http.StatusForbidden) {
			t.Fatalf("a %d would be retried", status)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // math.MinInt
			return 0
		}
		return -n
	}
	return n
}
