# The running machines tagged app = "db", whatever their zone, and their
# private addresses by name (for a monitoring configuration).
data "cloudcompute_zenlayer_bmc_instances" "databases" {
  status = "RUNNING"
  tags = {
    app = "db"
  }
}

output "database_private_ips" {
  value = { for i in data.cloudcompute_zenlayer_bmc_instances.databases.instances : i.name => i.private_ip_addresses }
}

# The build machines, running or stopped: a trailing * matches the names
# that start with "build-".
data "cloudcompute_zenlayer_bmc_instances" "builders" {
  name = "build-*"
}

output "build_machine_ids" {
  value = data.cloudcompute_zenlayer_bmc_instances.builders.instances[*].id
}
