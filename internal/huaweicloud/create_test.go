package huaweicloud

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

func TestAmbiguous(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{&APIError{HTTPStatus: http.StatusBadRequest, Code: "iMetal.0001"}, false},
		{&APIError{HTTPStatus: http.StatusTooManyRequests}, false},
		{&APIError{HTTPStatus: http.StatusInternalServerError}, true},
		{&APIError{HTTPStatus: http.StatusBadGateway}, true},
		{&APIError{HTTPStatus: http.StatusAccepted, Code: CodeMalformedResponse}, true},
		{fmt.Errorf("wrapped: %w", &APIError{HTTPStatus: http.StatusServiceUnavailable}), true},
		{errors.New("connection reset by peer"), true},
		{context.Canceled, true},
		// An untrusted certificate: the request never left.
		{&transport.CertificateError{Origin: "https://x", Err: x509.UnknownAuthorityError{}}, false},
	} {
		if got := Ambiguous(tc.err); got != tc.want {
			t.Errorf("Ambiguous(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestTakeCreateToken(t *testing.T) {
	inst := Instance{Metadata: map[string]string{CreateTokenMetadataKey: "tok", "role": "web"}}
	inst.takeCreateToken()
	if inst.CreateToken != "tok" || len(inst.Metadata) != 1 || inst.Metadata["role"] != "web" {
		t.Errorf("got token %q, metadata %v", inst.CreateToken, inst.Metadata)
	}
	only := Instance{Metadata: map[string]string{CreateTokenMetadataKey: "tok"}}
	only.takeCreateToken()
	if only.CreateToken != "tok" || only.Metadata != nil {
		t.Errorf("got token %q, metadata %v: want the token and no metadata", only.CreateToken, only.Metadata)
	}
	none := Instance{Metadata: map[string]string{"role": "web"}}
	none.takeCreateToken()
	if none.CreateToken != "" || len(none.Metadata) != 1 {
		t.Errorf("got token %q, metadata %v", none.CreateToken, none.Metadata)
	}
}
