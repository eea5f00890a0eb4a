package zenlayer_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// bmcClient starts an emulator and a client of it.
func bmcClient(t *testing.T) (*emulator.Server, *zenlayer.Client) {
	t.Helper()
	emu, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http",
	})
	if err != nil {
		t.Fatal(err)
	}
	return emu, c
}

// bmcFixtures places n RUNNING instances in the emulator.
func bmcFixtures(emu *emulator.Server, n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = emu.AddBMCInstance("SEL-A", fmt.Sprintf("fixture-%d", i))
	}
	return ids
}

// bmcCallSizes lists the number of ids of each logged call of action.
func bmcCallSizes(emu *emulator.Server, action string) []int {
	var sizes []int
	for _, e := range emu.Log() {
		if e.API == "bmc" && e.Action == action {
			sizes = append(sizes, len(e.IDs))
		}
	}
	return sizes
}

func TestFindBMCInstance(t *testing.T) {
	emu, c := bmcClient(t)
	id := bmcFixtures(emu, 1)[0]
	inst, err := c.FindBMCInstance(context.Background(), id)
	if err != nil || inst.InstanceID != id || inst.InstanceStatus != zenlayer.BMCStatusRunning {
		t.Fatalf("FindBMCInstance(%s) = %+v, %v", id, inst, err)
	}
	_, err = c.FindBMCInstance(context.Background(), "1")
	var nf *zenlayer.NotFoundError
	if !errors.As(err, &nf) || nf.Kind != "BMC instance" || nf.ID != "1" {
		t.Fatalf("FindBMCInstance(unknown) = %v, want a *NotFoundError", err)
	}
}

func TestDescribeBMCInstancesSplitsIDsAndFollowsPages(t *testing.T) {
	emu, c := bmcClient(t)
	ids := bmcFixtures(emu, 150)
	ctx := context.Background()

	got, err := c.DescribeBMCInstances(ctx, zenlayer.DescribeBMCInstancesRequest{InstanceIDs: append(ids, "1")})
	if err != nil || len(got) != 150 {
		t.Fatalf("by 151 ids: %d instances, %v; want 150", len(got), err)
	}
	if sizes := bmcCallSizes(emu, "DescribeInstances"); fmt.Sprint(sizes) != "[100 51]" {
		t.Errorf("calls carried %v ids, want [100 51]", sizes)
	}

	emu.ResetLog()
	all, err := c.DescribeBMCInstances(ctx, zenlayer.DescribeBMCInstancesRequest{ZoneID: "SEL-A"})
	if err != nil || len(all) != 150 {
		t.Fatalf("all: %d instances, %v; want 150", len(all), err)
	}
	if n := emu.CallCount("bmc.DescribeInstances"); n != 2 {
		t.Errorf("listing 150 instances took %d pages, want 2", n)
	}
}

// The ReleaseInstances seed allows at most 100 ids a call: the client
// sends more in several calls, and the API's refusal of 101 is a clear error.
func TestReleaseBMCInstancesMoreThan100(t *testing.T) {
	emu, c := bmcClient(t)
	ids := bmcFixtures(emu, 150)
	for _, id := range ids {
		emu.SetBMCInstanceStatus(id, zenlayer.BMCStatusRecycle)
	}
	ctx := context.Background()

	err := c.Call(ctx, zenlayer.BMC, "ReleaseInstances", map[string]any{"instanceIds": ids[:101]}, nil)
	var ae *zenlayer.APIError
	if !errors.As(err, &ae) || ae.HTTPStatus != http.StatusBadRequest || ae.Code != "INVALID_PARAMETER_VALUE" || !strings.Contains(ae.Message, "at most 100") {
		t.Fatalf("101 ids in one call: %v; want HTTP 400 INVALID_PARAMETER_VALUE saying at most 100", err)
	}
	if !strings.Contains(err.Error(), "requestId") {
		t.Errorf("error %q does not name the requestId", err)
	}

	emu.ResetLog()
	if err := c.ReleaseBMCInstances(ctx, ids...); err != nil {
		t.Fatalf("ReleaseBMCInstances(150 ids): %v", err)
	}
	if sizes := bmcCallSizes(emu, "ReleaseInstances"); fmt.Sprint(sizes) != "[100 50]" {
		t.Errorf("calls carried %v ids, want [100 50]", sizes)
	}
	for _, id := range ids {
		if v, ok := emu.BMCInstance(id); ok {
			t.Fatalf("instance %s is %s, want it released (gone)", id, v.Status)
		}
	}
}

// A batch the API refuses for one id (the seed's 404 and 403) is asked again
// id by id: the others are released and each failure keeps its own code.
func TestReleaseBMCInstancesPerInstanceFailures(t *testing.T) {
	emu, c := bmcClient(t)
	ids := bmcFixtures(emu, 3)
	recycledA, recycledB, running := ids[0], ids[1], ids[2]
	emu.SetBMCInstanceStatus(recycledA, zenlayer.BMCStatusRecycle)
	emu.SetBMCInstanceStatus(recycledB, zenlayer.BMCStatusRecycle)

	err := c.ReleaseBMCInstances(context.Background(), recycledA, running, "1", recycledB)
	var re *zenlayer.BMCReleaseError
	if !errors.As(err, &re) || len(re.Failures) != 2 {
		t.Fatalf("got %v, want a *BMCReleaseError with 2 failures", err)
	}
	if re.For(recycledA) != nil || re.For(recycledB) != nil {
		t.Errorf("recycled instances failed: %v", err)
	}
	if !zenlayer.HasCode(re.For(running), zenlayer.CodeBMCInstanceNotRecycled) {
		t.Errorf("running instance: %v, want %s", re.For(running), zenlayer.CodeBMCInstanceNotRecycled)
	}
	if !zenlayer.HasCode(re.For("1"), zenlayer.CodeInstanceNotFound) {
		t.Errorf("unknown instance: %v, want %s", re.For("1"), zenlayer.CodeInstanceNotFound)
	}
	msg := err.Error()
	if !strings.Contains(msg, running+": ") || !strings.Contains(msg, zenlayer.CodeBMCInstanceNotRecycled) ||
		!strings.Contains(msg, "1: ") || !strings.Contains(msg, zenlayer.CodeInstanceNotFound) || !errors.As(err, new(*zenlayer.APIError)) {
		t.Errorf("the batch error %q does not expose its failures", err)
	}
	for _, id := range []string{recycledA, recycledB} {
		if v, ok := emu.BMCInstance(id); ok {
			t.Errorf("instance %s is %s, want it released (gone)", id, v.Status)
		}
	}
	if v, _ := emu.BMCInstance(running); v.Status != zenlayer.BMCStatusRunning {
		t.Errorf("running instance is %s", v.Status)
	}

	// A single id's error is that id's API error, as it is.
	err = c.ReleaseBMCInstances(context.Background(), running)
	var ae *zenlayer.APIError
	if !errors.As(err, &ae) || ae.HTTPStatus != http.StatusForbidden || err.Error() != ae.Error() {
		t.Errorf("single id: %v", err)
	}
}

// CreateInstances buys machines and has no idempotency token: a 5xx is
// not re-sent, while a read is.
func TestCreateBMCInstancesIsNotRetried(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(`{"requestId":"T1","code":"INTERNAL_SERVER_ERROR","message":"boom"}`))
	}))
	t.Cleanup(srv.Close)
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: "id", AccessKeyPassword: "pw", Domain: strings.TrimPrefix(srv.URL, "http://"), Scheme: "http",
		HTTPConfig: transport.HTTPConfig{Retry: transport.Policy{MaxAttempts: 3, Base: time.Millisecond, Max: 2 * time.Millisecond}},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateBMCInstances(context.Background(), zenlayer.CreateBMCInstancesRequest{ZoneID: "SEL-A"})
	if !zenlayer.HasCode(err, zenlayer.CodeInternalServerError) || calls.Load() != 1 {
		t.Fatalf("create: %v after %d calls; want one call", err, calls.Load())
	}
	calls.Store(0)
	if _, err := c.FindBMCInstance(context.Background(), "1"); err == nil || calls.Load() != 3 {
		t.Fatalf("find: %v after %d calls; want 3 attempts", err, calls.Load())
	}
}
