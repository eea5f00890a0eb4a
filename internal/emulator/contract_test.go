package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The contract tests: every action the emulator serves, in every version,
// takes exactly the request fields of the SDK's model and answers exactly
// the fields of its response model. testdata/sdk_fields.json lists those
// fields, generated from the SDK's source by testdata/sdkfields.

// sdkAction is one action of the fixture.
type sdkAction struct {
	Service        string   `json:"service"`
	Version        string   `json:"version"`
	Action         string   `json:"action"`
	File           string   `json:"file"`
	RequestModel   string   `json:"requestModel"`
	ResponseModel  string   `json:"responseModel"`
	RequestFields  []string `json:"requestFields"`
	ResponseFields []string `json:"responseFields"`
}

func sdkFixture(t *testing.T) []sdkAction {
	t.Helper()
	raw, err := os.ReadFile("testdata/sdk_fields.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Actions []sdkAction `json:"actions"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	return f.Actions
}

// servedVersions are the versions of each Zenlayer service the emulator serves.
var servedVersions = map[string]map[string]apiVersion{"zec": zecVersions, "bmc": bmcVersions, "zrm": zrmVersions, "user": userVersions,
	"ccs": ccsVersions}

// TestContract_fieldsAreTheSDKs compares each served shape with the fixture.
func TestContract_fieldsAreTheSDKs(t *testing.T) {
	fixture := map[string]sdkAction{}
	for _, a := range sdkFixture(t) {
		fixture[a.Service+" "+a.Version+" "+a.Action] = a
	}
	usedExtensions := map[string]bool{}
	for service, versions := range servedVersions {
		for version, actions := range versions {
			for action, shape := range actions {
				key := service + " " + version + " " + action
				sdk, ok := fixture[key]
				if !ok {
					t.Errorf("%s: the emulator serves it, the SDK has no such action in that version", key)
					continue
				}
				var req []string
				for _, f := range shape.request.flatten("") {
					if _, ext := zenlayerExtensions[service+" "+action+" "+f]; ext {
						usedExtensions[service+" "+action+" "+f] = true
						continue
					}
					req = append(req, f)
				}
				diffFields(t, key+" request ("+sdk.File+" "+sdk.RequestModel+")", req, sdk.RequestFields)
				diffFields(t, key+" response ("+sdk.File+" "+sdk.ResponseModel+")", shape.response.flatten(""), sdk.ResponseFields)
			}
		}
	}
	for key, sdk := range fixture {
		if _, served := servedVersions[sdk.Service][sdk.Version][sdk.Action]; !served {
			t.Errorf("%s: the SDK ships it (%s), the emulator does not serve it", key, sdk.File)
		}
	}
	for ext := range zenlayerExtensions {
		if !usedExtensions[ext] {
			t.Errorf("extension %q is listed but no action takes it", ext)
		}
	}
}

func diffFields(t *testing.T, what string, got, want []string) {
	t.Helper()
	for _, f := range got {
		if !slices.Contains(want, f) {
			t.Errorf("%s: the emulator has %s, the SDK does not", what, f)
		}
	}
	for _, f := range want {
		if !slices.Contains(got, f) {
			t.Errorf("%s: the SDK has %s, the emulator does not", what, f)
		}
	}
}

// contractCase is a request of one action that succeeds: prepare places
// what it needs and returns the body.
type contractCase struct {
	action  string
	prepare func(s *Server) map[string]any
}

// zecCases exercise every ZEC action once, in order, on one server.
func zecCases() []contractCase {
	var inst, disk string
	setDisk := func(s *Server, status string) { s.SetZECDiskStatus(disk, status) }
	return []contractCase{
		{"CreateZecInstances", func(*Server) map[string]any {
			return map[string]any{"zoneId": "asia-east-1a", "imageId": "ubuntu-22.04", "instanceType": "z2a.cpu.1",
				"subnetId": "subnet-1", "password": "Example~123", "instanceName": "contract-1"}
		}},
		{"CreateDisks", func(s *Server) map[string]any {
			inst = s.AddZECInstance("asia-east-1a", "contract-2")
			return map[string]any{"zoneId": "asia-east-1a", "diskName": "contract-disk", "diskSize": 20}
		}},
		{"DescribeDisks", func(s *Server) map[string]any {
			s.mu.Lock()
			for id, d := range s.zec.disks {
				if d.DiskName == "contract-disk" {
					disk = id
				}
			}
			s.mu.Unlock()
			setDisk(s, diskStatusAvailable)
			return map[string]any{}
		}},
		{"AttachDisks", func(*Server) map[string]any { return map[string]any{"diskIds": []string{disk}, "instanceId": inst} }},
		{"DescribeInstances", func(s *Server) map[string]any { setDisk(s, diskStatusInUse); return map[string]any{} }},
		{"DescribeInstancesStatus", func(*Server) map[string]any { return map[string]any{} }},
		{"DetachDisks", func(*Server) map[string]any {
			return map[string]any{"diskIds": []string{disk}, "instanceCheckFlag": false}
		}},
		{"ResizeDisk", func(s *Server) map[string]any {
			setDisk(s, diskStatusAvailable)
			return map[string]any{"diskId": disk, "diskSize": 30}
		}},
		{"ModifyDisksAttributes", func(*Server) map[string]any { return map[string]any{"diskIds": []string{disk}, "diskName": "renamed"} }},
		{"ReleaseDisk", func(s *Server) map[string]any { setDisk(s, diskStatusAvailable); return map[string]any{"diskId": disk} }},
		{"DescribeDiskCategory", func(*Server) map[string]any { return map[string]any{} }},
		{"StopInstances", func(*Server) map[string]any { return map[string]any{"instanceIds": []string{inst}} }},
		{"StartInstances", func(s *Server) map[string]any {
			s.SetZECInstanceStatus(inst, instStatusStopped)
			return map[string]any{"instanceIds": []string{inst}}
		}},
		{"RebootInstances", func(s *Server) map[string]any {
			s.SetZECInstanceStatus(inst, instStatusRunning)
			return map[string]any{"instanceIds": []string{inst}}
		}},
		{"ModifyInstancesAttribute", func(*Server) map[string]any {
			return map[string]any{"instanceIds": []string{inst}, "instanceName": "renamed"}
		}},
		{"ModifyInstanceType", func(s *Server) map[string]any {
			s.SetZECInstanceStatus(inst, instStatusStopped)
			return map[string]any{"instanceId": inst, "instanceType": "z2a.cpu.2"}
		}},
		{"ResetInstance", func(s *Server) map[string]any {
			s.SetZECInstanceStatus(inst, instStatusStopped)
			return map[string]any{"instanceId": inst, "imageId": "debian-12", "password": "Example~123"}
		}},
		{"ResetInstancePassword", func(s *Server) map[string]any {
			s.SetZECInstanceStatus(inst, instStatusRunning)
			return map[string]any{"instanceId": inst, "password": "Example~123"}
		}},
		{"ModifyNetworkInterfaceAttribute", func(*Server) map[string]any {
			return map[string]any{"nicId": inst + "-nic0", "securityGroupId": "sg-contract"}
		}},
		{"StartIpForward", func(*Server) map[string]any { return map[string]any{"instanceId": inst} }},
		{"StopIpForward", func(*Server) map[string]any { return map[string]any{"instanceId": inst} }},
		{"ReleaseInstances", func(s *Server) map[string]any {
			s.SetZECInstanceStatus(inst, instStatusRunning)
			return map[string]any{"instanceIds": []string{inst}}
		}},
		{"DescribeZones", func(*Server) map[string]any { return map[string]any{} }},
		{"DescribeImages", func(*Server) map[string]any { return map[string]any{"zoneId": "asia-east-1a"} }},
		{"DescribeZoneInstanceConfigInfos", func(*Server) map[string]any { return map[string]any{} }},
	}
}

// ccsCases exercise every ccs action once.
func ccsCases() []contractCase {
	return []contractCase{{"DescribeKeyPairs", func(*Server) map[string]any { return map[string]any{} }}}
}

// bmcCases exercise every BMC action once, in order, on one server.
func bmcCases() []contractCase {
	var inst string
	return []contractCase{
		{"CreateInstances", func(*Server) map[string]any {
			return map[string]any{"zoneId": "SEL-A", "instanceChargeType": "POSTPAID", "instanceTypeId": "S9I",
				"imageId": "img-ubuntu-2204", "internetChargeType": "ByBandwidth", "password": "Example~123"}
		}},
		{"DescribeInstances", func(s *Server) map[string]any {
			inst = s.AddBMCInstance("SEL-A", "contract")
			return map[string]any{}
		}},
		{"StopInstances", func(*Server) map[string]any { return map[string]any{"instanceIds": []string{inst}} }},
		{"StartInstances", func(s *Server) map[string]any {
			s.SetBMCInstanceStatus(inst, bmcStatusStopped)
			return map[string]any{"instanceIds": []string{inst}}
		}},
		{"RebootInstances", func(s *Server) map[string]any {
			s.SetBMCInstanceStatus(inst, bmcStatusRunning)
			return map[string]any{"instanceIds": []string{inst}}
		}},
		{"ModifyInstancesAttribute", func(*Server) map[string]any {
			return map[string]any{"instanceIds": []string{inst}, "instanceName": "renamed"}
		}},
		{"ModifyInstanceBandwidth", func(s *Server) map[string]any {
			s.SetBMCInstanceStatus(inst, bmcStatusRunning)
			return map[string]any{"instanceId": inst, "bandwidthOutMbps": 20}
		}},
		{"ModifyInstanceTrafficPackage", func(s *Server) map[string]any {
			s.mu.Lock()
			s.bmcOf().instances[inst].InternetChargeType = "ByTrafficPackage"
			s.mu.Unlock()
			return map[string]any{"instanceId": inst, "trafficPackageSize": 12.5}
		}},
		{"DescribeInstanceInternetStatus", func(*Server) map[string]any { return map[string]any{"instanceId": inst} }},
		{"CancelInstanceBandwidthDowngrade", func(s *Server) map[string]any {
			s.mu.Lock()
			s.bmcOf().instances[inst].DowngradeBandwidth = new(int)
			s.mu.Unlock()
			return map[string]any{"instanceId": inst}
		}},
		{"CancelInstanceTrafficPackageDowngrade", func(s *Server) map[string]any {
			s.mu.Lock()
			s.bmcOf().instances[inst].DowngradeTrafficPackage = new(float64)
			s.mu.Unlock()
			return map[string]any{"instanceId": inst}
		}},
		{"ReinstallInstance", func(*Server) map[string]any {
			return map[string]any{"instanceId": inst, "imageId": "img-ubuntu-2204", "password": "Example~123", "userData": "#!/bin/sh"}
		}},
		{"AssociateSubnetInstances", func(s *Server) map[string]any {
			s.SetBMCInstanceStatus(inst, bmcStatusRunning)
			return map[string]any{"subnetId": "subnet-sel-a-1", "subnetInstanceList": []map[string]any{{"instanceId": inst}}}
		}},
		{"UnAssociateSubnetInstance", func(s *Server) map[string]any {
			s.mu.Lock()
			s.bmcOf().instances[inst].tl.advance(time.Now().Add(time.Hour)) // the move in ends (another is refused until then)
			s.mu.Unlock()
			return map[string]any{"subnetId": "subnet-sel-a-1", "instanceId": inst}
		}},
		{"TerminateInstance", func(s *Server) map[string]any {
			s.SetBMCInstanceStatus(inst, bmcStatusRunning)
			return map[string]any{"instanceId": inst}
		}},
		{"ReleaseInstances", func(s *Server) map[string]any {
			s.SetBMCInstanceStatus(inst, bmcStatusRecycle)
			return map[string]any{"instanceIds": []string{inst}}
		}},
		{"DescribeZones", func(*Server) map[string]any { return map[string]any{} }},
		{"DescribeInstanceTypes", func(*Server) map[string]any { return map[string]any{} }},
		{"DescribeImages", func(*Server) map[string]any { return map[string]any{} }},
	}
}

// zrmCases exercise every zrm action once, on a ZEC disk.
func zrmCases() []contractCase {
	var disk string
	return []contractCase{
		{"ModifyResourceTags", func(s *Server) map[string]any {
			disk = s.AddZECDisk("asia-east-1a", "contract-tags", 20)
			return map[string]any{"resourceUuid": disk, "replaceTags": []map[string]string{{"key": "team", "value": "a"}}}
		}},
		{"DescribeResourceTags", func(*Server) map[string]any { return map[string]any{"resourceUuid": disk} }},
	}
}

// userCases exercise every user action once, on a BMC instance.
func userCases() []contractCase {
	return []contractCase{
		{"AddResourceResourceGroup", func(s *Server) map[string]any {
			return map[string]any{"resources": []string{s.AddBMCInstance("SEL-A", "contract")}, "resourceGroupId": "rg-contract"}
		}},
	}
}

// TestContract_answers sends each action, in each version, a request that
// succeeds and checks that every object of the answer has exactly the
// fields of the model; then the same request with a field the model lacks,
// which is refused.
func TestContract_answers(t *testing.T) {
	cases := map[string]func() []contractCase{"zec": zecCases, "bmc": bmcCases, "zrm": zrmCases, "user": userCases, "ccs": ccsCases}
	for service, versions := range servedVersions {
		for _, version := range sortedKeys(versions) {
			t.Run(service+"/"+version, func(t *testing.T) {
				s := startContractServer(t)
				seen := map[string]bool{}
				for _, c := range cases[service]() {
					shape, served := versions[version][c.action]
					if !served {
						continue
					}
					seen[c.action] = true
					body := c.prepare(s)
					status, ans := postSigned(t, s, service, version, c.action, body)
					if status != http.StatusOK {
						t.Errorf("%s: status %d: %v", c.action, status, ans)
						continue
					}
					checkAnswer(t, c.action, shape.response, ans["response"])
					body["notAFieldOfTheModel"] = 1
					if status, ans := postSigned(t, s, service, version, c.action, body); status != http.StatusBadRequest || ans["code"] != codeInvalidParameter {
						t.Errorf("%s with an unknown field: status %d %v, want 400 %s", c.action, status, ans["code"], codeInvalidParameter)
					}
				}
				for _, action := range sortedKeys(versions[version]) {
					if !seen[action] {
						t.Errorf("no contract case for %s %s", service, action)
					}
				}
			})
		}
	}
}

// checkAnswer: v is an object with exactly the fields of model, and so is
// every object within it.
func checkAnswer(t *testing.T, path string, model fieldSet, v any) {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Errorf("%s: %v is not an object", path, v)
		return
	}
	names := make([]string, 0, len(model))
	for _, f := range model {
		names = append(names, f.name)
	}
	slices.Sort(names)
	if got := slices.Sorted(maps.Keys(m)); !slices.Equal(got, names) {
		t.Errorf("%s: fields %v, want %v", path, got, names)
	}
	for _, f := range model {
		if f.kind != kindObject || m[f.name] == nil {
			continue
		}
		if !f.list {
			checkAnswer(t, path+"."+f.name, f.sub, m[f.name])
			continue
		}
		items, _ := m[f.name].([]any)
		for _, item := range items {
			checkAnswer(t, path+"."+f.name+"[]", f.sub, item)
		}
	}
}

func startContractServer(t *testing.T) *Server {
	t.Helper()
	s, err := Start(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// postSigned sends an action signed with the default credentials and
// returns the status and the decoded body.
func postSigned(t *testing.T, s *Server, service, version, action string, body any, headers ...[2]string) (int, map[string]any) {
	t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, s.URL()+"/api/v2/"+service, bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	ts := s.now().Unix() // the server's clock, which a test may move
	for _, h := range headers {
		req.Header.Set(h[0], h[1])
	}
	const ct = "application/json"
	req.Header.Set("Content-Type", ct)
	req.Header.Set("X-ZC-Action", action)
	req.Header.Set("X-ZC-Version", version)
	req.Header.Set("X-ZC-Timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("X-ZC-Signature-Method", zc2Algorithm)
	sig := zc2Signature(DefaultAccessKeyPassword, http.MethodPost, ct, req.URL.Host, ts, raw)
	req.Header.Set("Authorization", zc2Algorithm+" Credential="+DefaultAccessKeyID+", SignedHeaders="+zc2SignedHeaders+", Signature="+sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("%s: %v: %s", action, err, strings.TrimSpace(string(data)))
	}
	return resp.StatusCode, out
}
