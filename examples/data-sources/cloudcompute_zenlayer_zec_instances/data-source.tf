# Every stopped instance of a zone whose name contains "worker".
data "cloudcompute_zenlayer_zec_instances" "stopped_workers" {
  zone_id = "asia-east-1a"
  name    = "worker"
  status  = "STOPPED"
}

output "stopped_worker_ids" {
  value = data.cloudcompute_zenlayer_zec_instances.stopped_workers.instances[*].id
}

# The instances tagged app = "web", by name, with their private addresses.
data "cloudcompute_zenlayer_zec_instances" "web" {
  tags = {
    app = "web"
  }
}

output "web_private_ips" {
  value = { for i in data.cloudcompute_zenlayer_zec_instances.web.instances : i.name => i.private_ip_addresses }
}
