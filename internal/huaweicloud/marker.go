package huaweicloud

import (
	"fmt"
	"net/url"
	"strings"
)

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
