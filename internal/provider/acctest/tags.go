package acctest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// WithZenlayerDefaultTags is a provider block (ZenlayerProviderConfig,
// Target.ZenlayerProviderConfig) whose zenlayer block sets default_tags.
func WithZenlayerDefaultTags(provider string, tags map[string]string) string {
	var b strings.Builder
	b.WriteString("    default_tags = {\n")
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		fmt.Fprintf(&b, "      %q = %q\n", k, tags[k])
	}
	b.WriteString("    }\n")
	if strings.Contains(provider, "  zenlayer {\n") {
		return strings.Replace(provider, "  zenlayer {\n", "  zenlayer {\n"+b.String(), 1)
	}
	return strings.Replace(provider, "{}", "{\n  zenlayer {\n"+b.String()+"  }\n}", 1)
}

// HCLTags is a tags argument line of a resource ("" for nil).
func HCLTags(tags map[string]string) string {
	if tags == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("  tags = {\n")
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		fmt.Fprintf(&b, "    %q = %q\n", k, tags[k])
	}
	b.WriteString("  }\n")
	return b.String()
}
