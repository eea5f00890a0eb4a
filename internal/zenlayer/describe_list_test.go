package zenlayer

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

// describeList decodes the one list of an answer as a struct of the call's
// own would: by its JSON name, other fields ignored, a missing or null list
// nil, and a wrong type named by its field path.
func TestDescribeList(t *testing.T) {
	for _, tc := range []struct {
		name, response string
		want           []BMCZone
		wantProblem    string
	}{
		{"list", `{"requestId":"r","zoneSet":[{"zoneId":"SEL-A","zoneName":"Seoul"}],"totalCount":1}`,
			[]BMCZone{{ZoneID: "SEL-A", ZoneName: "Seoul"}}, ""},
		{"missing", `{"requestId":"r"}`, nil, ""},
		{"null", `{"zoneSet":null}`, nil, ""},
		{"wrong type", `{"zoneSet":[{"zoneId":7}]}`, nil, "field zoneSet.zoneId of the answer is a JSON number, the client expects a string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				if got := r.Header.Get("X-ZC-Action"); got != "DescribeZones" {
					t.Errorf("action %q", got)
				}
				writeEnvelope(w, tc.response)
			})
			got, err := c.DescribeBMCZones(context.Background())
			if tc.wantProblem != "" {
				var ae *APIError
				if !errors.As(err, &ae) || ae.Code != CodeMalformedResponse || !strings.Contains(ae.Message, tc.wantProblem) {
					t.Fatalf("err = %v, want a malformed answer: %s", err, tc.wantProblem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
				t.Fatalf("zones = %+v, want %+v", got, tc.want)
			}
		})
	}
}
