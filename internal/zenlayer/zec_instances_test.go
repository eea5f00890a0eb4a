package zenlayer_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// zecInstanceClient starts an emulator and a client of it.
func zecInstanceClient(t *testing.T) (*emulator.Server, *zenlayer.Client) {
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

// stoppedZECInstances places n STOPPED instances in the emulator.
func stoppedZECInstances(emu *emulator.Server, n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = emu.AddZECInstance("asia-east-1a", fmt.Sprintf("fixture-%d", i))
		emu.SetZECInstanceStatus(ids[i], "STOPPED")
	}
	return ids
}

// zecCallSizes lists the number of ids of each logged call of action.
func zecCallSizes(emu *emulator.Server, action string) []int {
	var sizes []int
	for _, e := range emu.Log() {
		if e.API == "zec" && e.Action == action {
			sizes = append(sizes, len(e.IDs))
		}
	}
	return sizes
}

func TestFindZECInstance(t *testing.T) {
	emu, c := zecInstanceClient(t)
	id := emu.AddZECInstance("asia-east-1a", "web")
	inst, err := c.FindZECInstance(context.Background(), id)
	if err != nil || inst.InstanceID != id || inst.Status != zenlayer.InstanceStatusRunning || inst.SystemDisk == nil {
		t.Fatalf("FindZECInstance = %+v, %v", inst, err)
	}
	_, err = c.FindZECInstance(context.Background(), "zec-missing")
	var nf *zenlayer.NotFoundError
	if !errors.As(err, &nf) || nf.ID != "zec-missing" {
		t.Fatalf("FindZECInstance of an unknown id = %v, want a *NotFoundError", err)
	}
}

func TestDescribeZECInstancesSplitsIDs(t *testing.T) {
	emu, c := zecInstanceClient(t)
	ids := stoppedZECInstances(emu, 150)
	emu.ResetLog()
	got, err := c.DescribeInstances(context.Background(), zenlayer.DescribeInstancesRequest{InstanceIDs: ids})
	if err != nil || len(got) != 150 {
		t.Fatalf("DescribeInstances = %d instances, %v", len(got), err)
	}
	if sizes := zecCallSizes(emu, "DescribeInstances"); !slices.Equal(sizes, []int{100, 50}) {
		t.Errorf("DescribeInstances calls had %v ids, want [100 50]", sizes)
	}
	st, err := c.DescribeInstancesStatus(context.Background(), ids...)
	if err != nil || len(st) != 150 || st[0].InstanceStatus != "STOPPED" {
		t.Fatalf("DescribeInstancesStatus = %d entries (%v), %v", len(st), st[:min(1, len(st))], err)
	}
}

// More than 100 ids go out in calls of at most 100 (the API refuses more),
// and the ids any call answers as failed come back in one *BatchError.
func TestStartZECInstancesMoreThan100(t *testing.T) {
	emu, c := zecInstanceClient(t)
	ids := stoppedZECInstances(emu, 150)
	emu.FailZECInstanceOnce("StartInstances", ids[3])
	emu.FailZECInstanceOnce("StartInstances", ids[120])
	emu.ResetLog()
	err := c.StartInstances(context.Background(), ids...)
	var be *zenlayer.BatchError
	if !errors.As(err, &be) || be.Action != "StartInstances" || !slices.Equal(be.FailedIDs, []string{ids[3], ids[120]}) || be.RequestID == "" {
		t.Fatalf("StartInstances = %v, want a BatchError for %s and %s", err, ids[3], ids[120])
	}
	if sizes := zecCallSizes(emu, "StartInstances"); !slices.Equal(sizes, []int{100, 50}) {
		t.Errorf("StartInstances calls had %v ids, want [100 50]", sizes)
	}
	for _, id := range []string{ids[0], ids[149]} {
		if v, _ := emu.ZECInstance(id); v.Status != "BOOTING" {
			t.Errorf("instance %s is %s, want BOOTING", id, v.Status)
		}
	}
}

// A refusal of the only instance asked for is an API error with the seed's code.
func TestStartZECInstanceErrorCodes(t *testing.T) {
	emu, c := zecInstanceClient(t)
	running := emu.AddZECInstance("asia-east-1a", "running")
	err := c.StartInstances(context.Background(), running)
	if !zenlayer.HasCode(err, zenlayer.CodeUnsupportedInstanceStatus) {
		t.Errorf("StartInstances of a RUNNING instance = %v, want %s", err, zenlayer.CodeUnsupportedInstanceStatus)
	}
	emu.SetZECInstanceStatus(running, "STOPPING")
	err = c.StartInstances(context.Background(), running)
	if !zenlayer.HasCode(err, zenlayer.CodeInstanceInOperation) {
		t.Errorf("StartInstances of a STOPPING instance = %v, want %s", err, zenlayer.CodeInstanceInOperation)
	}
	err = c.StopInstances(context.Background(), false, running)
	if !zenlayer.HasCode(err, zenlayer.CodeInstanceInOperation) {
		t.Errorf("StopInstances of a STOPPING instance = %v, want %s", err, zenlayer.CodeInstanceInOperation)
	}
}

// fakeZEC answers every call with answer and records the bodies.
func fakeZEC(t *testing.T, status int, answer string) (*zenlayer.Client, *atomic.Int32, func() []map[string]any) {
	t.Helper()
	var calls atomic.Int32
	bodies := make(chan map[string]any, 100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		raw, _ := io.ReadAll(r.Body)
		var body map[string]any
		_ = json.Unmarshal(raw, &body)
		bodies <- body
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: "id", AccessKeyPassword: "secret", Domain: strings.TrimPrefix(srv.URL, "http://"), Scheme: "http",
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, &calls, func() []map[string]any {
		var out []map[string]any
		for len(bodies) > 0 {
			out = append(out, <-bodies)
		}
		return out
	}
}

func TestReleaseZECInstancesKeepsDataDisks(t *testing.T) {
	c, _, bodies := fakeZEC(t, http.StatusOK, `{"requestId":"T1","response":{"requestId":"T1","instanceIds":[]}}`)
	if err := c.ReleaseInstances(context.Background(), zenlayer.ReleaseInstancesRequest{InstanceIDs: []string{"zec-1"}, KeepDataDisks: true}); err != nil {
		t.Fatal(err)
	}
	if err := c.ReleaseInstances(context.Background(), zenlayer.ReleaseInstancesRequest{InstanceIDs: []string{"zec-2"}}); err != nil {
		t.Fatal(err)
	}
	got := bodies()
	if len(got) != 2 || got[0]["dependResource"] != false {
		t.Fatalf("requests were %v, want dependResource=false in the first", got)
	}
	if _, sent := got[1]["dependResource"]; sent {
		t.Errorf("dependResource was sent without KeepDataDisks: %v", got[1])
	}
}

func TestCreateZecInstancesIsNotRetried(t *testing.T) {
	c, calls, bodies := fakeZEC(t, http.StatusInternalServerError, `{"requestId":"T1","code":"INTERNAL_SERVER_ERROR","message":"boom"}`)
	_, err := c.CreateZecInstances(context.Background(), zenlayer.CreateZecInstancesRequest{
		ZoneID: "asia-east-1a", ImageID: "ubuntu-22.04", InstanceType: "z2a.cpu.1", SubnetID: "s", Password: "Secret-Passw0rd",
	})
	if !zenlayer.HasCode(err, "INTERNAL_SERVER_ERROR") || calls.Load() != 1 {
		t.Fatalf("CreateZecInstances = %v after %d calls, want one call and the API error", err, calls.Load())
	}
	if got := bodies(); len(got) != 1 || got[0]["instanceCount"] != float64(1) {
		t.Errorf("request was %v, want instanceCount 1 by default", got)
	}
}

func TestCreateZecInstancesCountMismatch(t *testing.T) {
	c, _, _ := fakeZEC(t, http.StatusOK, `{"requestId":"T1","response":{"requestId":"T1","orderNumber":"o-1","instanceIdSet":["zec-1"]}}`)
	out, err := c.CreateZecInstances(context.Background(), zenlayer.CreateZecInstancesRequest{InstanceCount: 2})
	if err == nil || out == nil || !slices.Equal(out.InstanceIDSet, []string{"zec-1"}) {
		t.Fatalf("CreateZecInstances = %+v, %v; want the one id and an error", out, err)
	}
}

func TestCreateZecInstancesRequestHidesSecrets(t *testing.T) {
	s := fmt.Sprint(zenlayer.CreateZecInstancesRequest{InstanceName: "web", Password: "Secret-Passw0rd", UserData: "#!/bin/sh token=abc"})
	if strings.Contains(s, "Secret-Passw0rd") || strings.Contains(s, "token=abc") || !strings.Contains(s, "web") {
		t.Errorf("the request prints as %q", s)
	}
}
