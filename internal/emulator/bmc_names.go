package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The instanceName and hostname of BMC instances: letters, digits, "-" and
// ".", with batch patterns [begin,bits] that number the instances of one
// CreateInstances call.

// bmcNamePatternRe is one batch pattern of instanceName / hostname:
// [begin_number,bits], begin 0–99999 (default 0), bits 1–6 (default 6).
var bmcNamePatternRe = regexp.MustCompile(`^\[(\d{0,5})(?:,(\d?))?\]`)

// bmcNameChar reports whether r may appear in a name outside patterns:
// letters, digits, "-" and ".".
func bmcNameChar(r byte) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.'
}

type bmcNamePart struct {
	literal     string
	begin, bits int
	pattern     bool
}

// parseBMCName splits a name into literal runs and batch patterns. ok is
// false for a character outside the allowed set or a malformed pattern.
func parseBMCName(name string) (parts []bmcNamePart, ok bool) {
	for i := 0; i < len(name); {
		if name[i] == '[' {
			m := bmcNamePatternRe.FindStringSubmatch(name[i:])
			if m == nil {
				return nil, false
			}
			begin, bits := 0, 6
			if m[1] != "" {
				begin, _ = strconv.Atoi(m[1])
			}
			if m[2] != "" {
				bits, _ = strconv.Atoi(m[2])
			}
			if bits < 1 || bits > 6 {
				return nil, false
			}
			parts = append(parts, bmcNamePart{begin: begin, bits: bits, pattern: true})
			i += len(m[0])
			continue
		}
		if !bmcNameChar(name[i]) {
			return nil, false
		}
		j := i
		for j < len(name) && name[j] != '[' && bmcNameChar(name[j]) {
			j++
		}
		if j == i {
			return nil, false
		}
		parts = append(parts, bmcNamePart{literal: name[i:j]})
		i = j
	}
	return parts, len(parts) > 0
}

// bmcNameLen is the length the API counts: literals plus the bits of each pattern.
func bmcNameLen(parts []bmcNamePart) int {
	n := 0
	for _, p := range parts {
		if p.pattern {
			n += p.bits
		} else {
			n += len(p.literal)
		}
	}
	return n
}

// expandBMCName is the name of the index-th instance of a batch.
func expandBMCName(parts []bmcNamePart, index int) string {
	var sb strings.Builder
	for _, p := range parts {
		if p.pattern {
			fmt.Fprintf(&sb, "%0*d", p.bits, p.begin+index)
		} else {
			sb.WriteString(p.literal)
		}
	}
	return sb.String()
}

// checkBMCInstanceName checks an instanceName (patterns allowed when batch is true).
func checkBMCInstanceName(name string, batch bool) ([]bmcNamePart, *errAPI) {
	return checkBMCName("instanceName", name, batch, codeInvalidValue, " only when creating", bmcCodeNameExceed)
}

func checkBMCHostname(name string) ([]bmcNamePart, *errAPI) {
	return checkBMCName("hostname", name, true, bmcCodeHostnameMalformed, "", bmcCodeHostnameExceed)
}

// checkBMCName parses the name of field, refusing a character outside the
// allowed set, a malformed pattern or one where patterns are not allowed
// with badCode (rule ends its message), and more than bmcNameMaxLen
// characters with longCode.
func checkBMCName(field, name string, patterns bool, badCode, rule, longCode string) ([]bmcNamePart, *errAPI) {
	parts, ok := parseBMCName(name)
	if !ok || (!patterns && slices.ContainsFunc(parts, func(p bmcNamePart) bool { return p.pattern })) {
		return nil, apiErr(http.StatusBadRequest, badCode,
			"%s %q is invalid: use letters, digits, '-' and '.', and batch patterns [begin,bits] (begin 0-99999, bits 1-6)%s.", field, name, rule)
	}
	if n := bmcNameLen(parts); n > bmcNameMaxLen {
		return nil, apiErr(http.StatusBadRequest, longCode, "%s may be at most %d characters (a pattern counts as its bits), got %d.", field, bmcNameMaxLen, n)
	}
	return parts, nil
}
