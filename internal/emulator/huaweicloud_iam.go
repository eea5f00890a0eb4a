package emulator

import (
	"crypto/hmac"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
)

// iamTimeFormat is how IAM writes expires_at and issued_at.
const iamTimeFormat = "2006-01-02T15:04:05.000000Z"

type iamTokenRequest struct {
	Auth *struct {
		Identity *struct {
			Methods  []string `json:"methods"`
			Password *struct {
				User *struct {
					Name     string `json:"name"`
					Password string `json:"password"`
					Domain   *struct {
						Name string `json:"name"`
					} `json:"domain"`
				} `json:"user"`
			} `json:"password"`
		} `json:"identity"`
		Scope *struct {
			Project *struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"project"`
		} `json:"scope"`
	} `json:"auth"`
}

// iamError is IAM's (Keystone's) error body: {"error": {"code", "message", "title"}}.
func iamError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"code": status, "message": message, "title": http.StatusText(status)}})
}

// serveCreateToken is POST /v3/auth/tokens with a password identity and a
// project scope: 201, the token in X-Subject-Token, its expiry in the body.
func (h *huaweiState) serveCreateToken(w http.ResponseWriter, r *http.Request) {
	s := h.s
	w.Header().Set("X-Request-Id", h.requestID())
	entry := LogEntry{API: "iam", Action: "CreateToken"}
	finish := func(status int, code, message string) {
		s.mu.Lock()
		entry.Time, entry.Status, entry.Code, entry.Message = s.now(), status, code, message
		s.record(entry)
		s.mu.Unlock()
	}
	fail := func(status int, message string) {
		finish(status, fmt.Sprint(status), message)
		iamError(w, status, message)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		fail(http.StatusBadRequest, "The request body could not be read.")
		return
	}
	var req iamTokenRequest
	if err := json.Unmarshal(body, &req); err != nil || req.Auth == nil || req.Auth.Identity == nil {
		fail(http.StatusBadRequest, "The request body must be {\"auth\": {\"identity\": ..., \"scope\": ...}}.")
		return
	}
	id := req.Auth.Identity
	if !slices.Contains(id.Methods, "password") || id.Password == nil || id.Password.User == nil {
		fail(http.StatusBadRequest, "Only the password identity method is supported here: identity.methods must contain \"password\" and identity.password.user must be set.")
		return
	}
	user := id.Password.User
	if user.Name == "" || user.Password == "" || user.Domain == nil || user.Domain.Name == "" {
		fail(http.StatusBadRequest, "identity.password.user needs name, password and domain.name.")
		return
	}
	entry.IDs = []string{user.Name}

	s.runHooks("iam.CreateToken")
	s.mu.Lock()
	if e := h.takeFault("iam.CreateToken"); e != nil {
		s.mu.Unlock()
		finish(e.status, e.code, e.message)
		writeHuaweiError(w, e, "")
		return
	}
	known := slices.ContainsFunc(h.opts.Users, func(u HuaweiUser) bool {
		return u.Name == user.Name && u.Domain == user.Domain.Name && hmac.Equal([]byte(u.Password), []byte(user.Password))
	})
	s.mu.Unlock()
	if !known {
		fail(http.StatusUnauthorized, "The username or password is wrong.")
		return
	}
	if req.Auth.Scope == nil || req.Auth.Scope.Project == nil || (req.Auth.Scope.Project.ID == "" && req.Auth.Scope.Project.Name == "") {
		fail(http.StatusBadRequest, "scope.project.id or scope.project.name is required: the CloudDC API takes project-scoped tokens.")
		return
	}
	if p := req.Auth.Scope.Project; (p.ID != "" && p.ID != h.opts.ProjectID) || (p.ID == "" && p.Name != h.opts.Region) {
		fail(http.StatusUnauthorized, fmt.Sprintf("The user has no access to project %s.", p.ID+p.Name))
		return
	}

	s.mu.Lock()
	now := s.now()
	token := fmt.Sprintf("MIIT%016x%016x%016x", s.rand.Uint64(), s.rand.Uint64(), uint64(now.UnixNano()))
	expires := now.Add(h.opts.TokenLifetime)
	h.tokens[token] = &huaweiToken{expiresAt: expires, projectID: h.opts.ProjectID, user: user.Name}
	s.mu.Unlock()
	finish(http.StatusCreated, "", "")

	w.Header().Set(iamSubjectTokenHeader, token)
	domain := map[string]any{"id": HuaweiDomainID, "name": user.Domain.Name}
	writeJSON(w, http.StatusCreated, map[string]any{"token": map[string]any{
		"expires_at": expires.UTC().Format(iamTimeFormat),
		"issued_at":  now.UTC().Format(iamTimeFormat),
		"methods":    []string{"password"},
		"catalog":    []any{},
		"project":    map[string]any{"id": h.opts.ProjectID, "name": h.opts.Region, "domain": domain},
		"user":       map[string]any{"id": fmt.Sprintf("%032x", len(user.Name)), "name": user.Name, "domain": domain, "password_expires_at": ""},
		"roles":      []any{map[string]any{"id": "0", "name": "te_admin"}},
	}})
}
