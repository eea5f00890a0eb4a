package clouddc

import (
	"fmt"
	"net/netip"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
)

// The CreateInstance document's constraints.
const (
	NameMaxLength        = 63
	DescriptionMaxLength = 255
	MetadataKeyMaxLength = 255
	MetadataValueMax     = 255
	PasswordMinLength    = 8
	PasswordMaxLength    = 26
	// PasswordSpecials are the special characters a password may contain.
	PasswordSpecials = "!@$%^-_=+[{}]:,./?" // #nosec G101 -- the policy's character set, not a credential
)

// MetadataKeyPattern: letters, digits, "-", "_", ":", " " and ".".
var MetadataKeyPattern = regexp.MustCompile(`^[A-Za-z0-9_:. -]{1,255}$`)

// CheckName says what is wrong with an instance name, or "": 1 to 63
// Chinese characters, letters, digits, "_", "-" and ".".
func CheckName(name string) string {
	n := utf8.RuneCountInString(name)
	if n < 1 || n > NameMaxLength {
		return fmt.Sprintf("must be 1 to %d characters long, got %d", NameMaxLength, n)
	}
	for _, r := range name {
		if !nameRune(r) {
			return fmt.Sprintf("may contain only Chinese characters, letters, digits, '_', '-' and '.'; %q is not allowed", r)
		}
	}
	return ""
}

// CheckPassword says what is wrong with an administrator password, or "":
// 8 to 26 characters, at least three of upper case letters, lower case
// letters, digits and the specials !@$%^-_=+[{}]:,./?, nothing else, and
// neither the administrator's user name (root on Linux, Administrator on
// Windows) nor its reverse, in any letter case.
func CheckPassword(pw string) string {
	if n := utf8.RuneCountInString(pw); n < PasswordMinLength || n > PasswordMaxLength {
		return fmt.Sprintf("must be %d to %d characters long, got %d", PasswordMinLength, PasswordMaxLength, n)
	}
	kinds, ok := framework.PasswordKinds(pw, PasswordSpecials)
	if !ok {
		return "may contain only letters, digits and the special characters " + PasswordSpecials
	}
	if kinds.Count() < 3 {
		return "must contain at least three of: upper case letters, lower case letters, digits, special characters " + PasswordSpecials
	}
	l := strings.ToLower(pw)
	for _, user := range []string{"root", "administrator"} {
		if strings.Contains(l, user) || strings.Contains(l, reverse(user)) {
			return "must not contain the administrator's user name (root, Administrator) or its reverse"
		}
	}
	return ""
}

// nameRune reports whether r may appear in an instance name.
func nameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))) || r == '_' || r == '-' || r == '.'
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// checkRuneLength is the rule of an optional text of at most maxLen
// characters: set means not empty.
func checkRuneLength(maxLen int) func(string) string {
	return func(s string) string {
		if n := utf8.RuneCountInString(s); n > maxLen {
			return fmt.Sprintf("is %d characters long", n)
		}
		if s == "" {
			return "is empty; leave the attribute out instead"
		}
		return ""
	}
}

// checkIPv4 says what is wrong with a fixed IPv4 address, or "".
func checkIPv4(s string) string {
	if a, err := netip.ParseAddr(s); err != nil || !a.Is4() {
		return "is not an IPv4 address"
	}
	return ""
}

// checkUUID says what is wrong with a CloudDC instance or server id, or "".
func checkUUID(s string) string {
	if !UUIDPattern.MatchString(s) {
		return "is not a UUID"
	}
	return ""
}

// uuidValidator checks instance and server ids, in the resource's schema
// and the data source's.
func uuidValidator() validator.String {
	return framework.StringCheck("a UUID such as 3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b", checkUUID, false)
}

// UUIDPattern is the form of CloudDC instance and server ids.
var UUIDPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
