#!/usr/bin/env bash
# make test-query: terraform query against the standalone emulator (the
# one `make emulator` runs) holding QUERY_N (default 250) objects of each
# Zenlayer type and the CloudDC instances its four servers allow.
#
#  1. Terraform makes the objects in a directory of its own
#     (scripts/query-seed), so the query starts from an empty state;
#  2. terraform query -generate-config-out runs examples/query in a fresh
#     directory: every object must be listed (the clients follow the pages:
#     100 a page for Zenlayer), counted from the JSON output, from the
#     generated import blocks and against the emulator's inventory;
#  3. terraform plan of the generated configuration and import blocks must
#     import every object and change nothing (write-only passwords and the
#     arguments the APIs do not report included).
#
# It needs Terraform 1.14 or later: TERRAFORM=/path/to/terraform, else the
# project's Terraform 1.15.9 (../shared/tools/terraform), else the PATH's.
# QUERY_KEEP=1 keeps the work directory.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${QUERY_N:-250}"
clouddc_n=4
work="$(mktemp -d "${TMPDIR:-/tmp}/cloudcompute-query.XXXXXX")"
label="query check"
[[ -n "${QUERY_KEEP:-}" ]] && export KEEP_WORK=1
# shellcheck source=lib/emulator.sh
source "$root/scripts/lib/emulator.sh"
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

tf="$("$root/scripts/newer-terraform.sh")"
version="$("$tf" version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p')"
echo "terraform $version ($tf), $n objects of each Zenlayer type, $clouddc_n CloudDC instances"

step "Building the provider and the emulator"
(cd "$root" && go build -o "$work/bin/terraform-provider-cloudcompute" . && go build -o "$work/emulator" ./cmd/cloudcompute-emulator)

step "Starting the emulator (durations scaled to 1%)"
emulator_start -quiet -duration-scale 0.01
dev_overrides "$work/bin"

calls() { curl -fsS "http://$endpoint/_emulator/calls"; }
inventory_count() { curl -fsS "http://$endpoint/_emulator/inventory" | jq --arg k "$1" '(.[$k] // []) | length'; }

step "Seeding: terraform apply of scripts/query-seed (-parallelism=50)"
mkdir -p "$work/seed"
cp "$root/scripts/query-seed/main.tf" "$work/seed/"
t0="$(now)"
(cd "$work/seed" && "$tf" apply -auto-approve -input=false -no-color -parallelism=50 -var "n=$n" -var "clouddc_n=$clouddc_n" >"$work/seed.log" 2>&1) ||
  { tail -n 40 "$work/seed.log" >&2; fail "seeding failed"; }
echo "seeded in $(since "$t0") s: $(inventory_count zec_instance) ZEC instances, $(inventory_count zec_disk) ZEC disks (with the boot disks), $(inventory_count bmc_instance) BMC instances, $(inventory_count clouddc_instance) CloudDC instances"

step "terraform query -generate-config-out in a fresh directory (examples/query)"
mkdir -p "$work/query"
cp "$root/examples/query/main.tf" "$root/examples/query/query.tfquery.hcl" "$work/query/"
calls >"$work/calls-before.json"
t0="$(now)"
(cd "$work/query" && "$tf" query -json -generate-config-out=generated.tf >query.jsonl 2>"$work/query.err") ||
  { cat "$work/query.err" >&2; tail -n 20 "$work/query/query.jsonl" >&2; fail "terraform query failed"; }
query_s="$(since "$t0")"
calls >"$work/calls-after.json"
jq -s 'map(select(.type == "diagnostic" and .diagnostic.severity == "error")) | length' "$work/query/query.jsonl" |
  grep -qx 0 || { grep '"error"' "$work/query/query.jsonl" >&2; fail "terraform query reported errors"; }

found() { jq -s --arg a "list.$1" 'map(select(.type == "list_resource_found" and .list_resource_found.address == $a)) | length' "$work/query/query.jsonl"; }
imports() { grep -c "^  to *= *$1\." "$work/query/generated.tf" || true; }
check() { # type label want
  local got gen
  got="$(found "$1.$2")"
  gen="$(imports "$1")"
  printf '  %-45s listed %4d, import blocks %4d, expected %4d\n' "$1.$2" "$got" "$gen" "$3"
  [[ "$got" == "$3" && "$gen" == "$3" ]] || fail "list.$1.$2: listed $got, generated $gen import blocks, want $3"
}
echo "query took $query_s s"
check cloudcompute_zenlayer_zec_instance all "$(inventory_count zec_instance)"
check cloudcompute_zenlayer_zec_disk data "$n"
check cloudcompute_zenlayer_bmc_instance running "$(inventory_count bmc_instance)"
check cloudcompute_huaweicloud_clouddc_instance all "$(inventory_count clouddc_instance)"
[[ "$(inventory_count zec_instance)" == "$n" && "$(inventory_count bmc_instance)" == "$n" ]] || fail "the seed did not make $n objects of each type"
calls_between() { # before.json after.json: the calls made in between, per action
  jq -n --slurpfile a "$1" --slurpfile b "$2" \
    '$b[0] | to_entries | map(.value -= ($a[0][.key] // 0)) | map(select(.value > 0)) | .[] | "  \(.key) \(.value)"' -r
}
echo "API calls of the query:"
calls_between "$work/calls-before.json" "$work/calls-after.json"

step "terraform plan of the generated configuration and import blocks"
total=$((2 * n + $(inventory_count bmc_instance) + $(inventory_count clouddc_instance)))
t0="$(now)"
(cd "$work/query" && "$tf" plan -input=false -no-color -parallelism=50 >plan.txt 2>&1) || { tail -n 40 "$work/query/plan.txt" >&2; fail "plan failed"; }
echo "plan took $(since "$t0") s; its API calls (the imports' reads, coalesced):"
calls >"$work/calls-plan.json"
calls_between "$work/calls-after.json" "$work/calls-plan.json"
summary="$(grep '^Plan:' "$work/query/plan.txt" || true)"
echo "  $summary"
[[ "$summary" == "Plan: $total to import, 0 to add, 0 to change, 0 to destroy." ]] || {
  grep -B2 -A30 'will be updated\|must be replaced\|will be created' "$work/query/plan.txt" | head -n 60 >&2
  fail "want \"Plan: $total to import, 0 to add, 0 to change, 0 to destroy.\""
}
step "All $total objects listed; the generated configuration imports them and changes nothing"
