# Sourced by the scripts that run Terraform against the standalone emulator
# (demo.sh, release-check.sh, query-check.sh): one way to start it, point
# Terraform and the provider at it, and clean up.
#
#   work=...; label="demo"; source "$root/scripts/lib/emulator.sh"
#   emulator_start [emulator flags...]   # sets emu_pid and endpoint, exports the credentials
#   dev_overrides DIR                    # Terraform takes the provider from DIR
#
# On exit the emulator is stopped; on failure the tail of its log is
# printed and the work directory kept (always kept with KEEP_WORK=1).
# Callers set: root (the repository), work (a temporary directory), label.

emu_pid=""
endpoint=""

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
fail() { echo "$label: $*" >&2; exit 1; }

emulator_cleanup() {
  local rc=$?
  if [[ -n "$emu_pid" ]] && kill -0 "$emu_pid" 2>/dev/null; then
    kill -TERM "$emu_pid" 2>/dev/null || true
    wait "$emu_pid" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 ]]; then
    echo "$label failed (exit $rc); emulator log:" >&2
    tail -n 40 "$work/emulator.log" >&2 || true
  fi
  if [[ $rc -ne 0 || -n "${KEEP_WORK:-}" ]]; then
    echo "work directory kept: $work" >&2
  else
    rm -rf "$work"
  fi
}
trap emulator_cleanup EXIT

# emulator_start builds the emulator (once) and starts it on a free
# loopback port with the given flags, then exports the credentials a user
# of the emulator sets: its test credentials, which are not secrets.
emulator_start() {
  [[ -x "$work/emulator" ]] || (cd "$root" && go build -o "$work/emulator" ./cmd/cloudcompute-emulator)
  "$work/emulator" -addr 127.0.0.1:0 -endpoint-file "$work/endpoint" "$@" >"$work/emulator.log" 2>&1 &
  emu_pid=$!
  for _ in $(seq 1 100); do
    [[ -s "$work/endpoint" ]] && break
    kill -0 "$emu_pid" 2>/dev/null || fail "the emulator exited"
    sleep 0.1
  done
  endpoint="$(tr -d '\n' <"$work/endpoint")"
  [[ -n "$endpoint" ]] || fail "the emulator did not start"
  echo "emulator at http://$endpoint"
  export ZENLAYERCLOUD_DOMAIN="$endpoint" ZENLAYERCLOUD_SCHEME=HTTP
  export ZENLAYERCLOUD_ACCESS_KEY_ID=EMULATORKEYID0001 ZENLAYERCLOUD_ACCESS_KEY_PASSWORD=emulator-access-key-password
  # Huawei Cloud: AK/SK request signing against the emulated CloudDC.
  export HW_REGION_NAME=cn-east-3 HW_PROJECT_ID=0f5e2a7c9b3d4e6f8a1b2c3d4e5f6a7b
  export HW_ACCESS_KEY=HWEMULATORAK00000001 HW_SECRET_KEY=emulator-huawei-secret-key-0123456789abcd
  export HW_CLOUDDC_ENDPOINT="http://$endpoint" HW_AUTH_URL="http://$endpoint/v3"
}

# dev_overrides points Terraform at the provider binary in DIR through a
# CLI configuration of the work directory (~/.terraformrc is not touched).
dev_overrides() {
  cat >"$work/terraformrc" <<CONF
provider_installation {
  dev_overrides {
    "registry.terraform.io/cloudcompute/cloudcompute" = "$1"
  }
  direct {}
}
CONF
  export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1
}
