#!/usr/bin/env bash
# make demo: build the provider and the emulator, start the emulator on a
# free loopback port, point Terraform at both through a dev_overrides CLI
# configuration in a temporary directory, apply and destroy examples/demo,
# and print what the emulator saw. Needs nothing but Go and Terraform.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/cloudcompute-demo.XXXXXX")"
emu_pid=""

cleanup() {
  local rc=$?
  if [[ -n "$emu_pid" ]] && kill -0 "$emu_pid" 2>/dev/null; then
    kill -TERM "$emu_pid" 2>/dev/null || true
    wait "$emu_pid" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 ]]; then
    echo "demo failed (exit $rc); emulator log:" >&2
    tail -n 40 "$work/emulator.log" >&2 || true
    echo "work directory kept: $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Building the provider and the emulator"
(cd "$root" && go build -o "$work/bin/terraform-provider-cloudcompute" . && go build -o "$work/emulator" ./cmd/cloudcompute-emulator)

step "Starting the emulator on 127.0.0.1"
"$work/emulator" -addr 127.0.0.1:0 -endpoint-file "$work/endpoint" >"$work/emulator.log" 2>&1 &
emu_pid=$!
for _ in $(seq 1 100); do
  [[ -s "$work/endpoint" ]] && break
  kill -0 "$emu_pid" 2>/dev/null || { echo "emulator exited" >&2; exit 1; }
  sleep 0.1
done
endpoint="$(tr -d '\n' <"$work/endpoint")"
[[ -n "$endpoint" ]] || { echo "emulator did not start" >&2; exit 1; }
echo "emulator at http://$endpoint"

cat >"$work/terraformrc" <<CONF
provider_installation {
  dev_overrides {
    "registry.terraform.io/cloudcompute/cloudcompute" = "$work/bin"
  }
  direct {}
}
CONF
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1
# The emulator's test credentials; they are not secrets.
export ZENLAYERCLOUD_DOMAIN="$endpoint" ZENLAYERCLOUD_SCHEME=HTTP
export ZENLAYERCLOUD_ACCESS_KEY_ID=EMULATORKEYID0001 ZENLAYERCLOUD_ACCESS_KEY_PASSWORD=emulator-access-key-password
# Huawei Cloud: AK/SK request signing against the emulated CloudDC.
export HW_REGION_NAME=cn-east-3 HW_PROJECT_ID=0f5e2a7c9b3d4e6f8a1b2c3d4e5f6a7b
export HW_ACCESS_KEY=HWEMULATORAK00000001 HW_SECRET_KEY=emulator-huawei-secret-key-0123456789abcd
export HW_CLOUDDC_ENDPOINT="http://$endpoint" HW_AUTH_URL="http://$endpoint/v3"
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
