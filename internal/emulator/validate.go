package emulator

import (
	"encoding/json"
	"strings"
)

// The request checks every API shares; each API words its own errors.

// decodeJSON decodes a request body into v as the APIs do: an unknown field
// or a wrong type is an error.
func decodeJSON(body []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// passwordKinds counts the kinds of characters in pw that the password
// policies count (upper case letters, lower case letters, digits, and the
// characters of specials), and reports whether pw holds only those.
func passwordKinds(pw, specials string) (kinds int, clean bool) {
	var upper, lower, digit, special bool
	clean = true
	for _, r := range pw {
		switch {
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(specials, r):
			special = true
		default:
			clean = false
		}
	}
	for _, b := range []bool{upper, lower, digit, special} {
		if b {
			kinds++
		}
	}
	return kinds, clean
}
