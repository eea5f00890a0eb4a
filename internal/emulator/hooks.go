package emulator

import (
	"encoding/json"
	"fmt"
)

// OnceBefore runs f once, just before the next call of action ("zec.ReleaseDisk")
// is handled, outside the emulator's lock: tests use it to change the world
// at an exact moment (a disk released or busy behind the provider's back).
func (s *Server) OnceBefore(action string, f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hooks == nil {
		s.hooks = map[string][]func(){}
	}
	s.hooks[action] = append(s.hooks[action], f)
}

// runHooks runs and forgets the hooks of action. Called without s.mu.
func (s *Server) runHooks(action string) {
	s.mu.Lock()
	hooks := s.hooks[action]
	delete(s.hooks, action)
	s.mu.Unlock()
	for _, f := range hooks {
		f()
	}
}

// OnceBeforePage is OnceBefore for the call of a listing action
// ("zec.DescribeInstances") that asks for page num (pageNum; 1 when it is
// absent): tests use it to change the world between two pages of one
// listing, as when an object is deleted while a client pages through them.
func (s *Server) OnceBeforePage(action string, num int, f func()) {
	s.OnceBefore(pageHookKey(action, num), f)
}

// runPageHooks runs and forgets the OnceBeforePage hooks of the page of
// action that body asks for. Called without s.mu.
func (s *Server) runPageHooks(action string, body []byte) {
	var req struct {
		PageNum *int `json:"pageNum"`
	}
	if json.Unmarshal(body, &req) != nil {
		return
	}
	num := 1
	if req.PageNum != nil {
		num = *req.PageNum
	}
	s.runHooks(pageHookKey(action, num))
}

func pageHookKey(action string, num int) string { return fmt.Sprintf("%s page %d", action, num) }
