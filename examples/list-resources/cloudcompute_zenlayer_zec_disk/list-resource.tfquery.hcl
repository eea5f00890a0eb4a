# In a .tfquery.hcl file, run by terraform query (Terraform 1.14 or later).
# The data disks of one zone not yet made by Terraform, with the resource
# objects, so that -generate-config-out writes their configuration.
list "cloudcompute_zenlayer_zec_disk" "data" {
  provider         = cloudcompute
  include_resource = true
  limit            = 1000 # the default is 100

  config {
    zone_id   = "asia-east-1a"
    disk_type = "DATA"
    status    = "AVAILABLE"
  }
}

# Disks attached to one instance, and disks carrying a tag.
list "cloudcompute_zenlayer_zec_disk" "of_instance" {
  provider = cloudcompute

  config {
    instance_id = "zec-1234567890"
  }
}

list "cloudcompute_zenlayer_zec_disk" "team" {
  provider = cloudcompute

  config {
    tags = { team = "platform" }
  }
}
