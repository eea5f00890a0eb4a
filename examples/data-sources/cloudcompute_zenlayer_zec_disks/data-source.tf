# The data disks attached to the web server, and the space they give it.
data "cloudcompute_zenlayer_zec_disks" "web_data" {
  instance_id = cloudcompute_zenlayer_zec_instance.web.id
  disk_type   = "DATA"
}

output "web_data_disk_gib" {
  value = sum(concat([0], data.cloudcompute_zenlayer_zec_disks.web_data.disks[*].size))
}
