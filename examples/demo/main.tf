# The configuration `make demo` applies and destroys against the local
# emulator. Credentials and endpoints come from the environment that
# scripts/demo.sh sets (ZENLAYERCLOUD_*), as they would in a pipeline.
terraform {
  required_providers {
    cloudcompute = {
      source = "cloudcompute/cloudcompute"
    }
  }
}

provider "cloudcompute" {
  zenlayer {}
}

variable "zone" {
  type    = string
  default = "asia-east-1a"
}

resource "cloudcompute_zenlayer_zec_disk" "data" {
  zone_id  = var.zone
  name     = "demo-data"
  size     = 40
  category = "Standard NVMe SSD"
}

resource "cloudcompute_zenlayer_zec_disk" "scratch" {
  zone_id = var.zone
  name    = "demo-scratch"
  size    = 20

  timeouts = {
    create = "5m"
    delete = "5m"
  }
}

data "cloudcompute_zenlayer_zec_disks" "demo" {
  ids = [cloudcompute_zenlayer_zec_disk.data.id, cloudcompute_zenlayer_zec_disk.scratch.id]
}

output "disks" {
  value = { for d in data.cloudcompute_zenlayer_zec_disks.demo.disks : d.name => "${d.id} ${d.size} GiB ${d.status}" }
}
