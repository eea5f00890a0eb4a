# Every running bare-metal machine of a zone whose name starts with "db-".
data "cloudcompute_zenlayer_bmc_instances" "databases" {
  zone_id = "SEL-A"
  name    = "db-*"
  status  = "RUNNING"
}

output "database_ips" {
  value = data.cloudcompute_zenlayer_bmc_instances.databases.instances[*].primary_ipv4_address
}
