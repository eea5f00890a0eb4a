# The smallest type of a zone with at least 2 cores and 4 GiB, in stock.
data "cloudcompute_zenlayer_zec_instance_types" "small" {
  zone_id       = "asia-east-1a"
  min_cpu_count = 2
  min_memory    = 4
  with_stock    = true
}

output "instance_type" {
  value = data.cloudcompute_zenlayer_zec_instance_types.small.instance_types[0].id
}
