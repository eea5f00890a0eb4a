package bmc_test

import (
	"strings"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/bmc"
)

func TestCheckPassword(t *testing.T) {
	for pw, want := range map[string]string{
		"Tf-acc-Passw0rd":   "",
		"Aa1~Aa1~":          "",
		"Aa1!Aa1!Aa1!Aa1!":  "",
		"Aa1!Aa1":           "must be 8 to 16 characters long",
		"Aa1!Aa1!Aa1!Aa1!x": "must be 8 to 16 characters long",
		"nodigits!A":        "must contain at least one digit",
		"alllower1!":        "must contain at least one upper case letter",
		"Passw0rdxx":        "must contain at least one special character of ~!@$^*-_=+",
		"12345678":          "must contain at least one upper case letter, one lower case letter, one special character",
		"Passw0rd#":         "may contain only letters, digits and the special characters ~!@$^*-_=+",
		"Pässw0rd!":         "may contain only",
		"Pass w0rd!":        "may contain only",
	} {
		got := bmc.CheckPassword(pw)
		if (want == "") != (got == "") || !strings.HasPrefix(got, want) {
			t.Errorf("CheckPassword(%q) = %q, want %q", pw, got, want)
		}
		if got != "" && strings.Contains(got, pw) {
			t.Errorf("CheckPassword(%q) repeats the password: %q", pw, got)
		}
	}
}
