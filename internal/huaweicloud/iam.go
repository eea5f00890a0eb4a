package huaweicloud

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// HeaderSubjectToken is the IAM answer header that carries a new token.
const HeaderSubjectToken = "X-Subject-Token"

// tokenDefaultLifetime is IAM's documented token validity, used when an
// answer lacks expires_at.
const tokenDefaultLifetime = 24 * time.Hour

// tokenSource obtains IAM tokens with a user name and password, caches
// the current one and renews it before it expires. Concurrent callers
// share one request to IAM.
type tokenSource struct {
	c *Client
	// fetching is a lock that a waiting caller can give up on (ctx).
	fetching chan struct{}

	mu        sync.Mutex
	token     string
	projectID string
	renewAt   time.Time
	expiresAt time.Time
}

func newTokenSource(c *Client) *tokenSource {
	return &tokenSource{c: c, fetching: make(chan struct{}, 1)}
}

// cached returns the current token if it is not due for renewal.
func (ts *tokenSource) cached() (string, string, bool) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.token != "" && ts.c.cfg.Now().Before(ts.renewAt) {
		return ts.token, ts.projectID, true
	}
	return "", "", false
}

// get returns a valid token and its project id, obtaining a new one if
// there is none or the current one is due for renewal.
func (ts *tokenSource) get(ctx context.Context) (string, string, error) {
	if tok, pid, ok := ts.cached(); ok {
		return tok, pid, nil
	}
	select {
	case ts.fetching <- struct{}{}:
	case <-ctx.Done():
		return "", "", fmt.Errorf("huaweicloud: waiting for an IAM token: %w", context.Cause(ctx))
	}
	defer func() { <-ts.fetching }()
	if tok, pid, ok := ts.cached(); ok {
		return tok, pid, nil // another caller renewed it meanwhile
	}
	tok, pid, expiresAt, err := ts.c.createToken(ctx)
	if err != nil {
		return "", "", err
	}
	now := ts.c.cfg.Now()
	margin := min(ts.c.cfg.TokenRenewBefore, expiresAt.Sub(now)/2)
	ts.mu.Lock()
	ts.token, ts.projectID, ts.expiresAt, ts.renewAt = tok, pid, expiresAt, expiresAt.Add(-margin)
	ts.mu.Unlock()
	tflog.Debug(ctx, "obtained Huawei Cloud IAM token", map[string]any{
		"project_id": pid, "expires_at": expiresAt.UTC().Format(time.RFC3339), "renew_at": expiresAt.Add(-margin).UTC().Format(time.RFC3339),
	})
	return tok, pid, nil
}

// current is the cached token ("" if none), whether or not it is due for renewal.
func (ts *tokenSource) current() string {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.token
}

// invalidate forgets tok if it is still the current token (another caller
// may have renewed it already).
func (ts *tokenSource) invalidate(tok string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.token == tok {
		ts.token = ""
	}
}

type tokenRequest struct {
	Auth struct {
		Identity struct {
			Methods  []string `json:"methods"`
			Password struct {
				User struct {
					Name     string `json:"name"`
					Password string `json:"password"`
					Domain   struct {
						Name string `json:"name"`
					} `json:"domain"`
				} `json:"user"`
			} `json:"password"`
		} `json:"identity"`
		Scope struct {
			Project struct {
				ID   string `json:"id,omitempty"`
				Name string `json:"name,omitempty"`
			} `json:"project"`
		} `json:"scope"`
	} `json:"auth"`
}

type tokenResponse struct {
	Token struct {
		ExpiresAt string `json:"expires_at"`
		IssuedAt  string `json:"issued_at"`
		Project   struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"project"`
	} `json:"token"`
}

// createToken calls IAM's POST /v3/auth/tokens with the password identity,
// scoped to the project (by id, else by name = region).
func (c *Client) createToken(ctx context.Context) (token, projectID string, expiresAt time.Time, err error) {
	var in tokenRequest
	in.Auth.Identity.Methods = []string{"password"}
	in.Auth.Identity.Password.User.Name = c.cfg.Credentials.UserName
	in.Auth.Identity.Password.User.Password = c.cfg.Credentials.Password
	in.Auth.Identity.Password.User.Domain.Name = c.cfg.Credentials.DomainName
	if c.cfg.ProjectID != "" {
		in.Auth.Scope.Project.ID = c.cfg.ProjectID
	} else {
		in.Auth.Scope.Project.Name = c.cfg.Region
	}
	body, err := json.Marshal(in)
	if err != nil {
		return "", "", time.Time{}, fmt.Errorf("huaweicloud iam CreateToken: encoding request: %w", err)
	}
	u := *c.iam
	u.Path = strings.TrimRight(u.Path, "/")
	if !strings.HasSuffix(u.Path, "/v3") {
		u.Path += "/v3"
	}
	u.Path += "/auth/tokens"
	u.RawPath = ""
	u.RawQuery = "nocatalog=true"

	err = c.cfg.Retry.Run(ctx, func(ctx context.Context, attempt int) (transport.Verdict, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
		if err != nil {
			return transport.Verdict{}, fmt.Errorf("huaweicloud iam CreateToken: %w", err)
		}
		req.Header.Set("Content-Type", "application/json;charset=utf8")
		req.Header.Set("Accept", contentTypeJSON)
		req.Header.Set("User-Agent", c.cfg.UserAgent)
		// Obtaining a token changes nothing: it is safe to repeat.
		ans, v, err := c.exchange(ctx, req, "iam", "CreateToken", true, attempt)
		if err != nil {
			return v, err
		}
		if ans.status < 200 || ans.status > 299 {
			apiErr := decodeError("iam", "CreateToken", ans.status, ans.header, ans.body)
			if ans.status == http.StatusUnauthorized || ans.status == http.StatusBadRequest || ans.status == http.StatusForbidden {
				apiErr.Hint = fmt.Sprintf("IAM did not issue a token to user %q of domain %q: check huaweicloud.user_name, password and domain_name "+
					"(HW_USER_NAME / HW_USER_PASSWORD / HW_DOMAIN_NAME) and the project (project_id, or region as the project name)",
					c.cfg.Credentials.UserName, c.cfg.Credentials.DomainName)
			}
			return statusVerdict(ans, true, apiErr.Code), apiErr
		}
		var out tokenResponse
		if err := decodeBody("iam", "CreateToken", ans, &out); err != nil {
			return transport.Verdict{}, err
		}
		token = ans.header.Get(HeaderSubjectToken)
		if token == "" {
			return transport.Verdict{}, &APIError{Service: "iam", Operation: "CreateToken", HTTPStatus: ans.status, Code: CodeMalformedResponse,
				Message: "the answer has no " + HeaderSubjectToken + " header", RequestID: ans.header.Get("X-Request-Id")}
		}
		projectID = out.Token.Project.ID
		if t, perr := time.Parse(time.RFC3339Nano, out.Token.ExpiresAt); perr == nil {
			expiresAt = t
		} else {
			expiresAt = c.cfg.Now().Add(tokenDefaultLifetime)
			tflog.Warn(ctx, "IAM token answer has no valid expires_at; assuming the documented 24 hours", map[string]any{"expires_at": out.Token.ExpiresAt})
		}
		return transport.Verdict{}, nil
	}, func(attempt int, delay time.Duration, reason string, err error) {
		tflog.Warn(ctx, "retrying Huawei Cloud IAM token request", map[string]any{
			"attempt": attempt, "delay_ms": delay.Milliseconds(), "reason": reason, "error": err.Error(),
		})
	})
	if err != nil {
		return "", "", time.Time{}, err
	}
	if projectID == "" {
		projectID = c.cfg.ProjectID
	}
	if projectID == "" {
		return "", "", time.Time{}, errors.New("huaweicloud iam CreateToken: the token names no project; set huaweicloud.project_id (HW_PROJECT_ID)")
	}
	return token, projectID, expiresAt, nil
}
