package emulator

// The shared part of the test knobs, the exported methods of each API's
// *_fixtures.go that place, read, change and remove objects behind the
// provider's back. objects is always one of the maps a backend makes once,
// at Start, so that it may be named before the lock is taken.

// viewOf is what a test reads of objects[id], with every transition that is
// due applied, or false when there is no such object.
func viewOf[O, V any](s *Server, objects map[string]*O, id string, view func(*O) V) (V, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advanceAll()
	o := objects[id]
	if o == nil {
		var none V
		return none, false
	}
	return view(o), true
}

// forceObject drops the pending transitions of objects[id] and changes it
// with set (a status forced behind the provider's back), or reports false
// when there is no such object.
func forceObject[O interface{ timeline() *timeline }](s *Server, objects map[string]O, id string, set func(O)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := objects[id]
	if !ok {
		return false
	}
	o.timeline().clear()
	set(o)
	return true
}

// deleteObject removes objects[id] at once (tests: "disappears"), or
// reports false when there is no such object.
func deleteObject[O any](s *Server, objects map[string]O, id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := objects[id]; !ok {
		return false
	}
	delete(objects, id)
	return true
}
