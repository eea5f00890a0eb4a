# Every zone that sells bare metal.
data "cloudcompute_zenlayer_bmc_zones" "all" {}

output "bmc_zone_ids" {
  value = data.cloudcompute_zenlayer_bmc_zones.all.zones[*].id
}
