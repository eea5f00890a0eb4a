package framework

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// StringCheck is a plan-time validator made of a rule: check says what is
// wrong with a value ("" when nothing is). A sensitive value is never
// repeated in the error. Every rule of the APIs' documents (names,
// passwords, descriptions) is written once as such a function, which the
// resources' validators and their unit tests share.
func StringCheck(description string, check func(string) string, sensitive bool) validator.String {
	return stringCheck{description: description, check: check, sensitive: sensitive}
}

type stringCheck struct {
	description string
	check       func(string) string
	sensitive   bool
}

func (v stringCheck) Description(context.Context) string { return v.description }

func (v stringCheck) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := v.check(req.ConfigValue.ValueString()); problem != "" {
		value := fmt.Sprintf("%q ", req.ConfigValue.ValueString())
		if v.sensitive {
			value = ""
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf("The value %s%s (%s).", value, problem, v.description))
	}
}

// CharKinds are the kinds of characters the APIs' password policies count.
type CharKinds struct {
	Upper, Lower, Digit, Special bool
}

// Count is how many of the four kinds are present.
func (k CharKinds) Count() int {
	n := 0
	for _, ok := range []bool{k.Upper, k.Lower, k.Digit, k.Special} {
		if ok {
			n++
		}
	}
	return n
}

// PasswordKinds sorts the characters of a password into upper and lower
// case letters, digits and the policy's special characters (specials).
// ok is false when the password holds any other character.
func PasswordKinds(pw, specials string) (kinds CharKinds, ok bool) {
	for _, r := range pw {
		switch {
		case r >= 'A' && r <= 'Z':
			kinds.Upper = true
		case r >= 'a' && r <= 'z':
			kinds.Lower = true
		case r >= '0' && r <= '9':
			kinds.Digit = true
		case strings.ContainsRune(specials, r):
			kinds.Special = true
		default:
			return kinds, false
		}
	}
	return kinds, true
}
