#!/usr/bin/env bash
# Copyright (c) The terraform-provider-cloudcompute authors
# SPDX-License-Identifier: MPL-2.0
#
# make release-snapshot: build every file of a release into dist/ with
# GoReleaser (.goreleaser.yml), as `goreleaser release` would publish them,
# with no tag, no network beyond the module proxy and no key of the
# project's: SHA256SUMS is signed by a throwaway GPG key made for this build
# (its public half is left in dist/snapshot-signing-key.asc, the rest is
# deleted), so the signing step runs exactly as in a release and
# `make release-check` can verify the signature as the registry does.
# Without gpg the signature is skipped (and release-check says so).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
goreleaser=(go tool -modfile="$root/tools/go.mod" goreleaser)
name=terraform-provider-cloudcompute
gnupg=""

cleanup() {
  if [[ -n "$gnupg" ]]; then
    GNUPGHOME="$gnupg" gpgconf --kill gpg-agent 2>/dev/null || true
    rm -rf "$gnupg"
  fi
}
trap cleanup EXIT

"${goreleaser[@]}" check

skip=(--skip=sign)
unset GPG_FINGERPRINT
if command -v gpg >/dev/null && command -v gpgconf >/dev/null; then
  gnupg="$(mktemp -d "${TMPDIR:-/tmp}/cloudcompute-snapshot-gnupg.XXXXXX")"
  chmod 700 "$gnupg"
  export GNUPGHOME="$gnupg"
  gpg --batch --quiet --passphrase '' --quick-gen-key "$name snapshot (throwaway key) <snapshot@example.invalid>" ed25519 sign 1d
  GPG_FINGERPRINT="$(gpg --list-keys --with-colons | awk -F: '$1 == "fpr" {print $10; exit}')"
  export GPG_FINGERPRINT
  echo "signing with the throwaway key $GPG_FINGERPRINT"
  skip=()
else
  echo "gpg not found: the snapshot is not signed" >&2
fi

"${goreleaser[@]}" release --snapshot --clean "${skip[@]}"

version="$(jq -r .version dist/metadata.json)"
# The release uploads the manifest beside the archives (release.extra_files);
# a snapshot publishes nothing, so it is copied here.
cp terraform-registry-manifest.json "dist/${name}_${version}_manifest.json"
if [[ -n "$gnupg" ]]; then
  gpg --armor --export "$GPG_FINGERPRINT" >dist/snapshot-signing-key.asc
fi

echo "Release files in dist/ (version $version):"
(cd dist && ls -1 -- *.zip *_SHA256SUMS* *_manifest.json)
