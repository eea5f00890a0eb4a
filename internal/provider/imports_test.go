package provider_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// module is the provider's module path.
const module = "github.com/cloudcompute/terraform-provider-cloudcompute"

// pluginFramework covers terraform-plugin-framework and its -validators
// and -timeouts modules.
const pluginFramework = "github.com/hashicorp/terraform-plugin-framework"

// importRule is what one package's comment says it may import. Paths
// inside the module are relative to it ("internal/wait", "." for the root)
// and stand for the packages under them too; other paths are prefixes of
// import paths.
type importRule struct {
	pkg string
	// only, if not nil, lists the packages of the project pkg may import:
	// no others (an empty list: none at all).
	only []string
	// never lists what pkg must not import. There are no exceptions.
	never []string
}

// importRules are the rules the package comments state. Only the non-test
// files of a package count (its tests may import what they need).
var importRules = []importRule{
	{pkg: "internal/wait", only: []string{}},
	{pkg: "internal/transport", only: []string{"internal/wait"}},
	{pkg: "internal/journal", only: []string{"internal/wait", "internal/transport"}},
	{pkg: "internal/zenlayer", only: []string{"internal/transport", "internal/wait"},
		never: []string{pluginFramework, "internal/service", "internal/framework", "internal/emulator"}},
	{pkg: "internal/huaweicloud", only: []string{"internal/transport", "internal/wait"},
		never: []string{pluginFramework, "internal/service", "internal/framework", "internal/emulator"}},
	{pkg: "internal/conns", only: []string{"internal/zenlayer", "internal/huaweicloud", "internal/transport"}},
	{pkg: "internal/framework", never: []string{"internal/zenlayer", "internal/huaweicloud", "internal/service"}},
	{pkg: "internal/provider", never: []string{"internal/emulator", "internal/provider/acctest", "internal/provider/faultsuite"}},
	// The emulator follows the API documents, not the provider: it imports
	// no code of the project, least of all the resources, the framework
	// glue or the create journal.
	{pkg: "internal/emulator", only: []string{}, never: []string{"internal/service", "internal/framework", "internal/journal"}},
	// The sweepers clean a real account with the API clients alone.
	{pkg: "internal/sweep", only: []string{"internal/zenlayer", "internal/huaweicloud", "internal/wait", "internal/transport"}},
	{pkg: "cmd/cloudcompute-bench", only: []string{"internal/emulator"}},
	{pkg: ".", only: []string{"internal/provider", "internal/journal"}},
}

// testOnly are packages for tests and commands: no other package imports
// them outside its tests.
var testOnly = map[string][]string{
	"internal/emulator":         {"internal/provider/acctest", "cmd/cloudcompute-bench", "cmd/cloudcompute-emulator"},
	"internal/provider/acctest": {},
	"internal/sweep":            {"internal/provider/acctest"},
}

// goPackage is what the test reads of one package: its non-test imports
// (of every platform: build constraints are ignored) and whether one of its
// non-test files carries a package comment.
type goPackage struct {
	imports map[string][]string // import path → files
	doc     bool
}

// TestImportRules enforces the import rules of the package comments, and
// that every package has a package comment.
func TestImportRules(t *testing.T) {
	pkgs := readPackages(t, "../..")
	for _, r := range importRules {
		p, ok := pkgs[r.pkg]
		if !ok {
			t.Errorf("the rules name %s, which is not a package of the module: update importRules", r.pkg)
			continue
		}
		for _, imp := range slices.Sorted(maps.Keys(p.imports)) {
			problem := r.check(imp)
			if problem == "" {
				continue
			}
			t.Errorf("%s imports %s (%s), but %s; see its package comment", r.pkg, imp, strings.Join(p.imports[imp], ", "), problem)
		}
	}
	for pkg, allowed := range testOnly {
		for _, importer := range slices.Sorted(maps.Keys(pkgs)) {
			if importer == pkg || slices.Contains(allowed, importer) {
				continue
			}
			if files, ok := pkgs[importer].imports[module+"/"+pkg]; ok {
				t.Errorf("%s imports %s (%s), which only tests and commands may import", importer, pkg, strings.Join(files, ", "))
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(pkgs)) {
		if !pkgs[name].doc {
			t.Errorf("%s has no package comment: say what it owns and what it must not import", name)
		}
	}
}

// check returns what imp breaks of r, or "".
func (r importRule) check(imp string) string {
	for _, n := range r.never {
		if under(imp, n) {
			return "it must never import " + n
		}
	}
	if r.only != nil && strings.HasPrefix(imp, module+"/") {
		for _, o := range r.only {
			if under(imp, o) {
				return ""
			}
		}
		if len(r.only) == 0 {
			return "it imports no package of the project"
		}
		return "of the project it imports only " + strings.Join(r.only, ", ")
	}
	return ""
}

// under reports whether import path imp is p (relative to the module, or
// a prefix of an outside path) or below it.
func under(imp, p string) bool {
	if strings.HasPrefix(p, "internal/") || strings.HasPrefix(p, "cmd/") {
		full := module + "/" + p
		return imp == full || strings.HasPrefix(imp, full+"/")
	}
	return strings.HasPrefix(imp, p)
}

// readPackages parses the non-test Go files below root (skipping testdata
// and nested modules) by directory, relative to root.
func readPackages(t *testing.T, root string) map[string]*goPackage {
	t.Helper()
	pkgs := map[string]*goPackage{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root {
				if name := d.Name(); name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // another module (tools/)
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		dir, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		dir = filepath.ToSlash(dir)
		p := pkgs[dir]
		if p == nil {
			p = &goPackage{imports: map[string][]string{}}
			pkgs[dir] = p
		}
		p.doc = p.doc || f.Doc != nil
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			p.imports[imp] = append(p.imports[imp], filepath.Base(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 10 {
		t.Fatalf("found only %d packages below %s: is the test run from internal/provider?", len(pkgs), root)
	}
	return pkgs
}

// TestImportRuleCheck shows that each kind of rule refuses what it should,
// including imports the compiler would refuse first as cycles.
func TestImportRuleCheck(t *testing.T) {
	rule := func(pkg string) importRule {
		for _, r := range importRules {
			if r.pkg == pkg {
				return r
			}
		}
		t.Fatalf("no rule for %s", pkg)
		return importRule{}
	}
	for _, tc := range []struct {
		pkg, imp string
		ok       bool
	}{
		{"internal/wait", "context", true},
		{"internal/wait", "github.com/hashicorp/terraform-plugin-log/tflog", true},
		{"internal/wait", module + "/internal/transport", false},
		{"internal/transport", module + "/internal/wait", true},
		{"internal/transport", module + "/internal/zenlayer", false},
		{"internal/journal", module + "/internal/transport", true},
		{"internal/journal", module + "/internal/huaweicloud", false},
		{"internal/zenlayer", module + "/internal/service/zenlayer/zec", false},
		{"internal/zenlayer", pluginFramework + "-validators/int64validator", false},
		{"internal/huaweicloud", module + "/internal/emulator", false},
		{"internal/conns", module + "/internal/framework", false},
		{"internal/framework", module + "/internal/service/zenlayer/bmc", false},
		{"internal/framework", module + "/internal/conns", true},
		{"internal/emulator", module + "/internal/journal", false},
		{"internal/emulator", module + "/internal/wait", false},
		{"internal/emulator", module + "/internal/zenlayerx", false},
		{"internal/emulator", module + "/internal/zenlayer", false},
		{"internal/emulator", module + "/internal/huaweicloud", false},
		{"internal/emulator", module + "/internal/transport", false},
	} {
		if got := rule(tc.pkg).check(tc.imp) == ""; got != tc.ok {
			t.Errorf("%s importing %s: allowed = %v, want %v", tc.pkg, tc.imp, got, tc.ok)
		}
	}
}
