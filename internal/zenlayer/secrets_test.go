package zenlayer

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// A server that echoes a secret back (the access key password, an
// instance's password) in an error answer: every log line of the call
// masks it, and so does the error that becomes a diagnostic.
func TestCallMasksSecretsInLogsAndErrors(t *testing.T) {
	const instancePassword = "Instance-Passw0rd-echoed"
	var calls atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			// Retried (logged with the error) even for a create: the server refused before acting.
			writeError(w, http.StatusTooManyRequests, CodeRequestLimitExceeded, "slow down, key "+testKeyID+" signed with "+testPassword)
		default:
			writeError(w, http.StatusBadRequest, CodePasswordMalformed, "password "+instancePassword+" is too weak (key password "+testPassword+")")
		}
	})
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	_, err := c.CreateZecInstances(ctx, CreateZecInstancesRequest{ZoneID: "z", ImageID: "i", InstanceType: "t", SubnetID: "s", Password: instancePassword})
	if err == nil || !HasCode(err, CodePasswordMalformed) {
		t.Fatalf("want the API's INVALID_PASSWORD_MALFORMED error, got %v", err)
	}
	if !strings.Contains(logs.String(), "retrying Zenlayer API call") || !strings.Contains(logs.String(), "slow down, key "+testKeyID) {
		t.Fatalf("the retry was not logged with its error, the test proves nothing:\n%s", logs.String())
	}
	for name, secret := range map[string]string{"access key password": testPassword, "instance password": instancePassword} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the %s is in the log:\n%s", name, logs.String())
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("the %s is in the error: %v", name, err)
		}
	}
	if want := "password *** is too weak (key password ***)"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
	}
}

// MaskLogs masks the client's secrets in the log lines of code around its calls.
func TestClientMaskLogs(t *testing.T) {
	c, _ := newTestClient(t, func(http.ResponseWriter, *http.Request) {})
	var logs bytes.Buffer
	ctx := c.MaskLogs(tflogtest.RootLogger(context.Background(), &logs), "extra-Secret")
	tflog.Warn(ctx, "echo "+testPassword+" and extra-Secret")
	if got := logs.String(); strings.Contains(got, testPassword) || strings.Contains(got, "extra-Secret") || !strings.Contains(got, "echo *** and ***") {
		t.Fatalf("log %s", got)
	}
}
