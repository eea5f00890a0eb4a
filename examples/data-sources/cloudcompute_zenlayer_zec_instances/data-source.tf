# Every stopped instance of a zone whose name contains "worker".
data "cloudcompute_zenlayer_zec_instances" "stopped_workers" {
  zone_id = "asia-east-1a"
  name    = "worker"
  status  = "STOPPED"
}

output "stopped_worker_ids" {
  value = data.cloudcompute_zenlayer_zec_instances.stopped_workers.instances[*].id
}
