package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// The request and response models of API 2.0 actions as tables: a
// fieldSet, written in a small notation, is the request or the answer of an
// action in one version (zec_api.go, bmc_api.go). A request is checked
// against its fieldSet (unknown fields and wrong types are refused, as the
// gateway does) and read through params; an answer is projected on its
// fieldSet, so that it carries the model's fields and nothing else.
//
// The notation: fields separated by spaces; "name" is a string,
// "name:i" an integer, "name:n" a number, "name:b" a boolean; "name[]" (or
// "name[]:i") a list of them; "name{…}" an object and "name[{…}]" a list
// of objects, with their fields inside the braces.

type fieldKind byte

const (
	kindString fieldKind = iota
	kindInteger
	kindNumber
	kindBoolean
	kindObject
)

var kindNames = map[fieldKind]string{kindString: "string", kindInteger: "integer", kindNumber: "number", kindBoolean: "boolean"}

var kindLetters = map[byte]fieldKind{'s': kindString, 'i': kindInteger, 'n': kindNumber, 'b': kindBoolean}

// field is one field of a model.
type field struct {
	name string
	kind fieldKind
	list bool
	sub  fieldSet // the fields of an object
}

// fieldSet is the fields of one model, in the order written.
type fieldSet []field

// fields parses the notation; a mistake in it is a bug of the emulator.
func fields(spec string) fieldSet {
	p := &specParser{s: spec}
	fs := p.set()
	if p.pos != len(p.s) {
		panic("emulator: field spec: unexpected " + strconv.Quote(p.s[p.pos:]))
	}
	return fs
}

type specParser struct {
	s   string
	pos int
}

func (p *specParser) skip() {
	for p.pos < len(p.s) && strings.IndexByte(" \t\n", p.s[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *specParser) accept(tok string) bool {
	if strings.HasPrefix(p.s[p.pos:], tok) {
		p.pos += len(tok)
		return true
	}
	return false
}

func (p *specParser) expect(tok string) {
	if !p.accept(tok) {
		panic("emulator: field spec: want " + tok + " at " + strconv.Quote(p.s[p.pos:]))
	}
}

func (p *specParser) set() fieldSet {
	var fs fieldSet
	for p.skip(); p.pos < len(p.s) && p.s[p.pos] != '}'; p.skip() {
		start := p.pos
		for p.pos < len(p.s) && strings.IndexByte(" \t\n[]{}:", p.s[p.pos]) < 0 {
			p.pos++
		}
		f := field{name: p.s[start:p.pos]}
		switch {
		case p.accept("[{"):
			f.list, f.kind, f.sub = true, kindObject, p.set()
			p.expect("}]")
		case p.accept("{"):
			f.kind, f.sub = kindObject, p.set()
			p.expect("}")
		default:
			f.list = p.accept("[]")
			if p.accept(":") {
				k, ok := kindLetters[p.s[p.pos]]
				if !ok {
					panic("emulator: field spec: unknown type at " + strconv.Quote(p.s[p.pos:]))
				}
				f.kind = k
				p.pos++
			}
		}
		if f.name == "" || slices.ContainsFunc(fs, func(g field) bool { return g.name == f.name }) {
			panic("emulator: field spec: empty or repeated name at " + strconv.Quote(p.s[start:]))
		}
		fs = append(fs, f)
	}
	return fs
}

func (fs fieldSet) get(name string) (field, bool) {
	i := slices.IndexFunc(fs, func(f field) bool { return f.name == name })
	if i < 0 {
		return field{}, false
	}
	return fs[i], true
}

// has reports whether the model has the field at a dotted path.
func (fs fieldSet) has(path string) bool {
	name, rest, nested := strings.Cut(path, ".")
	f, ok := fs.get(name)
	if !ok || !nested {
		return ok
	}
	return f.sub.has(rest)
}

// flatten lists the leaves of fs as "path:type", the form of the
// contract tests' fixture: nested names joined with ".", "[]" after a list.
func (fs fieldSet) flatten(prefix string) []string {
	var out []string
	for _, f := range fs {
		path := prefix + f.name
		if f.list {
			path += "[]"
		}
		if f.kind == kindObject {
			out = append(out, f.sub.flatten(path+".")...)
		} else {
			out = append(out, path+":"+kindNames[f.kind])
		}
	}
	slices.Sort(out)
	return out
}

// decodeParams reads an action's body as the gateway does: a JSON object
// whose fields are all fields of the model, of the model's types (null
// counts as absent). Anything else is INVALID_PARAMETER.
func decodeParams(body []byte, model fieldSet) (params, *errAPI) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, invalidBody("%v", err)
	}
	if dec.More() {
		return nil, invalidBody("data after the JSON object")
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, invalidBody("the body must be a JSON object")
	}
	if e := model.check("", m); e != nil {
		return nil, e
	}
	return params(m), nil
}

func invalidBody(format string, args ...any) *errAPI {
	return apiErr(http.StatusBadRequest, codeInvalidParameter, "The request body is invalid: "+format+".", args...)
}

// check checks an object's fields against fs, dropping nulls.
func (fs fieldSet) check(prefix string, m map[string]any) *errAPI {
	for _, k := range sortedKeys(m) {
		f, ok := fs.get(k)
		if !ok {
			return invalidBody("unknown field %s%s", prefix, k)
		}
		if m[k] == nil {
			delete(m, k)
			continue
		}
		if e := f.check(prefix+k, m[k], f.list); e != nil {
			return e
		}
	}
	return nil
}

func (f field) check(path string, v any, list bool) *errAPI {
	if list {
		items, ok := v.([]any)
		if !ok {
			return invalidBody("%s must be an array", path)
		}
		for _, item := range items {
			if e := f.check(path+"[]", item, false); e != nil {
				return e
			}
		}
		return nil
	}
	ok := false
	switch f.kind {
	case kindString:
		_, ok = v.(string)
	case kindBoolean:
		_, ok = v.(bool)
	case kindInteger:
		if n, isNum := v.(json.Number); isNum {
			_, err := n.Int64()
			ok = err == nil
		}
	case kindNumber:
		if n, isNum := v.(json.Number); isNum {
			_, err := n.Float64()
			ok = err == nil
		}
	case kindObject:
		if m, isObj := v.(map[string]any); isObj {
			return f.sub.check(path+".", m)
		}
	}
	if !ok {
		name := kindNames[f.kind]
		if f.kind == kindObject {
			name = "object"
		}
		return invalidBody("%s must be a %s", path, name)
	}
	return nil
}

// project is an answer with exactly the fields of fs: a field the model
// lacks is dropped, one the emulator has no value for is null. out is what
// a handler returned (maps and structs with JSON tags).
func (fs fieldSet) project(out any) (map[string]any, error) {
	raw, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	return fs.projectObject(m), nil
}

func (fs fieldSet) projectObject(m map[string]any) map[string]any {
	out := make(map[string]any, len(fs))
	for _, f := range fs {
		out[f.name] = f.projectValue(m[f.name], f.list)
	}
	return out
}

func (f field) projectValue(v any, list bool) any {
	switch {
	case v == nil || f.kind != kindObject:
		return v
	case list:
		items, _ := v.([]any)
		out := make([]any, 0, len(items))
		for _, item := range items {
			out = append(out, f.projectValue(item, false))
		}
		return out
	}
	m, _ := v.(map[string]any)
	return f.sub.projectObject(m)
}

// params is a checked request body. Its accessors return nil for an
// absent field (pointers tell an absent field from a zero one).
type params map[string]any

func (p params) has(name string) bool { _, ok := p[name]; return ok }

// required is a string field that must be given, and not empty:
// MISSING_PARAMETER otherwise.
func (p params) required(name string) (string, *errAPI) {
	v := stringOr(p.str(name), "")
	if v == "" {
		return "", errMissing(name)
	}
	return v, nil
}

func (p params) str(name string) *string {
	if v, ok := p[name].(string); ok {
		return &v
	}
	return nil
}

func (p params) integer(name string) *int {
	if n, ok := p[name].(json.Number); ok {
		v, _ := n.Int64()
		i := int(v)
		return &i
	}
	return nil
}

func (p params) number(name string) *float64 {
	if n, ok := p[name].(json.Number); ok {
		v, _ := n.Float64()
		return &v
	}
	return nil
}

func (p params) flag(name string) *bool {
	if v, ok := p[name].(bool); ok {
		return &v
	}
	return nil
}

func (p params) strs(name string) []string {
	items, _ := p[name].([]any)
	out := make([]string, 0, len(items))
	for _, item := range items {
		s, _ := item.(string)
		out = append(out, s)
	}
	if items == nil {
		return nil
	}
	return out
}

func (p params) ints(name string) []int {
	items, _ := p[name].([]any)
	var out []int
	for _, item := range items {
		n, _ := item.(json.Number)
		v, _ := n.Int64()
		out = append(out, int(v))
	}
	return out
}

// obj is an object field, nil when absent.
func (p params) obj(name string) params {
	m, _ := p[name].(map[string]any)
	return params(m)
}

// objs is a list of objects.
func (p params) objs(name string) []params {
	items, _ := p[name].([]any)
	out := make([]params, 0, len(items))
	for _, item := range items {
		m, _ := item.(map[string]any)
		out = append(out, params(m))
	}
	return out
}

// tags reads tags in either form API 2.0 uses: a tag association
// {"tags": [{"key", "value"}]} (creates) or a bare list (filters).
func (p params) tags(name string) []Tag {
	list := p.objs(name)
	if wrapped := p.obj(name); wrapped != nil {
		list = wrapped.objs("tags")
	}
	var out []Tag
	for _, t := range list {
		out = append(out, Tag{Key: valueOr(t.str("key"), ""), Value: valueOr(t.str("value"), "")})
	}
	return out
}
