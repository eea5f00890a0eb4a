package transport

import (
	"net/http"
	"time"
)

// HTTPConfig is how a client of an API talks HTTP: the settings that
// zenlayer.Config and huaweicloud.Config both embed.
type HTTPConfig struct {
	// Timeout bounds one HTTP exchange (default 60s).
	Timeout time.Duration
	// InsecureSkipVerify turns the check of the servers' TLS certificates
	// off; the clients refuse it unless every endpoint in use is a
	// loopback address (see InsecureRefusedError).
	InsecureSkipVerify bool
	UserAgent          string
	// HTTPClient, if set, is used as it is (tests).
	HTTPClient *http.Client
	Retry      Policy
	// Now is the clock of request timestamps and token expiries (default time.Now).
	Now func() time.Time
}

// Client sets the defaults of the fields left unset and returns the HTTP
// client to send with: HTTPClient if set, else one bounded by Timeout
// over NewHTTPTransport.
func (h *HTTPConfig) Client() *http.Client {
	if h.Timeout <= 0 {
		h.Timeout = 60 * time.Second
	}
	if h.UserAgent == "" {
		h.UserAgent = UserAgent("dev", "")
	}
	if h.Now == nil {
		h.Now = time.Now
	}
	if h.HTTPClient != nil {
		return h.HTTPClient
	}
	return &http.Client{Timeout: h.Timeout, Transport: NewHTTPTransport(h.InsecureSkipVerify)}
}
