package emulator

// The resource manager's test knobs: tags changed behind the provider's back.

// SetResourceTag sets tag key to value on a ZEC disk or instance or a BMC
// instance ("" removes the key), as another tool would; false if id is no
// resource's.
func (s *Server) SetResourceTag(id, key, value string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.managedResource(id)
	if !ok {
		return false
	}
	var tags []Tag
	for _, t := range r.tags() {
		if t.Key != key {
			tags = append(tags, t)
		}
	}
	if value != "" {
		tags = append(tags, Tag{Key: key, Value: value})
	}
	r.setTags(tags)
	return true
}
