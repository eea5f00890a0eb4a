# All data disks of one zone that are not attached to an instance.
data "cloudcompute_zenlayer_zec_disks" "free" {
  zone_id   = "asia-east-1a"
  disk_type = "DATA"
  status    = "AVAILABLE"
}

output "free_disk_ids" {
  value = data.cloudcompute_zenlayer_zec_disks.free.disks[*].id
}
