package emulator

import (
	"net/http"
	"testing"
)

// Every field of an action's request model is taken and acted on, or kept
// and answered: these are the ones the emulator did not read before.

// answerOf is the "response" of a call that must succeed.
func answerOf(t *testing.T, s *Server, service, version, action string, body map[string]any) map[string]any {
	t.Helper()
	status, ans := postSigned(t, s, service, version, action, body)
	if status != http.StatusOK {
		t.Fatalf("%s: %d %v", action, status, ans)
	}
	return ans["response"].(map[string]any)
}

// refused checks that a call fails with code.
func refused(t *testing.T, s *Server, service, version, action string, body map[string]any, code string) {
	t.Helper()
	if status, ans := postSigned(t, s, service, version, action, body); status == http.StatusOK || ans["code"] != code {
		t.Errorf("%s %v: %d %v, want %s", action, body, status, ans["code"], code)
	}
}

func dataSet(ans map[string]any, key string) []map[string]any {
	var out []map[string]any
	for _, item := range ans[key].([]any) {
		out = append(out, item.(map[string]any))
	}
	return out
}

func TestFields_zecDisks(t *testing.T) {
	const v = "2025-09-01"
	s := startContractServer(t)
	a, b := s.AddZECInstance("asia-east-1a", "a"), s.AddZECInstance("asia-east-1a", "b")
	ans := answerOf(t, s, "zec", v, "CreateDisks", map[string]any{"zoneId": "asia-east-1a", "diskName": "pair", "diskSize": 20,
		"diskAmount": 2, "instanceIds": []string{a, b}, "burstingEnabled": true,
		"marketingOptions": map[string]any{"discountCode": "SPRING", "usePocVoucher": false}})
	ids := ans["diskIds"].([]any)
	disks := dataSet(answerOf(t, s, "zec", v, "DescribeDisks", map[string]any{"diskIds": ids}), "dataSet")
	if len(disks) != 2 || disks[0]["instanceId"] != a || disks[1]["instanceId"] != b {
		t.Errorf("instanceIds: disks %v, want one on %s and one on %s", disks, a, b)
	}
	for _, d := range disks {
		if d["burstingEnabled"] != true || d["regionId"] != "asia-east-1" || d["snapshotAbility"] != true {
			t.Errorf("disk %v: want burstingEnabled, regionId asia-east-1, snapshotAbility", d)
		}
	}
	refused(t, s, "zec", v, "CreateDisks", map[string]any{"zoneId": "asia-east-1a", "diskName": "x", "diskSize": 20,
		"diskAmount": 2, "instanceIds": []string{a}}, codeInvalidValue)
	refused(t, s, "zec", v, "CreateDisks", map[string]any{"zoneId": "asia-east-1a", "diskName": "x", "diskSize": 20,
		"snapshotId": "snap-1"}, "INVALID_SNAPSHOT_NOT_FOUND")
	for filter, want := range map[string]int{"asia-east-1": 4, "na-west-1": 0} {
		got := dataSet(answerOf(t, s, "zec", v, "DescribeDisks", map[string]any{"regionId": filter}), "dataSet")
		if len(got) != want {
			t.Errorf("regionId %s: %d disks, want %d", filter, len(got), want)
		}
	}
	if got := dataSet(answerOf(t, s, "zec", v, "DescribeDisks", map[string]any{"snapshotAbility": false}), "dataSet"); len(got) != 0 {
		t.Errorf("snapshotAbility false: %d disks, want none", len(got))
	}
	if got := dataSet(answerOf(t, s, "zec", v, "DescribeDiskCategory", map[string]any{"diskCategory": "Basic NVMe SSD"}), "categoryZoneSet"); len(got) != 4 ||
		len(got[0]["categorySet"].([]any)) != 1 {
		t.Errorf("DescribeDiskCategory by diskCategory: %v", got)
	}
}

func TestFields_zecInstances(t *testing.T) {
	const v = "2025-09-01"
	s := startContractServer(t)
	ans := answerOf(t, s, "zec", v, "CreateZecInstances", map[string]any{"zoneId": "asia-east-1a", "imageId": "ubuntu-22.04",
		"instanceType": "z2a.cpu.1", "subnetId": "subnet-1", "keyId": "key-1", "ipStackType": "IPv4_IPv6",
		"systemDisk": map[string]any{"diskSize": 30, "burstingEnabled": true}, "userData": "IyEvYmluL3NoCg==",
		"dataDisks":       []any{map[string]any{"diskSize": 20, "diskName": "logs", "burstingEnabled": true}},
		"instanceOptions": map[string]any{"nestedVirtualization": true}, "internetChargeType": "ByBandwidth", "bandwidth": 10,
		"eipBindType": "FullNat", "networkLineType": "BGP", "marketingOptions": map[string]any{"discountCode": "x"}})
	id := ans["instanceIdSet"].([]any)[0].(string)
	inst := dataSet(answerOf(t, s, "zec", v, "DescribeInstances", map[string]any{"instanceIds": []string{id}}), "dataSet")[0]
	nic := inst["nics"].([]any)[0].(map[string]any)
	if nic["primaryIpv6"] == nil || inst["instanceOptions"].(map[string]any)["nestedVirtualization"] != true ||
		inst["systemDisk"].(map[string]any)["burstingEnabled"] != true || inst["keyId"] != "key-1" {
		t.Errorf("instance %v: want an IPv6 NIC, nested virtualization, a bursting system disk and key-1", inst)
	}
	if dd := inst["dataDisks"].([]any); len(dd) != 1 || dd[0].(map[string]any)["diskName"] != "logs" {
		t.Errorf("data disks %v, want one named logs", dd)
	}
	if got := dataSet(answerOf(t, s, "zec", v, "DescribeInstances", map[string]any{"ipv6Address": nic["primaryIpv6"]}), "dataSet"); len(got) != 1 {
		t.Errorf("ipv6Address filter: %d instances, want 1", len(got))
	}
	refused(t, s, "zec", v, "CreateZecInstances", map[string]any{"zoneId": "asia-east-1a", "imageId": "ubuntu-22.04",
		"instanceType": "z2a.cpu.1", "subnetId": "subnet-1", "keyId": "key-1", "ipStackType": "IPv5"}, codeInvalidValue)
}

func TestFields_bmc(t *testing.T) {
	const v = "2022-11-20"
	s := startContractServer(t)
	base := func(extra map[string]any) map[string]any {
		body := map[string]any{"zoneId": "SEL-A", "instanceChargeType": "POSTPAID", "instanceTypeId": "S9I",
			"imageId": "img-ubuntu-2204", "internetChargeType": "ByBandwidth"}
		for k, val := range extra {
			body[k] = val
		}
		return body
	}
	ans := answerOf(t, s, "bmc", v, "CreateInstances", base(map[string]any{"keyId": "key-fid", "enableGatewayMode": true,
		"enablePrimaryIPv6": false, "userData": "IyEvYmluL3NoCg==", "clusterId": "cluster-1",
		"marketingOptions": map[string]any{"usePocVoucher": true}, "tags": map[string]any{"tags": []any{map[string]any{"key": "group", "value": "fid"}}}}))
	id := ans["instanceIdSet"].([]any)[0].(string)
	answerOf(t, s, "bmc", v, "CreateInstances", base(map[string]any{"password": "Example~123"}))
	got := dataSet(answerOf(t, s, "bmc", v, "DescribeInstances", map[string]any{"tags": []any{map[string]any{"key": "group", "value": "fid"}}}), "dataSet")
	if len(got) != 1 || got[0]["instanceId"] != id || got[0]["keyId"] != "key-fid" || got[0]["enableGatewayMode"] != true ||
		len(got[0]["ipv6Addresses"].([]any)) != 0 {
		t.Errorf("DescribeInstances by tag: %v, want %s with key-fid, gateway mode and no IPv6", got, id)
	}
	if got := dataSet(answerOf(t, s, "bmc", v, "DescribeInstances", map[string]any{"tagKeys": []string{"group"}}), "dataSet"); len(got) != 1 {
		t.Errorf("DescribeInstances by tag key: %d instances, want 1", len(got))
	}
	refused(t, s, "bmc", v, "CreateInstances", base(map[string]any{"keyId": "key-fid", "password": "Example~123"}), "INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT")
	for filter, want := range map[bool]int{true: 2, false: 2} {
		if got := dataSet(answerOf(t, s, "bmc", v, "DescribeZones", map[string]any{"isCloudRouterAvailable": filter}), "zoneSet"); len(got) != want {
			t.Errorf("isCloudRouterAvailable %v: %d zones, want %d", filter, len(got), want)
		}
	}
	types := dataSet(answerOf(t, s, "bmc", "2026-02-01", "DescribeInstanceTypes", map[string]any{"instanceTypeIds": []string{"S9I"}}), "instanceTypes")
	if len(types) != 1 || types[0]["cpuThreads"] == nil || types[0]["baseFrequency"] == nil {
		t.Errorf("instance type %v: want its CPU details", types)
	}
}
