# terraform query: find what the account already holds and write the
# configuration and import blocks that bring it under Terraform
# (Terraform 1.14 or later). Run it in this directory:
#
#   terraform init
#   terraform query                                   # list what query.tfquery.hcl finds
#   terraform query -generate-config-out=generated.tf # and write resource + import blocks
#   terraform plan                                    # "N to import, 0 to add, 0 to change"
#
# Credentials and endpoints come from the environment (ZENLAYERCLOUD_*,
# HW_*), as in examples/demo; scripts/query-check.sh runs all of this
# against the emulator holding 250 objects of each Zenlayer type.
terraform {
  required_providers {
    cloudcompute = {
      source = "cloudcompute/cloudcompute"
    }
  }
}

# Both clouds take their settings from the environment: the zenlayer and
# huaweicloud blocks are needed only for what the environment does not give.
provider "cloudcompute" {}
