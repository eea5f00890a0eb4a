# Every zone that sells ZEC.
data "cloudcompute_zenlayer_zec_zones" "all" {}

output "zec_zone_ids" {
  value = data.cloudcompute_zenlayer_zec_zones.all.zones[*].id
}
