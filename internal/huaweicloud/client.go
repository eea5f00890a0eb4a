package huaweicloud

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

const (
	// DefaultCloudDCEndpoint and DefaultIAMEndpoint are the public endpoints; %s is the region.
	DefaultCloudDCEndpoint = "https://clouddc.%s.myhuaweicloud.com"
	DefaultIAMEndpoint     = "https://iam.%s.myhuaweicloud.com/v3"

	contentTypeJSON     = "application/json"
	contentTypeJSONBody = "application/json;charset=UTF-8"
	// maxResponseBytes bounds what the client reads of one answer.
	maxResponseBytes = 16 << 20
	// defaultTokenRenewBefore is how long before its expiry an IAM token is renewed.
	defaultTokenRenewBefore = 5 * time.Minute
)

// InsecureSwitch is the provider setting behind Config.InsecureSkipVerify.
var InsecureSwitch = transport.InsecureSwitch{Attr: "huaweicloud.insecure", Env: "HW_INSECURE"}

// AuthMethod is how the client authenticates.
type AuthMethod string

// The three ways to authenticate.
const (
	AuthToken    AuthMethod = "token"
	AuthAKSK     AuthMethod = "aksk"
	AuthPassword AuthMethod = "password"
)

// Credentials hold exactly one of: a token; an access key and secret key
// (with a security token when they are temporary); a user name, password
// and domain (account) name.
type Credentials struct {
	Token     string
	AccessKey string
	SecretKey string
	// SecurityToken makes AccessKey and SecretKey temporary credentials
	// (from STS or IAM's temporary access keys): it is sent as
	// X-Security-Token and signed with the request, as the SDK does.
	SecurityToken string
	UserName      string
	Password      string
	DomainName    string
}

// Method says which method the credentials are for, or why they are not usable.
func (c Credentials) Method() (AuthMethod, error) {
	var methods []AuthMethod
	if c.Token != "" {
		methods = append(methods, AuthToken)
	}
	if c.AccessKey != "" || c.SecretKey != "" {
		methods = append(methods, AuthAKSK)
	}
	if c.UserName != "" || c.Password != "" {
		methods = append(methods, AuthPassword)
	}
	switch len(methods) {
	case 0:
		return "", errors.New("huaweicloud: no credentials: set a token, an access key and secret key, or a user name, password and domain name")
	case 1:
	default:
		return "", fmt.Errorf("huaweicloud: conflicting credentials for %d authentication methods (%v): set only one", len(methods), methods)
	}
	if c.SecurityToken != "" && methods[0] != AuthAKSK {
		return "", errors.New("huaweicloud: a security token belongs to temporary AK/SK credentials: set it with the access key and secret key only")
	}
	switch methods[0] {
	case AuthAKSK:
		if c.AccessKey == "" || c.SecretKey == "" {
			return "", errors.New("huaweicloud: AK/SK authentication needs both the access key and the secret key")
		}
	case AuthPassword:
		if c.UserName == "" || c.Password == "" || c.DomainName == "" {
			return "", errors.New("huaweicloud: password authentication needs the user name, the password and the domain (account) name")
		}
	}
	return methods[0], nil
}

// Config configures a Client.
type Config struct {
	// Region, for example cn-east-3: it names the default endpoints and, for
	// password authentication without a project id, the project to scope the token to.
	Region string
	// ProjectID is the project of the CloudDC resources. It may be empty
	// with password authentication: the token's project is used then.
	ProjectID string
	// CloudDCEndpoint and IAMEndpoint are base URLs (defaults from Region).
	// The IAM endpoint is the Keystone v3 root, ending in /v3 (as HW_AUTH_URL).
	CloudDCEndpoint string
	IAMEndpoint     string
	Credentials     Credentials
	// HTTPConfig: its InsecureSkipVerify is refused unless every endpoint
	// in use (CloudDC, and IAM with password authentication) is a loopback
	// address; its Now dates X-Sdk-Date and token expiries.
	transport.HTTPConfig
	// TokenRenewBefore is how long before its expiry an IAM token is
	// renewed (default 5 minutes; at most half the token's lifetime).
	TokenRenewBefore time.Duration
}

// Client calls Huawei Cloud. It is safe for concurrent use.
type Client struct {
	cfg     Config
	method  AuthMethod
	http    *http.Client
	clouddc *url.URL
	iam     *url.URL
	tokens  *tokenSource
}

// New checks cfg and returns a client.
func New(cfg Config) (*Client, error) {
	method, err := cfg.Credentials.Method()
	if err != nil {
		return nil, err
	}
	if cfg.Region == "" && (cfg.CloudDCEndpoint == "" || (method == AuthPassword && cfg.IAMEndpoint == "")) {
		return nil, errors.New("huaweicloud: a region is required unless every endpoint is given")
	}
	if cfg.ProjectID == "" && method != AuthPassword {
		return nil, errors.New("huaweicloud: a project id is required with token and AK/SK authentication")
	}
	if cfg.ProjectID == "" && cfg.Region == "" {
		return nil, errors.New("huaweicloud: a project id or a region (the project name) is required")
	}
	if cfg.CloudDCEndpoint == "" {
		cfg.CloudDCEndpoint = fmt.Sprintf(DefaultCloudDCEndpoint, cfg.Region)
	}
	if cfg.IAMEndpoint == "" && cfg.Region != "" {
		cfg.IAMEndpoint = fmt.Sprintf(DefaultIAMEndpoint, cfg.Region)
	}
	c := &Client{cfg: cfg, method: method}
	if c.clouddc, err = parseEndpoint("CloudDC", cfg.CloudDCEndpoint); err != nil {
		return nil, err
	}
	if method == AuthPassword {
		if c.iam, err = parseEndpoint("IAM", cfg.IAMEndpoint); err != nil {
			return nil, err
		}
		c.tokens = newTokenSource(c)
	}
	if cfg.InsecureSkipVerify {
		for _, ep := range []struct {
			name string
			u    *url.URL
			raw  string
		}{{"CloudDC", c.clouddc, cfg.CloudDCEndpoint}, {"IAM", c.iam, cfg.IAMEndpoint}} {
			if ep.u != nil && !transport.IsLoopbackHost(ep.u.Host) {
				return nil, &transport.InsecureRefusedError{Switch: InsecureSwitch, What: fmt.Sprintf("the %s endpoint %q", ep.name, ep.raw)}
			}
		}
	}
	if c.cfg.TokenRenewBefore <= 0 {
		c.cfg.TokenRenewBefore = defaultTokenRenewBefore
	}
	c.http = c.cfg.Client()
	return c, nil
}

// parseEndpoint checks an endpoint URL: HTTPS, or plain HTTP to a loopback host only.
func parseEndpoint(name, raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("huaweicloud: the %s endpoint %q is not a URL such as https://host[:port][/path]", name, raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("huaweicloud: the %s endpoint %q must not have a query, a fragment or user information", name, raw)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if !transport.IsLoopbackHost(u.Host) {
			return nil, fmt.Errorf("huaweicloud: plain HTTP is refused for the %s endpoint %q: it would send credentials unencrypted; "+
				"use HTTPS (HTTP is allowed only for a loopback address such as a local emulator)", name, raw)
		}
	default:
		return nil, fmt.Errorf("huaweicloud: the %s endpoint %q must use https://", name, raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u, nil
}

// Method is the authentication method in use.
func (c *Client) Method() AuthMethod { return c.method }

// request is one API call.
type request struct {
	service   string // "clouddc"
	operation string // "DeleteInstance"
	method    string
	// path follows /v1/{project_id}.
	path  string
	query url.Values
	body  any
	// idempotent calls are retried after 5xx and connection errors.
	idempotent bool
	// secrets are values the request carries (an instance's password) that
	// must appear in no log line and no error of the call.
	secrets []string
}

// secrets are the client's secrets (the secret key, the IAM password, the
// static token and the current IAM token) and extra.
func (c *Client) secrets(extra ...string) []string {
	cr := c.cfg.Credentials
	list := append([]string{cr.SecretKey, cr.Password, cr.Token, cr.SecurityToken}, extra...)
	if c.tokens != nil {
		list = append(list, c.tokens.current())
	}
	return list
}

// MaskLogs returns ctx whose log lines (tflog) mask the client's secrets
// (secret key, IAM password, tokens) and extra, for code that logs around
// its calls. Every call applies it by itself.
func (c *Client) MaskLogs(ctx context.Context, extra ...string) context.Context {
	return transport.MaskLogs(ctx, c.secrets(extra...)...)
}

// redact removes the client's secrets and extra from the text of an error
// answer (a server may echo one back), which becomes a diagnostic.
func (c *Client) redact(err error, extra ...string) error {
	var ae *APIError
	if errors.As(err, &ae) {
		ae.Code, ae.Message, ae.RequestID = transport.RedactAnswer(c.secrets(extra...), ae.Code, ae.Message, ae.RequestID)
	}
	return err
}

// call performs r, decoding a 2xx JSON answer into out (which may be nil).
// 429 / 5xx / connection retries happen in the transport policy; a 401
// with an IAM token renews the token once and sends the request once more.
// Its log lines mask the client's secrets and the request's, and so does
// the text of an error answer, in case the server echoes one.
func (c *Client) call(ctx context.Context, r request, out any) error {
	ctx = c.MaskLogs(ctx, r.secrets...)
	var body []byte
	if r.body != nil {
		var err error
		if body, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("huaweicloud %s %s: encoding request: %w", r.service, r.operation, err)
		}
	}
	for renewed := false; ; renewed = true {
		var usedToken string
		err := c.cfg.Retry.Run(ctx, func(ctx context.Context, attempt int) (transport.Verdict, error) {
			return c.once(ctx, r, body, out, attempt, &usedToken)
		}, func(attempt int, delay time.Duration, reason string, err error) {
			// Masked again: an IAM token obtained during the call is a secret too.
			tflog.Warn(c.MaskLogs(ctx, r.secrets...), "retrying Huawei Cloud API call", map[string]any{
				"service": r.service, "operation": r.operation, "attempt": attempt, "delay_ms": delay.Milliseconds(), "reason": reason, "error": err.Error(),
			})
		})
		if err == nil || renewed || c.tokens == nil || usedToken == "" || !IsAuthError(err) {
			return c.redact(err, r.secrets...)
		}
		// The IAM token was refused (expired early, revoked): get a new
		// one and try once more. A second 401 is final: no retry storm.
		tflog.Info(ctx, "Huawei Cloud refused the IAM token; renewing it and retrying once", map[string]any{
			"service": r.service, "operation": r.operation,
		})
		c.tokens.invalidate(usedToken)
	}
}

func (c *Client) once(ctx context.Context, r request, body []byte, out any, attempt int, usedToken *string) (transport.Verdict, error) {
	projectID := c.cfg.ProjectID
	token := c.cfg.Credentials.Token
	if c.tokens != nil {
		tok, pid, err := c.tokens.get(ctx)
		if err != nil {
			return transport.Verdict{}, err
		}
		token, *usedToken = tok, tok
		if projectID == "" {
			projectID = pid
		}
	}
	u := *c.clouddc
	u.Path = strings.TrimRight(u.Path, "/") + "/v1/" + projectID + r.path
	u.RawPath = ""
	u.RawQuery = CanonicalQueryString(r.query)
	var rdr io.Reader
	if body != nil {
		rdr = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), rdr)
	if err != nil {
		return transport.Verdict{}, fmt.Errorf("huaweicloud %s %s: %w", r.service, r.operation, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", contentTypeJSONBody)
	} else {
		req.Header.Set("Content-Type", contentTypeJSON)
	}
	req.Header.Set("X-Project-Id", projectID)
	switch c.method {
	case AuthAKSK:
		if err := c.sign(req, u.Path, r.query, body); err != nil {
			return transport.Verdict{}, err
		}
	default:
		req.Header.Set("X-Auth-Token", token)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", contentTypeJSON)

	ans, verdict, err := c.exchange(ctx, req, r.service, r.operation, r.idempotent, attempt)
	if err != nil {
		return verdict, err
	}
	if ans.status < 200 || ans.status > 299 {
		apiErr := decodeError(r.service, r.operation, ans.status, ans.header, ans.body)
		apiErr.Hint = c.hint(ans.status)
		return statusVerdict(ans, r.idempotent, apiErr.Code), apiErr
	}
	if out != nil {
		if err := decodeBody(r.service, r.operation, ans, out); err != nil {
			return transport.Verdict{}, err
		}
	}
	return transport.Verdict{}, nil
}

// sign adds X-Sdk-Date (and X-Security-Token for temporary credentials)
// and the SDK-HMAC-SHA256 Authorization to req. The signed headers are
// host, x-project-id, x-sdk-date and x-security-token: the SDK adds the
// security token before it signs (core/auth/basic/basic_icredential.go
// ProcessAuthRequest). Content-Type is never signed, and User-Agent and
// Accept are set after signing.
func (c *Client) sign(req *http.Request, path string, query url.Values, body []byte) error {
	if tok := c.cfg.Credentials.SecurityToken; tok != "" {
		req.Header.Set(HeaderSecurityToken, tok)
	}
	req.Header.Set(HeaderSdkDate, c.cfg.Now().UTC().Format(SdkDateFormat))
	h := req.Header.Clone()
	h.Set("Host", req.URL.Host)
	sig, err := Sign(SignInput{Method: req.Method, Path: path, Query: query, Header: h, Body: body}, c.cfg.Credentials.SecretKey)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", sig.Authorization(c.cfg.Credentials.AccessKey))
	return nil
}

// answer is an HTTP answer, read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// exchange sends req and reads the answer; a transport failure comes with
// its retry verdict.
func (c *Client) exchange(ctx context.Context, req *http.Request, service, operation string, idempotent bool, attempt int) (answer, transport.Verdict, error) {
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		v, err := transport.SendFailure(ctx, req, err, idempotent, InsecureSwitch)
		return answer{}, v, fmt.Errorf("huaweicloud %s %s: %w", service, operation, err)
	}
	raw, readErr := transport.ReadAnswer(resp, maxResponseBytes)
	_ = resp.Body.Close()
	ans := answer{status: resp.StatusCode, header: resp.Header, body: raw}
	tflog.Debug(ctx, "Huawei Cloud API call", map[string]any{
		"service": service, "operation": operation, "method": req.Method, "path": req.URL.Path, "attempt": attempt,
		"http_status": ans.status, "request_id": ans.header.Get("X-Request-Id"), "duration_ms": time.Since(start).Milliseconds(),
	})
	switch {
	case errors.Is(readErr, transport.ErrAnswerTooLarge):
		// Refused, never decoded, not retried (see decodeBody).
		return answer{}, transport.Verdict{}, &APIError{Service: service, Operation: operation, HTTPStatus: ans.status, Code: CodeMalformedResponse,
			Message: transport.TooLarge(operation, maxResponseBytes), RequestID: ans.header.Get("X-Request-Id")}
	case readErr != nil:
		v := transport.TransportVerdict(ctx, readErr, idempotent)
		return answer{}, v, fmt.Errorf("huaweicloud %s %s: reading response: %w", service, operation, readErr)
	}
	return ans, transport.Verdict{}, nil
}

// statusVerdict says whether an error status is worth another try: 429
// always (the request was refused before anything happened), 5xx only for
// idempotent calls, 401/403 and other 4xx never.
func statusVerdict(ans answer, idempotent bool, code string) transport.Verdict {
	v := transport.Verdict{Reason: code}
	switch {
	case ans.status == http.StatusTooManyRequests:
		v.Retry = true
		v.After = transport.ParseRetryAfter(ans.header.Get("Retry-After"), time.Now())
	case transport.StatusRetryable(ans.status, idempotent):
		v.Retry = true
	}
	return v
}

// hint says what to do about an authentication or permission failure.
func (c *Client) hint(status int) string {
	switch status {
	case http.StatusUnauthorized:
		switch c.method {
		case AuthAKSK:
			if c.cfg.Credentials.SecurityToken != "" {
				return "Huawei Cloud refused the temporary credentials: check huaweicloud.access_key, secret_key and security_token " +
					"(HW_ACCESS_KEY / HW_SECRET_KEY / HW_SECURITY_TOKEN) are from the same issue and have not expired (temporary credentials " +
					"last 15 minutes to 24 hours), and that this machine's clock is right"
			}
			return "Huawei Cloud refused the request signature: check huaweicloud.access_key and secret_key (HW_ACCESS_KEY / HW_SECRET_KEY) " +
				"and that this machine's clock is right (X-Sdk-Date may be at most 15 minutes off). Note that repeated signature failures lock the access key for 5 minutes"
		case AuthToken:
			return "Huawei Cloud refused the token: huaweicloud.token (HW_AUTH_TOKEN) is invalid or expired (tokens last 24 hours); " +
				"get a new one, or configure AK/SK or user name and password authentication so that the provider can renew it"
		default:
			return "Huawei Cloud refused the IAM token even after renewing it: check the user's status and the project (huaweicloud.project_id / HW_PROJECT_ID)"
		}
	case http.StatusForbidden:
		return "The credentials are valid but not allowed to do this: check the IAM user's CloudDC permissions and that huaweicloud.project_id (HW_PROJECT_ID) is the project of these resources"
	}
	return ""
}
