#!/usr/bin/env bash
# make testacc-emulator: the real-account acceptance run (make testacc-real)
# and the sweepers (make sweep) against `make emulator` standing in for a
# real account. The emulator runs standalone over HTTP on a loopback port;
# the tests and the sweepers get only what a user of a real account sets:
# the endpoint and credentials the emulator prints (ZENLAYERCLOUD_*, HW_*)
# and the CLOUDCOMPUTE_ACC_* ids of things the tests do not create, here
# the emulator's catalogue. No /_emulator/ endpoint is used. Fails if a test
# fails, or if anything named tf-acc-* is left in the emulator at the end.
#
# TESTARGS (for example -run TestAccZECDisk) and SWEEPARGS pass through.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/cloudcompute-testacc-emulator.XXXXXX")"
emu_pid=""

stop_emulator() {
  if [[ -n "$emu_pid" ]] && kill -0 "$emu_pid" 2>/dev/null; then
    # make, go run and the emulator: the process group started below.
    kill -TERM -- "-$emu_pid" 2>/dev/null || true
    wait "$emu_pid" 2>/dev/null || true
  fi
  emu_pid=""
}
trap 'stop_emulator; echo "work directory: $work" >&2' EXIT

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Starting make emulator on 127.0.0.1"
cd "$root"
setsid make --no-print-directory emulator EMULATOR_ARGS="-addr 127.0.0.1:0 -endpoint-file $work/endpoint -quiet" >"$work/emulator.log" 2>&1 &
emu_pid=$!
for _ in $(seq 1 600); do
  [[ -s "$work/endpoint" ]] && break
  kill -0 "$emu_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; echo "the emulator exited" >&2; exit 1; }
  sleep 0.2
done
[[ -s "$work/endpoint" ]] || { echo "the emulator did not start" >&2; exit 1; }

# Only what the emulator prints for its users: its endpoint and credentials.
unset $(compgen -e | grep -E '^(ZENLAYERCLOUD_|HW_|CLOUDCOMPUTE_ACC_)') 2>/dev/null || true
eval "$(grep -E '^  export (ZENLAYERCLOUD|HW)_' "$work/emulator.log")"
grep -E '^  export ' "$work/emulator.log"

# The ids a maintainer takes from the console of the account: here, from
# the emulator's catalogue.
export CLOUDCOMPUTE_ACC_ZEC_ZONE_ID=asia-east-1a CLOUDCOMPUTE_ACC_ZEC_IMAGE_ID=ubuntu-22.04
export CLOUDCOMPUTE_ACC_ZEC_INSTANCE_TYPE=z2a.cpu.1 CLOUDCOMPUTE_ACC_ZEC_SUBNET_ID=subnet-acc CLOUDCOMPUTE_ACC_ZEC_KEY_ID=key-acc
export CLOUDCOMPUTE_ACC_BMC_ZONE_ID=SEL-A CLOUDCOMPUTE_ACC_BMC_INSTANCE_TYPE_ID=S9I
export CLOUDCOMPUTE_ACC_BMC_IMAGE_ID=img-ubuntu-2204 CLOUDCOMPUTE_ACC_BMC_KEY_ID=key-acc
export CLOUDCOMPUTE_ACC_CLOUDDC_IMAGE_ID=8d2b4c6e-1f3a-4b5c-9d7e-0a1b2c3d4e5f CLOUDCOMPUTE_ACC_CLOUDDC_IMAGE_ID_2=5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b
export CLOUDCOMPUTE_ACC_CLOUDDC_VPC_ID=1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d CLOUDCOMPUTE_ACC_CLOUDDC_VPC_ID_2=6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c
export CLOUDCOMPUTE_ACC_CLOUDDC_SUBNET_ID=3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f CLOUDCOMPUTE_ACC_CLOUDDC_SUBNET_ID_2=4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a
export CLOUDCOMPUTE_ACC_CLOUDDC_SUBNET_ID_3=7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e CLOUDCOMPUTE_ACC_CLOUDDC_SUBNET_2_ADDRESS=192.168.1.50

step "make testacc-real against the emulator"
rc=0
set -o pipefail
make --no-print-directory testacc-real TESTARGS="${TESTARGS:-}" 2>&1 | tee "$work/testacc.log" || rc=$?
# count RE: the lines of the test log that match RE.
count() { grep -cE "$1" "$work/testacc.log" || true; }

step "make sweep against the emulator"
make --no-print-directory sweep SWEEP="$HW_REGION_NAME" SWEEPARGS="${SWEEPARGS:-}" 2>&1 | tee "$work/sweep.log" || rc=$?

step "Stopping the emulator: what it saw and what it holds"
stop_emulator
sed -n '/^API calls:/,$p' "$work/emulator.log"
left=$(sed -n '/^objects left in the emulator:/,$p' "$work/emulator.log" | tail -n +2)

printf '\nacceptance tests (TestAcc*) against the emulator as a real account: %s passed, %s skipped, %s failed\n' \
  "$(count '^--- PASS: TestAcc')" "$(count '^--- SKIP: TestAcc')" "$(count '^--- FAIL: TestAcc')"
printf 'their subtests: %s passed, %s skipped, %s failed; other tests skipped (the fault suite): %s\n' \
  "$(count '^\s+--- PASS: TestAcc')" "$(count '^\s+--- SKIP: TestAcc')" "$(count '^\s+--- FAIL: TestAcc')" "$(count '^--- SKIP: Test[^A]')"
if grep -q 'tf-acc-' <<<"$left" || ! grep -qE '^\s+none$' <<<"$left"; then
  # The emulator lists ids; any object left after the tests and the sweep is one too many.
  echo "objects left in the emulator after the run and the sweep:" >&2
  echo "$left" >&2
  rc=1
fi
exit "$rc"
