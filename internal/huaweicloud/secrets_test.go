package huaweicloud_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

const (
	echoedUserPassword     = "User-Passw0rd-echoed"
	echoedIAMToken         = "MIIEcho-IAM-Token-0001"
	echoedSecretKey        = "Secret-Key-echoed-0000000000000000000001"
	echoedInstancePassword = "Instance-Passw0rd-echoed"
)

// echoServer is a Huawei Cloud that echoes secrets in its error answers
// (the credentials it is given, and the instance password of a create):
// the first CloudDC call of each kind is refused with 429 (retried, and
// logged with its error, even for a create), the next with 400.
func echoServer(t *testing.T, credentials ...string) *httptest.Server {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/auth/tokens") {
			w.Header().Set(huaweicloud.HeaderSubjectToken, echoedIAMToken)
			w.WriteHeader(http.StatusCreated)
			_ = json.NewEncoder(w).Encode(map[string]any{"token": map[string]any{
				"expires_at": time.Now().Add(time.Hour).UTC().Format(time.RFC3339), "project": map[string]string{"id": "p1", "name": "r1"},
			}})
			return
		}
		echo := "you sent " + strings.Join(credentials, ", ")
		if r.Method == http.MethodPost {
			echo += ", admin password " + echoedInstancePassword
		}
		status := http.StatusBadRequest
		if calls.Add(1)%2 == 1 {
			status = http.StatusTooManyRequests
		}
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"error_code": "iMetal.0001", "error_msg": echo})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// Every log line of a call masks the client's secrets (secret key, IAM
// password, the IAM token it obtained) and the request's (an instance's
// password), and so does the error that becomes a diagnostic.
func TestCallMasksSecretsInLogsAndErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		creds   huaweicloud.Credentials
		secrets []string
	}{
		"password": {huaweicloud.Credentials{UserName: "u1", Password: echoedUserPassword, DomainName: "d1"}, []string{echoedUserPassword, echoedIAMToken}},
		"aksk":     {huaweicloud.Credentials{AccessKey: "AK1", SecretKey: echoedSecretKey}, []string{echoedSecretKey}},
	} {
		t.Run(name, func(t *testing.T) {
			srv, creds := echoServer(t, tc.secrets...), tc.creds
			c, err := huaweicloud.New(huaweicloud.Config{Region: "r1", ProjectID: "p1", CloudDCEndpoint: srv.URL, IAMEndpoint: srv.URL + "/v3",
				Credentials: creds,
				HTTPConfig:  transport.HTTPConfig{Retry: fastRetry}})
			if err != nil {
				t.Fatal(err)
			}
			var logs bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &logs)
			_, listErr := c.ListInstances(ctx, huaweicloud.ListInstancesRequest{})
			_, createErr := c.CreateInstance(ctx, huaweicloud.CreateInstanceRequest{Name: "n", ImageID: "i", Password: echoedInstancePassword})
			masked := "you sent " + strings.Repeat("***, ", len(tc.secrets))
			for _, err := range []error{listErr, createErr} {
				if !huaweicloud.HasCode(err, huaweicloud.CodeInvalidParameter) {
					t.Fatalf("want the API's 400, got %v", err)
				}
				if !strings.Contains(err.Error()+", ", masked) {
					t.Errorf("error not redacted: %v", err)
				}
			}
			if !strings.Contains(createErr.Error(), "admin password ***") {
				t.Errorf("instance password not redacted: %v", createErr)
			}
			if strings.Count(logs.String(), "retrying Huawei Cloud API call") != 2 || !strings.Contains(logs.String(), "you sent ***") {
				t.Fatalf("the retries were not logged with their errors, the test proves nothing:\n%s", logs.String())
			}
			for _, secret := range []string{echoedIAMToken, echoedUserPassword, echoedSecretKey, echoedInstancePassword} {
				if strings.Contains(logs.String(), secret) {
					t.Errorf("%s is in the log:\n%s", secret, logs.String())
				}
			}
			// MaskLogs does the same for the code around the calls.
			logs.Reset()
			tflog.Info(c.MaskLogs(ctx, "Extra-Secret-1"), "echo "+creds.SecretKey+creds.Password+" Extra-Secret-1")
			if got := logs.String(); strings.Contains(got, "echoed") || strings.Contains(got, "Extra-Secret-1") {
				t.Errorf("MaskLogs: %s", got)
			}
		})
	}
}
