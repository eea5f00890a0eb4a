package zenlayer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// Service is one API 2.0 service and the version the client speaks.
type Service struct {
	Name    string
	Version string
}

var (
	// ZEC is Zenlayer Elastic Compute.
	ZEC = Service{Name: "zec", Version: "2025-09-01"}
	// BMC is Zenlayer Bare Metal Cloud.
	BMC = Service{Name: "bmc", Version: "2022-11-20"}
)

const (
	// DefaultDomain is the public API endpoint.
	DefaultDomain = "console.zenlayer.com"
	contentType   = "application/json"
	// maxResponseBytes bounds what the client reads of one answer.
	maxResponseBytes = 16 << 20
)

// InsecureSwitch is the provider setting behind Config.InsecureSkipVerify.
var InsecureSwitch = transport.InsecureSwitch{Attr: "zenlayer.insecure", Env: "ZENLAYERCLOUD_INSECURE"}

// Config configures a Client.
type Config struct {
	AccessKeyID       string
	AccessKeyPassword string
	// Domain is host[:port] of the API (default console.zenlayer.com).
	Domain string
	// Scheme is "https" (default) or "http"; plain HTTP only to a loopback domain.
	Scheme string
	// HTTPConfig: its InsecureSkipVerify is refused unless Domain is a
	// loopback address.
	transport.HTTPConfig
	// BatchWindow is how long concurrent lookups by id (and releases) wait
	// to be sent as one call; 0 turns the coalescing off.
	BatchWindow time.Duration
}

// Client calls the Zenlayer API. It is safe for concurrent use.
type Client struct {
	cfg      Config
	http     *http.Client
	endpoint string

	// Coalesced lookups and releases (see lookups.go).
	diskLookup        *Coalescer[*Disk]
	zecInstanceLookup *Coalescer[*Instance]
	zecRelease        *Coalescer[struct{}]
	bmcInstanceLookup *Coalescer[*BMCInstance]
	bmcRelease        *Coalescer[struct{}]

	// Listings that answer Reads in a refresh storm (see snapshot.go).
	diskSnap        *snapshot[*Disk]
	zecInstanceSnap *snapshot[*Instance]
	bmcInstanceSnap *snapshot[*BMCInstance]
}

// New checks cfg and returns a client.
func New(cfg Config) (*Client, error) {
	if cfg.AccessKeyID == "" || cfg.AccessKeyPassword == "" {
		return nil, errors.New("zenlayer: access key id and access key password are required")
	}
	if cfg.Domain == "" {
		cfg.Domain = DefaultDomain
	}
	if strings.Contains(cfg.Domain, "/") {
		return nil, fmt.Errorf("zenlayer: domain %q must be a host name with an optional port, without a scheme or path", cfg.Domain)
	}
	cfg.Scheme = strings.ToLower(cfg.Scheme)
	if cfg.Scheme == "" {
		cfg.Scheme = "https"
	}
	switch cfg.Scheme {
	case "https":
	case "http":
		if !transport.IsLoopbackHost(cfg.Domain) {
			return nil, fmt.Errorf("zenlayer: plain HTTP is refused for %q: it would send signed requests unencrypted; use HTTPS (HTTP is allowed only for a loopback address such as a local emulator)", cfg.Domain)
		}
	default:
		return nil, fmt.Errorf("zenlayer: scheme %q is not HTTP or HTTPS", cfg.Scheme)
	}
	if cfg.InsecureSkipVerify && !transport.IsLoopbackHost(cfg.Domain) {
		return nil, &transport.InsecureRefusedError{Switch: InsecureSwitch, What: strconv.Quote(cfg.Domain)}
	}
	hc := cfg.Client()
	c := &Client{cfg: cfg, http: hc, endpoint: cfg.Scheme + "://" + cfg.Domain + "/api/v2/"}
	c.initLookups()
	c.initSnapshots()
	return c, nil
}

type callOptions struct {
	idempotent bool
	secrets    []string
}

// CallOption changes how one call is made.
type CallOption func(*callOptions)

// NotIdempotent marks a call that must not be sent twice when its outcome
// is unknown (creates: the API has no idempotency token). Such a call is
// retried only when the server surely did not act on it: a rate-limit
// refusal, or a connection that failed before the request was sent.
func NotIdempotent() CallOption { return func(o *callOptions) { o.idempotent = false } }

// Secret names values the request carries (an instance's password) that,
// like the access key password, must appear in no log line and in no error
// of the call.
func Secret(values ...string) CallOption {
	return func(o *callOptions) { o.secrets = append(o.secrets, values...) }
}

// MaskLogs returns ctx whose log lines (tflog) mask the client's secrets
// (the access key password) and extra, for code that logs around its calls.
// Call applies it to every call by itself.
func (c *Client) MaskLogs(ctx context.Context, extra ...string) context.Context {
	return transport.MaskLogs(ctx, append([]string{c.cfg.AccessKeyPassword}, extra...)...)
}

type envelope struct {
	RequestID string          `json:"requestId"`
	Response  json.RawMessage `json:"response"`
	Code      string          `json:"code"`
	Message   string          `json:"message"`
}

// Call performs action on svc with input in, decoding the response into out
// (which may be nil). Retries happen here and nowhere else. Its log lines
// mask the client's secrets and the call's (see Secret), and so does the
// text of an error answer, in case the server echoes one.
func (c *Client) Call(ctx context.Context, svc Service, action string, in, out any, opts ...CallOption) error {
	o := callOptions{idempotent: true}
	for _, opt := range opts {
		opt(&o)
	}
	ctx = c.MaskLogs(ctx, o.secrets...)
	err := c.call(ctx, svc, action, in, out, o)
	var ae *APIError
	if errors.As(err, &ae) {
		ae.Code, ae.Message, ae.RequestID = transport.RedactAnswer(append([]string{c.cfg.AccessKeyPassword}, o.secrets...), ae.Code, ae.Message, ae.RequestID)
	}
	return err
}

func (c *Client) call(ctx context.Context, svc Service, action string, in, out any, o callOptions) error {
	if in == nil {
		in = struct{}{}
	}
	body, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("zenlayer %s %s: encoding request: %w", svc.Name, action, err)
	}
	if !strings.HasPrefix(action, "Describe") {
		// A change: listings taken before it (or while it runs) are stale.
		c.dropSnapshots(svc)
		defer c.dropSnapshots(svc)
	}
	return c.cfg.Retry.Run(ctx, func(ctx context.Context, attempt int) (transport.Verdict, error) {
		return c.do(ctx, svc, action, body, out, o, attempt)
	}, func(attempt int, delay time.Duration, reason string, err error) {
		tflog.Warn(ctx, "retrying Zenlayer API call", map[string]any{
			"service": svc.Name, "action": action, "attempt": attempt, "delay_ms": delay.Milliseconds(), "reason": reason, "error": err.Error(),
		})
	})
}

func (c *Client) do(ctx context.Context, svc Service, action string, body []byte, out any, o callOptions, attempt int) (transport.Verdict, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+svc.Name, bytes.NewReader(body))
	if err != nil {
		return transport.Verdict{}, fmt.Errorf("zenlayer %s %s: %w", svc.Name, action, err)
	}
	ts := c.cfg.Now().Unix()
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-ZC-Action", action)
	req.Header.Set("X-ZC-Version", svc.Version)
	req.Header.Set("X-ZC-Service", svc.Name)
	req.Header.Set("X-ZC-Timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("X-ZC-Signature-Method", SignatureMethod)
	req.Header.Set("X-ZC-Request-Client", RequestClient(c.cfg.UserAgent))
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	sig := Sign(c.cfg.AccessKeyPassword, http.MethodPost, contentType, req.URL.Host, ts, body)
	req.Header.Set("Authorization", Authorization(c.cfg.AccessKeyID, sig))

	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		v, err := transport.SendFailure(ctx, req, err, o.idempotent, InsecureSwitch)
		return v, fmt.Errorf("zenlayer %s %s: %w", svc.Name, action, err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, readErr := transport.ReadAnswer(resp, maxResponseBytes)
	fields := map[string]any{
		"service": svc.Name, "action": action, "attempt": attempt, "http_status": resp.StatusCode,
		"duration_ms": time.Since(start).Milliseconds(),
	}
	tooLarge := errors.Is(readErr, transport.ErrAnswerTooLarge)
	if readErr != nil && !tooLarge {
		tflog.Debug(ctx, "Zenlayer API call: reading response failed", fields)
		v := transport.TransportVerdict(ctx, readErr, o.idempotent)
		return v, fmt.Errorf("zenlayer %s %s: reading response: %w", svc.Name, action, readErr)
	}
	var v transport.Verdict
	if tooLarge {
		// Refused, never decoded (and, like any answer the client cannot
		// use, not retried: see decodeAnswer).
		err = &APIError{Service: svc.Name, Action: action, HTTPStatus: resp.StatusCode, Code: CodeMalformedResponse,
			Message: transport.TooLarge(action, maxResponseBytes), RequestID: firstNonEmpty(resp.Header.Get("X-ZC-Request-Id"), scrapeRequestID(raw))}
	} else {
		v, err = decodeAnswer(svc, action, resp.StatusCode, resp.Header, raw, out, o.idempotent)
	}
	fields["request_id"] = requestIDOf(err, resp.Header, raw)
	tflog.Debug(ctx, "Zenlayer API call", fields)
	return v, err
}

// decodeAnswer turns one HTTP answer into the action's output or a typed
// error, and says whether the call may be retried. It never panics on
// hostile input (fuzzed in client_fuzz_test.go).
//
// A 200 answer it cannot use (not JSON, cut short, fields of the wrong
// type; do refuses one larger than maxResponseBytes the same way) is a
// CodeMalformedResponse error naming
// the action, the status, the requestId if one can be found and the start
// of the body. It is not retried, reads included: such an answer comes from
// something between the client and the API (a proxy, a captive portal) or
// from an API change, which a second try does not fix. For a create it is
// ambiguous (see Ambiguous): the API may have acted before its answer went
// wrong, so the object is looked up by its create token, never re-sent.
// Any other status the API does not document (418, an HTML page) is an
// HTTP_<status> error, retried only as its status allows (429, 5xx).
func decodeAnswer(svc Service, action string, status int, header http.Header, raw []byte, out any, idempotent bool) (transport.Verdict, error) {
	var env envelope
	jsonErr := json.Unmarshal(raw, &env)
	if env.RequestID == "" {
		env.RequestID = firstNonEmpty(header.Get("X-ZC-Request-Id"), scrapeRequestID(raw))
	}
	// A hostile body must not flood the diagnostics.
	env.Code, env.Message, env.RequestID = transport.ClipAnswer(env.Code, env.Message, env.RequestID)

	if status != http.StatusOK || env.Code != "" {
		apiErr := &APIError{Service: svc.Name, Action: action, HTTPStatus: status, Code: env.Code, Message: env.Message, RequestID: env.RequestID}
		if jsonErr != nil || env.Code == "" {
			apiErr.Code = "HTTP_" + strconv.Itoa(status)
			apiErr.Message = "unexpected answer"
			if ct := header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, contentType) {
				apiErr.Message += " (" + http.StatusText(status) + ", Content-Type " + transport.Excerpt([]byte(ct)) + ")"
			}
			apiErr.Message += ": " + transport.Excerpt(raw)
		}
		v := transport.Verdict{Reason: apiErr.Code}
		switch {
		case status == http.StatusUnauthorized || status == http.StatusForbidden:
			// Never retried: a bad signature stays bad.
		case env.Code == CodeRequestLimitExceeded || status == http.StatusTooManyRequests:
			v.Retry = true
			v.After = transport.ParseRetryAfter(header.Get("Retry-After"), time.Now())
		case slices.Contains(retryableCodes, env.Code) || transport.StatusRetryable(status, true):
			v.Retry = idempotent
		}
		return v, apiErr
	}
	malformed := func(problem string, body []byte) error {
		return &APIError{Service: svc.Name, Action: action, HTTPStatus: status, Code: CodeMalformedResponse,
			Message: problem + ": " + transport.Excerpt(body), RequestID: env.RequestID}
	}
	if jsonErr != nil {
		return transport.Verdict{}, malformed(transport.DecodeProblem(jsonErr), raw)
	}
	hasResponse := len(env.Response) > 0 && string(env.Response) != "null"
	switch {
	case out != nil && !hasResponse:
		return transport.Verdict{}, malformed("the answer has no \"response\" object", raw)
	case out != nil:
		if err := json.Unmarshal(env.Response, out); err != nil {
			return transport.Verdict{}, malformed(transport.DecodeProblem(err)+" (in \"response\")", env.Response)
		}
	case hasResponse:
		// Even an answer whose fields the caller does not read must be the
		// envelope of a success: an object, its requestId a string.
		var inner struct {
			RequestID string `json:"requestId"`
		}
		if err := json.Unmarshal(env.Response, &inner); err != nil {
			return transport.Verdict{}, malformed(transport.DecodeProblem(err)+" (in \"response\")", env.Response)
		}
	}
	return transport.Verdict{}, nil
}

// requestIDPattern finds a requestId in an answer that is not valid JSON
// (cut short, say), for the error message.
var requestIDPattern = regexp.MustCompile(`"requestId"\s*:\s*"([A-Za-z0-9._:-]{1,80})"`)

func scrapeRequestID(raw []byte) string {
	if m := requestIDPattern.FindSubmatch(raw[:min(len(raw), 4096)]); m != nil {
		return string(m[1])
	}
	return ""
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// requestIDOf finds the request id of an answer for the logs.
func requestIDOf(err error, header http.Header, raw []byte) string {
	var ae *APIError
	if errors.As(err, &ae) && ae.RequestID != "" {
		return ae.RequestID
	}
	var env struct {
		RequestID string `json:"requestId"`
	}
	if json.Unmarshal(raw, &env) == nil && env.RequestID != "" {
		return env.RequestID
	}
	return header.Get("X-ZC-Request-Id")
}
