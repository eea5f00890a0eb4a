#!/usr/bin/env bash
# Copyright (c) The terraform-provider-cloudcompute authors
# SPDX-License-Identifier: MPL-2.0
#
# make release-check: install the provider the way a user installs a
# release, from what `make release-snapshot` wrote to dist/, and plan
# examples/demo with it against the local emulator:
#   1. check dist/: an archive per platform, the manifest, SHA256SUMS that
#      match the files and whose GPG signature verifies, each archive
#      holding the binary _v{VERSION};
#   2. unzip this machine's archive into a filesystem_mirror (unpacked
#      layout) in a temporary directory;
#   3. terraform init (from that mirror only, no dev_overrides, no network)
#      and terraform plan of examples/demo against the emulator.
# DIST overrides the directory of the release files (default: dist).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dist="${DIST:-$root/dist}"
work="$(mktemp -d "${TMPDIR:-/tmp}/cloudcompute-release-check.XXXXXX")"
name=terraform-provider-cloudcompute
address=registry.terraform.io/cloudcompute/cloudcompute
label="release check"
# shellcheck source=lib/emulator.sh
source "$root/scripts/lib/emulator.sh"

step "Release files in $dist"
[[ -f "$dist/metadata.json" ]] || fail "no $dist/metadata.json: run make release-snapshot first"
version="$(jq -r .version "$dist/metadata.json")"
[[ -n "$version" && "$version" != null ]] || fail "no version in $dist/metadata.json"
echo "version $version"

sums="$dist/${name}_${version}_SHA256SUMS"
manifest="$dist/${name}_${version}_manifest.json"
[[ -f "$sums" ]] || fail "missing $(basename "$sums")"
[[ -f "$manifest" ]] || fail "missing $(basename "$manifest")"
cmp -s "$manifest" "$root/terraform-registry-manifest.json" || fail "$(basename "$manifest") is not terraform-registry-manifest.json"
jq -e '.version == 1 and (.metadata.protocol_versions | index("6.0"))' "$manifest" >/dev/null || fail "the manifest does not declare protocol 6.0"

# The registry's platforms: every os on amd64 and arm64, the usual 386 and arm.
want=(darwin_amd64 darwin_arm64 freebsd_386 freebsd_amd64 freebsd_arm freebsd_arm64
  linux_386 linux_amd64 linux_arm linux_arm64 windows_386 windows_amd64 windows_arm64)
for p in "${want[@]}"; do
  [[ -f "$dist/${name}_${version}_${p}.zip" ]] || fail "missing archive ${name}_${version}_${p}.zip"
done
got="$(find "$dist" -maxdepth 1 -name '*.zip' | wc -l)"
[[ "$got" -eq "${#want[@]}" ]] || fail "$got archives in $dist, want ${#want[@]}"

# SHA256SUMS lists exactly the archives and the manifest, and they match.
listed="$(awk '{print $2}' "$sums" | sort)"
expected="$( (for p in "${want[@]}"; do echo "${name}_${version}_${p}.zip"; done; basename "$manifest") | sort)"
[[ "$listed" == "$expected" ]] || fail "$(basename "$sums") lists:"$'\n'"$listed"$'\n'"want:"$'\n'"$expected"
(cd "$dist" && sha256sum --quiet -c "$(basename "$sums")") || fail "a checksum does not match"
echo "${#want[@]} archives and the manifest; $(basename "$sums") matches them"

# The detached signature of SHA256SUMS, checked as the registry checks it
# against the namespace's public key: here the snapshot's throwaway key.
[[ -f "$sums.sig" ]] || fail "missing $(basename "$sums").sig (was dist/ built without gpg?)"
[[ -f "$dist/snapshot-signing-key.asc" ]] || fail "missing snapshot-signing-key.asc beside the signature"
mkdir -m 700 "$work/gnupg"
GNUPGHOME="$work/gnupg" gpg --batch --quiet --dearmor <"$dist/snapshot-signing-key.asc" >"$work/snapshot-key.gpg"
GNUPGHOME="$work/gnupg" gpgv --keyring "$work/snapshot-key.gpg" "$sums.sig" "$sums" 2>"$work/gpgv.txt" || { cat "$work/gpgv.txt" >&2; fail "the signature of $(basename "$sums") does not verify"; }
echo "$(basename "$sums").sig: $(grep -o 'Good signature.*' "$work/gpgv.txt")"

# Each archive holds the binary the registry expects (.exe on Windows).
for p in "${want[@]}"; do
  bin="${name}_v${version}"
  [[ $p == windows_* ]] && bin="$bin.exe"
  unzip -Z1 "$dist/${name}_${version}_${p}.zip" | grep -qx "$bin" || fail "${name}_${version}_${p}.zip lacks $bin"
done
echo "every archive holds ${name}_v${version}"

step "Installing this machine's archive into a filesystem mirror"
platform="$(go env GOOS)_$(go env GOARCH)"
archive="$dist/${name}_${version}_${platform}.zip"
[[ -f "$archive" ]] || fail "no archive for this machine ($platform)"
pkgdir="$work/mirror/$address/$version/$platform"
mkdir -p "$pkgdir"
unzip -q "$archive" -d "$pkgdir"
binary="$pkgdir/${name}_v${version}"
[[ -x "$binary" ]] || fail "$(basename "$binary") is not executable"
# The version comes from the tag through -X main.version, which the provider
# reports in its User-Agent (TestAccProvider_userAgentCarriesVersion): the
# string is in the binary. (-trimpath keeps -ldflags out of its build info.)
grep -aqF -- "$version" "$binary" || fail "$(basename "$binary") does not hold its version: built without -X main.version=$version?"
echo "$(basename "$archive") -> $pkgdir (holds main.version $version)"

cat >"$work/terraformrc" <<CONF
provider_installation {
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["$address"]
  }
}
CONF
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1
export TF_DATA_DIR="$work/tfdata"
unset TF_PLUGIN_CACHE_DIR

step "Building and starting the emulator on 127.0.0.1"
emulator_start
export TF_VAR_admin_password=Demo-Passw0rd-1

cp -R "$root/examples/demo" "$work/demo"
rm -rf "$work/demo/.terraform" "$work/demo/.terraform.lock.hcl" "$work/demo/.demo"
# A snapshot is a pre-release, which Terraform selects only through an exact
# version constraint, as a user pins one (an override file merges it into
# the demo's required_providers).
cat >"$work/demo/release_check_override.tf" <<HCL
terraform {
  required_providers {
    cloudcompute = {
      source  = "cloudcompute/cloudcompute"
      version = "= $version"
    }
  }
}
HCL
# Two listings the plan reads at once (the demo's own data source waits for
# its instance), so the released binary signs and sends real requests to
# both emulated clouds.
cat >"$work/demo/release_check.tf" <<'HCL'
data "cloudcompute_zenlayer_zec_disks" "release_check" {}

data "cloudcompute_huaweicloud_clouddc_instances" "release_check" {}
HCL
cd "$work/demo"

step "terraform init (filesystem mirror only)"
terraform init -input=false -no-color | tee "$work/init.txt"
grep -q "Installing cloudcompute/cloudcompute v$version" "$work/init.txt" || fail "terraform init did not install v$version"
grep -q "Installed cloudcompute/cloudcompute v$version (unauthenticated)" "$work/init.txt" || fail "terraform init did not install v$version from the mirror"
grep -q "h1:" .terraform.lock.hcl || fail "the lock file records no h1: hash"

step "terraform plan"
terraform plan -input=false -no-color -out="$work/plan.bin" | tee "$work/plan.txt"
terraform show -json "$work/plan.bin" >"$work/plan.json"
creates="$(jq '[.resource_changes[] | select(.change.actions == ["create"])] | length' "$work/plan.json")"
[[ "$creates" -eq 4 ]] || fail "the plan creates $creates resources, want the demo's 4"
terraform version -json | jq -e --arg v "$version" '.provider_selections["'"$address"'"] == $v' >/dev/null ||
  fail "terraform version does not select $address $version"

# The emulator answered the released binary's signed requests to both clouds.
curl -fsS "http://$endpoint/_emulator/log" >"$work/emulator-log.json"
jq -r '.[] | "\(.api).\(.action) \(.status) \(.code // "")"' "$work/emulator-log.json"
jq -e 'length > 0 and all(.[]; .status < 300)' "$work/emulator-log.json" >/dev/null || fail "the emulator refused a request of the plan"
for api in zec clouddc; do
  jq -e --arg api "$api" 'any(.[]; .api == $api)' "$work/emulator-log.json" >/dev/null || fail "the plan sent no $api request"
done

step "Release check passed: $name $version installed from a filesystem mirror plans examples/demo"
