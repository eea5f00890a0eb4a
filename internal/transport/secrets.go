package transport

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// RedactedText replaces a secret in an error message, as tflog's masking
// does in a log line.
const RedactedText = "***"

// minSecretLen is the length under which a string is not masked: one of
// one to three characters is too common to mask without mangling every log
// line, and no credential or password policy of the APIs allows one.
const minSecretLen = 4

// secretList is secrets without duplicates and short strings, longest
// first (so that a secret that contains another is replaced whole).
func secretList(secrets []string) []string {
	out := make([]string, 0, len(secrets))
	for _, s := range secrets {
		if len(s) >= minSecretLen && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return out
}

// MaskLogs returns ctx whose provider logger (tflog) masks every secret
// in the messages and in the field values of its log lines. The API
// clients apply it, with their own secrets (credentials, tokens, the
// passwords a request carries), to the ctx of every call they make, so
// that no request's logs show one, whichever resource or data source made it.
func MaskLogs(ctx context.Context, secrets ...string) context.Context {
	list := secretList(secrets)
	if len(list) == 0 {
		return ctx
	}
	return tflog.MaskLogStrings(ctx, list...)
}

// Redact returns s with every secret replaced by RedactedText. The API
// clients apply it to the text of an error answer (which they turn into
// diagnostics, logged by the plugin protocol layer outside any masked ctx),
// in case a server echoes a secret back.
func Redact(s string, secrets ...string) string {
	for _, secret := range secretList(secrets) {
		s = strings.ReplaceAll(s, secret, RedactedText)
	}
	return s
}
