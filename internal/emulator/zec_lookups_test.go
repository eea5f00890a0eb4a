package emulator

import (
	"net/http"
	"slices"
	"testing"
)

// Every zone and image of the catalogue has what the lookups answer.
func TestZECLookups_catalogueComplete(t *testing.T) {
	for _, zone := range zecZones {
		if zecZoneInfos[zone].Name == "" {
			t.Errorf("zone %s has no zecZoneInfos entry", zone)
		}
	}
	for id, img := range ZECImages {
		if img.category(id) == "Other" {
			t.Errorf("image %s has no category", id)
		}
		if !slices.Contains(zecImageOSTypes, img.wireOSType()) {
			t.Errorf("image %s: osType %q is not one of the API's", id, img.wireOSType())
		}
	}
}

// lookupIDs sends a lookup and returns the ids of the answer's list.
func lookupIDs(t *testing.T, s *Server, service, action, list, idField string, body map[string]any) []string {
	t.Helper()
	status, ans := postSigned(t, s, service, "2025-09-01", action, body)
	if status != http.StatusOK {
		t.Fatalf("%s %v: status %d %v", action, body, status, ans)
	}
	resp, _ := ans["response"].(map[string]any)
	items, _ := resp[list].([]any)
	ids := make([]string, 0, len(items))
	for _, item := range items {
		m, _ := item.(map[string]any)
		id, _ := m[idField].(string)
		if zone, ok := m["zoneId"].(string); ok && list == "instanceTypeQuotaSet" {
			id = zone + " " + id
		}
		ids = append(ids, id)
	}
	return ids
}

func TestZECLookups_filters(t *testing.T) {
	s := startContractServer(t)
	for _, c := range []struct {
		service, action, list, idField string
		body                           map[string]any
		want                           []string
	}{
		{"zec", "DescribeZones", "zoneSet", "zoneId", map[string]any{}, zecZones},
		{"zec", "DescribeZones", "zoneSet", "zoneId", map[string]any{"zoneIds": []string{"na-west-1a", "nowhere"}}, []string{"na-west-1a"}},
		{"zec", "DescribeImages", "dataSet", "imageId", map[string]any{"zoneId": "asia-east-1a", "osType": "windows"}, []string{"windows-2022"}},
		{"zec", "DescribeImages", "dataSet", "imageId", map[string]any{"zoneId": "asia-east-1a", "osType": "any"}, []string{"generic-ipxe"}},
		{"zec", "DescribeImages", "dataSet", "imageId", map[string]any{"zoneId": "asia-east-1a", "category": "Ubuntu", "imageName": "24.04"},
			[]string{"ubuntu-24.04", "ubuntu2404_20240712"}},
		{"zec", "DescribeImages", "dataSet", "imageId", map[string]any{"zoneId": "eu-west-1a", "imageIds": []string{"debian-12"}}, []string{"debian-12"}},
		{"zec", "DescribeImages", "dataSet", "imageId", map[string]any{"zoneId": "eu-west-1a", "imageType": "CUSTOM_IMAGE"}, []string{}},
		{"zec", "DescribeImages", "dataSet", "imageId", map[string]any{"zoneId": "eu-west-1a", "pageSize": 2, "pageNum": 2},
			[]string{"rocky-9", "ubuntu-22.04"}},
		{"zec", "DescribeZoneInstanceConfigInfos", "instanceTypeQuotaSet", "instanceType",
			map[string]any{"instanceType": "z2a.mem.4"},
			[]string{"asia-east-1a z2a.mem.4", "asia-southeast-1a z2a.mem.4", "na-west-1a z2a.mem.4", "eu-west-1a z2a.mem.4"}},
		{"zec", "DescribeZoneInstanceConfigInfos", "instanceTypeQuotaSet", "instanceType",
			map[string]any{"zoneId": "na-west-1a", "instanceType": "z9.none"}, []string{}},
		{"ccs", "DescribeKeyPairs", "dataSet", "keyId", map[string]any{"keyName": "ACC"}, []string{"key-acc"}},
		{"ccs", "DescribeKeyPairs", "dataSet", "keyId", map[string]any{"keyIds": []string{"key-demo", "key-none"}}, []string{"key-demo"}},
	} {
		if got := lookupIDs(t, s, c.service, c.action, c.list, c.idField, c.body); !slices.Equal(got, c.want) {
			t.Errorf("%s %v: %v, want %v", c.action, c.body, got, c.want)
		}
	}
}

func TestZECLookups_refused(t *testing.T) {
	s := startContractServer(t)
	for _, c := range []struct {
		action string
		body   map[string]any
		code   string
	}{
		{"DescribeImages", map[string]any{}, codeMissingParameter},
		{"DescribeImages", map[string]any{"zoneId": "nowhere"}, codeZoneNotFound},
		{"DescribeImages", map[string]any{"zoneId": "asia-east-1a", "osType": "Linux"}, codeInvalidValue},
		{"DescribeZoneInstanceConfigInfos", map[string]any{"zoneId": "nowhere"}, codeZoneNotFound},
	} {
		if status, ans := postSigned(t, s, "zec", "2025-09-01", c.action, c.body); status != http.StatusBadRequest || ans["code"] != c.code {
			t.Errorf("%s %v: %d %v, want 400 %s", c.action, c.body, status, ans["code"], c.code)
		}
	}
}
