package transport

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestMaskLogs(t *testing.T) {
	var out bytes.Buffer
	ctx := MaskLogs(tflogtest.RootLogger(context.Background(), &out), "", "hunter2", "hunter2-long")
	tflog.Warn(ctx, "answer echoed hunter2-long and hunter2", map[string]any{"error": "password hunter2 refused", "n": 1})
	got := out.String()
	if strings.Contains(got, "hunter2") {
		t.Fatalf("a secret is in the log: %s", got)
	}
	if !strings.Contains(got, "answer echoed *** and ***") || !strings.Contains(got, "password *** refused") {
		t.Fatalf("log %s", got)
	}
	if MaskLogs(ctx) != ctx {
		t.Error("no secret: ctx should be returned as it is")
	}
}

func TestRedact(t *testing.T) {
	if got := Redact("key abcd and abcdefgh", "abcd", "abcdefgh", ""); got != "key *** and ***" {
		t.Fatalf("Redact = %q", got)
	}
	if got := Redact("nothing secret", "t", "ret"); got != "nothing secret" {
		t.Fatalf("Redact = %q", got)
	}
}
