#!/usr/bin/env bash
# make demo: build the provider and the emulator, start the emulator on a
# free loopback port, point Terraform at both through a dev_overrides CLI
# configuration in a temporary directory, apply and destroy examples/demo,
# and print what the emulator saw. Needs nothing but Go and Terraform.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/cloudcompute-demo.XXXXXX")"
label=demo
# shellcheck source=lib/emulator.sh
source "$root/scripts/lib/emulator.sh"

step "Building the provider and the emulator"
(cd "$root" && go build -o "$work/bin/terraform-provider-cloudcompute" . && go build -o "$work/emulator" ./cmd/cloudcompute-emulator)

step "Starting the emulator on 127.0.0.1"
emulator_start
dev_overrides "$work/bin"
# The CloudDC administrator password is write-only: it reaches the API, never the state.
export TF_VAR_admin_password=Demo-Passw0rd-1
# shellcheck source=/dev/null
[[ -f "$root/examples/demo/demo.env" ]] && source "$root/examples/demo/demo.env"

cp -R "$root/examples/demo" "$work/demo"
cd "$work/demo"

step "terraform apply"
terraform apply -auto-approve -input=false -no-color
if [[ -x ./after-apply.sh ]]; then ./after-apply.sh; fi

step "terraform plan (expect no changes)"
terraform plan -detailed-exitcode -input=false -no-color >"$work/plan.txt" && echo "No changes: the infrastructure matches the configuration." || {
  rc=$?; cat "$work/plan.txt"; [[ $rc -eq 2 ]] && echo "unexpected changes after apply" >&2; exit 1; }

step "terraform destroy"
terraform destroy -auto-approve -input=false -no-color

step "What the emulator saw"
kill -TERM "$emu_pid"
wait "$emu_pid" || true
emu_pid=""
sed -n '/^cloudcompute emulator stopping/,$p' "$work/emulator.log"
if ! grep -q '^  none$' "$work/emulator.log"; then
  echo "objects were left behind" >&2
  exit 1
fi
step "Demo finished: everything created was destroyed"
