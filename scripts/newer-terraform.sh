#!/usr/bin/env bash
# Prints the path of a Terraform 1.14 or later, for what the PATH's
# Terraform 1.11 cannot do (list resources and terraform query; resource
# identities in the provider schema that make generate documents):
# $TERRAFORM if set, else the project's Terraform 1.15.9
# (../shared/tools/terraform/unpack, see its README), else the PATH's.
# Fails, saying what to set, when that one is older.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tf="${TERRAFORM:-}"
if [[ -z "$tf" && -x "$root/../shared/tools/terraform/unpack" ]]; then
  tf="$("$root/../shared/tools/terraform/unpack")"
fi
tf="${tf:-terraform}"
case "$tf" in
  */*) tf="$(cd "$(dirname "$tf")" && pwd)/$(basename "$tf")" ;;
  *) tf="$(command -v "$tf")" || { echo "no terraform on the PATH; set TERRAFORM=/path/to/terraform (1.14 or later)" >&2; exit 1; } ;;
esac
version="$("$tf" version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p')"
IFS=. read -r major minor _ <<<"${version:-0.0.0}"
if (( major < 1 || (major == 1 && minor < 14) )); then
  echo "$tf is Terraform ${version:-of an unknown version}; this needs 1.14 or later: set TERRAFORM=/path/to/terraform" >&2
  exit 1
fi
echo "$tf"
