package huaweicloud

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// markerPage is the answer of one page of a marker-paged listing
// (ListInstances, ListServers).
type markerPage[T any] interface {
	// items is the page's list: nil when the answer has none, which would
	// otherwise read as "nothing listed" (and so as "not found").
	items() *[]T
	// next is the page's page_info.next_marker.
	next() string
}

// listPages lists every object of a marker-paged CloudDC listing: a GET
// of path with the filters q, limit objects a page (ListPageSize when 0),
// each page's answer an A. An object listed on two pages (the list changed
// between them) is kept once; list names the answer's list in the error of
// an answer without it.
func listPages[T any, A markerPage[T]](ctx context.Context, c *Client, operation, path, list string, q url.Values, limit int, id func(*T) string) ([]T, error) {
	if limit <= 0 {
		limit = ListPageSize
	}
	q.Set("limit", strconv.Itoa(limit))
	var all []T
	seen := map[string]bool{}
	for page := 0; ; page++ {
		var out A
		if err := c.call(ctx, request{service: "clouddc", operation: operation, method: http.MethodGet, path: path, query: q, idempotent: true}, &out); err != nil {
			return nil, err
		}
		items := out.items()
		if items == nil {
			return nil, &APIError{Service: "clouddc", Operation: operation, HTTPStatus: http.StatusOK, Code: CodeMalformedResponse,
				Message: "the answer has no " + list + " list"}
		}
		for i := range *items {
			if item := &(*items)[i]; !seen[id(item)] {
				seen[id(item)] = true
				all = append(all, *item)
			}
		}
		next, err := nextMarker(out.next())
		if err != nil {
			return nil, &APIError{Service: "clouddc", Operation: operation, HTTPStatus: http.StatusOK, Code: CodeMalformedResponse, Message: err.Error()}
		}
		if next == "" || len(*items) == 0 || next == q.Get("marker") || page > 10000 {
			return all, nil
		}
		q.Set("marker", next)
	}
}

// nextMarker is the marker of the next page from ListInstances'
// page_info.next_marker, which the API documents as the next page's query
// address. It is taken as opaque: a URL or a query string gives the value
// of its marker parameter; anything else is a bare marker, used as it is.
// An address without a marker parameter cannot be followed with ours: it
// is an error rather than a silently short list.
func nextMarker(next string) (string, error) {
	next = strings.TrimSpace(next)
	if next == "" {
		return "", nil
	}
	var query string
	switch {
	case strings.Contains(next, "://") || strings.HasPrefix(next, "/") || strings.HasPrefix(next, "?"):
		u, err := url.Parse(next)
		if err != nil {
			return "", fmt.Errorf("page_info.next_marker %q is not a URL: %w", next, err)
		}
		query = u.RawQuery
	case strings.Contains(next, "="):
		query = next
	default:
		return next, nil
	}
	values, err := url.ParseQuery(query)
	if err != nil {
		return "", fmt.Errorf("page_info.next_marker %q is not a query: %w", next, err)
	}
	if m := values.Get("marker"); m != "" {
		return m, nil
	}
	return "", fmt.Errorf("page_info.next_marker %q names no marker", next)
}
