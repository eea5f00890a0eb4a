// Command sdkfields writes ../sdk_fields.json, the fixture of the contract
// tests (contract_test.go): for every action the emulator implements and
// every version of it that the Zenlayer Go SDK ships, the JSON fields of the
// SDK's request model and of its response model, read from the SDK's source
// with go/parser (it does not import the SDK).
//
//	go mod download github.com/zenlayer/zenlayercloud-sdk-go@v0.2.40
//	go run ./internal/emulator/testdata/sdkfields \
//	    $(go env GOMODCACHE)/github.com/zenlayer/zenlayercloud-sdk-go@v0.2.40 > internal/emulator/testdata/sdk_fields.json
//
// v0.2.40 is the version zenlayer/terraform-provider-zenlayercloud v0.2.28
// requires. The resource manager packages (zrm20251014: tags; user20240529:
// resource groups) are newer than some releases: a package a release lacks
// is skipped. Their entries in sdk_fields.json were written from the SDK's
// models at commits 193517259f30dbd4fb02039b35b3e3b4bf403ece (zrm20251014)
// and 270bf3d8668e48f925bd4b3476bd7de1b770122a (user20240529), in the form
// this command writes. A field is "path:type": nested objects are joined with ".", an
// array is "[]" after the name, types are string, integer, number, boolean.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// packages are the SDK packages of the services the emulator serves, with
// the actions it implements.
var packages = []struct {
	dir, service, version string
	actions               []string
}{
	{"zec20250901", "zec", "2025-09-01", slices.Concat(zecActions, zec2025Actions)},
	{"zec20240401", "zec", "2024-04-01", zecActions},
	{"bmc20221120", "bmc", "2022-11-20", bmcActions},
	{"bmc20260201", "bmc", "2026-02-01", bmcActions},
	{"zrm20251014", "zrm", "2025-10-14", []string{"ModifyResourceTags", "DescribeResourceTags"}},
	{"user20240529", "user", "2024-05-29", []string{"AddResourceResourceGroup"}},
	{"ccs20250901", "ccs", "2025-09-01", []string{"DescribeKeyPairs"}},
}

var zecActions = []string{"CreateDisks", "DescribeDisks", "AttachDisks", "DetachDisks", "ResizeDisk", "ModifyDisksAttributes",
	"ReleaseDisk", "DescribeDiskCategory", "CreateZecInstances", "DescribeInstances", "DescribeInstancesStatus",
	"StartInstances", "StopInstances", "RebootInstances", "ModifyInstancesAttribute", "ReleaseInstances"}

// zec2025Actions are the actions the emulator serves in version 2025-09-01 only.
var zec2025Actions = []string{"ModifyInstanceType", "ResetInstance", "ResetInstancePassword", "ModifyNetworkInterfaceAttribute",
	"StartIpForward", "StopIpForward", "DescribeZones", "DescribeImages", "DescribeZoneInstanceConfigInfos"}

var bmcActions = []string{"CreateInstances", "DescribeInstances", "StartInstances", "StopInstances", "RebootInstances", "ModifyInstancesAttribute",
	"TerminateInstance", "ReleaseInstances", "DescribeZones", "DescribeInstanceTypes", "DescribeImages",
	"ReinstallInstance", "ModifyInstanceBandwidth", "ModifyInstanceTrafficPackage", "AssociateSubnetInstances",
	"UnAssociateSubnetInstance", "DescribeInstanceInternetStatus", "CancelInstanceBandwidthDowngrade",
	"CancelInstanceTrafficPackageDowngrade"}

// responseAliases are the response models whose name is not <Action>Response
// (bmc20221120 names ReinstallInstance's ReInstallInstanceResponse).
var responseAliases = map[string]string{"ReinstallInstance": "ReInstallInstanceResponse"}

type action struct {
	Service  string   `json:"service"`
	Version  string   `json:"version"`
	Action   string   `json:"action"`
	File     string   `json:"file"`
	Request  string   `json:"requestModel"`
	Response string   `json:"responseModel"`
	ReqF     []string `json:"requestFields"`
	RespF    []string `json:"responseFields"`
}

func main() {
	root := os.Args[1]
	out := struct {
		Source  string   `json:"source"`
		Actions []action `json:"actions"`
	}{Source: "github.com/zenlayer/zenlayercloud-sdk-go v0.2.40 (" + filepath.Base(root) + ")"}
	for _, p := range packages {
		file := "zenlayercloud/" + p.dir + "/models.go"
		if _, err := os.Stat(filepath.Join(root, file)); err != nil && (p.service == "zrm" || p.service == "user") {
			continue // a release older than the resource manager packages
		}
		types := parse(filepath.Join(root, file))
		for _, a := range p.actions {
			wrapName := a + "Response"
			if types[wrapName] == nil && responseAliases[a] != "" {
				wrapName = responseAliases[a]
			}
			req, wrap := types[a+"Request"], types[wrapName]
			if req == nil || wrap == nil {
				panic(p.dir + ": no model of " + a)
			}
			respName, resp := wrapName+".Response", []string(nil)
			for _, f := range wrap.Fields.List {
				if len(f.Names) == 1 && f.Names[0].Name == "Response" {
					if st, ok := f.Type.(*ast.StructType); ok {
						resp = fields(types, st, "")
					} else {
						respName = typeName(f.Type)
						resp = fields(types, types[respName], "")
					}
				}
			}
			out.Actions = append(out.Actions, action{Service: p.service, Version: p.version, Action: a, File: file,
				Request: a + "Request", Response: respName, ReqF: fields(types, req, ""), RespF: resp})
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}

func parse(path string) map[string]*ast.StructType {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		panic(err)
	}
	types := map[string]*ast.StructType{}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok {
			for _, s := range g.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					if st, ok := ts.Type.(*ast.StructType); ok {
						types[ts.Name.Name] = st
					}
				}
			}
		}
	}
	return types
}

func typeName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return typeName(t.X)
	case *ast.Ident:
		return t.Name
	}
	panic(fmt.Sprintf("unexpected type %T", e))
}

// fields flattens the JSON fields of st below prefix, sorted.
func fields(types map[string]*ast.StructType, st *ast.StructType, prefix string) []string {
	var out []string
	for _, f := range st.Fields.List {
		if f.Tag == nil {
			continue
		}
		tag, _ := strconv.Unquote(f.Tag.Value)
		name := strings.Split(reflect.StructTag(tag).Get("json"), ",")[0]
		if name == "" || name == "-" {
			continue
		}
		out = append(out, flatten(types, f.Type, prefix+name)...)
	}
	sort.Strings(out)
	return out
}

func flatten(types map[string]*ast.StructType, e ast.Expr, path string) []string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return flatten(types, t.X, path)
	case *ast.ArrayType:
		return flatten(types, t.Elt, path+"[]")
	case *ast.StructType:
		return fields(types, t, path+".")
	case *ast.Ident:
		switch t.Name {
		case "string":
			return []string{path + ":string"}
		case "int", "int64", "int32":
			return []string{path + ":integer"}
		case "float64", "float32":
			return []string{path + ":number"}
		case "bool":
			return []string{path + ":boolean"}
		}
		st := types[t.Name]
		if st == nil {
			panic("unknown type " + t.Name)
		}
		return fields(types, st, path+".")
	}
	panic(fmt.Sprintf("%s: unexpected type %T", path, e))
}
