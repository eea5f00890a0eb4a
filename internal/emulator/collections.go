package emulator

import (
	"maps"
	"slices"
)

// sortedKeys are the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// sortedValues are the values of m in the order of their keys: the order in
// which the emulator lists and advances objects.
func sortedValues[V any](m map[string]V) []V {
	keys := sortedKeys(m)
	out := make([]V, 0, len(keys))
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}

// copyOf is a copy of m that is never nil (it answers {} in JSON, not null).
func copyOf[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	maps.Copy(out, m)
	return out
}

// valueOr is *p, or def when p is nil (an optional request field).
func valueOr[T any](p *T, def T) T {
	if p != nil {
		return *p
	}
	return def
}

// stringOr is *p, or def when p is nil or empty.
func stringOr(p *string, def string) string {
	if p != nil && *p != "" {
		return *p
	}
	return def
}

// filterSorted is the values of m that keep accepts, in the order of their keys.
func filterSorted[V any](m map[string]V, keep func(V) bool) []V {
	var out []V
	for _, v := range sortedValues(m) {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// findByID is the entry of a catalogue whose id (idOf) is id, or nil.
func findByID[T any](list []T, id string, idOf func(*T) string) *T {
	for k := range list {
		if idOf(&list[k]) == id {
			return &list[k]
		}
	}
	return nil
}

// mapEach is f of each element of list, in order (never nil).
func mapEach[T, U any](list []T, f func(T) U) []U {
	out := make([]U, 0, len(list))
	for _, v := range list {
		out = append(out, f(v))
	}
	return out
}

// matches is an optional equality filter of a Describe: no filter, or v.
func matches(filter *string, v string) bool { return filter == nil || *filter == v }

// nilIfEmpty is s, or nil (JSON null) when it is empty: an optional field of an answer.
func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nonNil is list, or an empty list when it is nil (an answer's [] rather than null).
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
