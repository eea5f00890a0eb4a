#!/usr/bin/env bash
# Run by scripts/demo.sh after the first apply: stop the ZEC instance in
# place, then start it again (StopInstances, then StartInstances), with the
# same instance id throughout.
set -euo pipefail
id_before="$(terraform output -raw zec_instance | cut -d' ' -f1)"
printf '\n\033[1m==> terraform apply -var power_state=stopped (StopInstances in place)\033[0m\n'
terraform apply -auto-approve -input=false -no-color -var power_state=stopped | grep -E 'cloudcompute_zenlayer_zec_instance|Apply complete|zec_instance ='
printf '\n\033[1m==> terraform apply -var power_state=running (StartInstances in place)\033[0m\n'
terraform apply -auto-approve -input=false -no-color -var power_state=running | grep -E 'cloudcompute_zenlayer_zec_instance|Apply complete|zec_instance ='
id_after="$(terraform output -raw zec_instance | cut -d' ' -f1)"
if [[ "$id_before" != "$id_after" ]]; then
  echo "the instance was replaced ($id_before -> $id_after)" >&2
  exit 1
fi
echo "instance $id_after stopped and started in place"
