package huaweicloud

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestNextMarker(t *testing.T) {
	for next, want := range map[string]string{
		"":                                     "",
		"  ":                                   "",
		"3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b": "3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b",
		"opaque+token/with:chars":              "opaque+token/with:chars",
		"https://clouddc.cn-north-4.myhuaweicloud.com/v1/p1/instances?limit=50&marker=i-42&instance_state=running": "i-42",
		"/v1/p1/instances?marker=i-43&limit=10": "i-43",
		"?limit=10&marker=i-44":                 "i-44",
		"marker=i-45&limit=10":                  "i-45",
		"limit=10&marker=a%2Fb%3Dc":             "a/b=c",
	} {
		got, err := nextMarker(next)
		if err != nil || got != want {
			t.Errorf("nextMarker(%q) = %q, %v; want %q", next, got, err, want)
		}
	}
	for _, bad := range []string{"https://clouddc.example/v1/p1/instances?limit=10", "limit=10&offset=20", "https://[::1/instances?marker=x"} {
		if got, err := nextMarker(bad); err == nil {
			t.Errorf("nextMarker(%q) = %q, want an error", bad, got)
		}
	}
}

// ListInstances follows next_marker whether the API answers the next
// page's address or a bare marker, and sends only the marker on.
func TestListInstancesFollowsNextMarker(t *testing.T) {
	for name, form := range map[string]func(host, marker string) string{
		"url":   func(host, m string) string { return "https://" + host + "/v1/p1/instances?limit=2&marker=" + m },
		"query": func(_, m string) string { return "limit=2&marker=" + m },
		"bare":  func(_, m string) string { return m },
	} {
		t.Run(name, func(t *testing.T) {
			ids := []string{"i-1", "i-2", "i-3", "i-4", "i-5"}
			var markers []string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				marker := r.URL.Query().Get("marker")
				markers = append(markers, marker)
				start := 0
				for i, id := range ids {
					if id == marker {
						start = i + 1
					}
				}
				end := min(start+2, len(ids))
				var items []string
				for _, id := range ids[start:end] {
					items = append(items, fmt.Sprintf(`{"id":%q,"state":"running"}`, id))
				}
				next := ""
				if end < len(ids) {
					next = form(r.Host, ids[end-1])
				}
				w.Header().Set("Content-Type", "application/json")
				_, _ = fmt.Fprintf(w, `{"instances":[%s],"page_info":{"next_marker":%q,"current_count":%d},"count":%d}`, strings.Join(items, ","), next, end-start, len(ids))
			}))
			defer srv.Close()
			c, err := New(Config{Region: "cn-north-4", ProjectID: "p1", CloudDCEndpoint: srv.URL, Credentials: Credentials{Token: "tok"}})
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.ListInstances(context.Background(), ListInstancesRequest{Limit: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(ids) {
				t.Errorf("listed %d instances, want %d", len(got), len(ids))
			}
			if want := []string{"", "i-2", "i-4"}; strings.Join(markers, ",") != strings.Join(want, ",") {
				t.Errorf("markers sent %q, want %q", markers, want)
			}
		})
	}
}
