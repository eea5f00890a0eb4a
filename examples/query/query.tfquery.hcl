# Every list block lists one resource type through the provider. Each
# result is the object's identity; include_resource = true adds the full
# resource object, from which -generate-config-out writes the resource
# block. limit defaults to 100: set it above the number of objects you
# expect, or narrow the filters.

variable "zone" {
  type    = string
  default = "asia-east-1a"
}

list "cloudcompute_zenlayer_zec_instance" "all" {
  provider         = cloudcompute
  include_resource = true
  limit            = 1000

  config {
    zone_id = var.zone
  }
}

# Data disks only: a boot disk goes with its instance.
list "cloudcompute_zenlayer_zec_disk" "data" {
  provider         = cloudcompute
  include_resource = true
  limit            = 1000

  config {
    zone_id   = var.zone
    disk_type = "DATA"
  }
}

list "cloudcompute_zenlayer_bmc_instance" "running" {
  provider         = cloudcompute
  include_resource = true
  limit            = 1000

  config {
    status = "RUNNING"
  }
}

list "cloudcompute_huaweicloud_clouddc_instance" "all" {
  provider         = cloudcompute
  include_resource = true
  limit            = 1000
}
