package conns_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/conns"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// MaskLogs masks every configured client's secrets and the extra ones in
// the log lines of the ctx it returns.
func TestClientMaskLogs(t *testing.T) {
	zl, err := zenlayer.New(zenlayer.Config{AccessKeyID: "AKID", AccessKeyPassword: "Zenlayer-Secret-1"})
	if err != nil {
		t.Fatal(err)
	}
	hw, err := huaweicloud.New(huaweicloud.Config{Region: "r1", ProjectID: "p1",
		Credentials: huaweicloud.Credentials{AccessKey: "AK1", SecretKey: "Huawei-Secret-Key-1"}})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	c := &conns.Client{Zenlayer: zl, HuaweiCloud: hw}
	tflog.Info(c.MaskLogs(ctx, "Instance-Passw0rd"), "echo Zenlayer-Secret-1 Huawei-Secret-Key-1", map[string]any{"password": "Instance-Passw0rd"})
	if got := out.String(); strings.Contains(got, "Secret") || strings.Contains(got, "Passw0rd") || !strings.Contains(got, "echo *** ***") {
		t.Fatalf("log %s", got)
	}
	out.Reset()
	var none *conns.Client
	tflog.Info(none.MaskLogs(ctx, "Instance-Passw0rd"), "echo Instance-Passw0rd")
	if got := out.String(); strings.Contains(got, "Passw0rd") {
		t.Fatalf("nil client: log %s", got)
	}
}
