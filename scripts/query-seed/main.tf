# What scripts/query-check.sh puts in the emulator before the query: n
# objects of each Zenlayer type (ZEC instances with a write-only password,
# data disks, BMC machines with a write-only password) and the CloudDC
# instances its physical servers allow, made by Terraform in a directory
# of its own, so that the query's directory starts with an empty state.
terraform {
  required_providers {
    cloudcompute = {
      source = "cloudcompute/cloudcompute"
    }
  }
}

# Both clouds take their settings from the environment: the zenlayer and
# huaweicloud blocks are needed only for what the environment does not give.
provider "cloudcompute" {}

variable "n" {
  type    = number
  default = 250
}

variable "clouddc_n" {
  type    = number
  default = 4
}

variable "password" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = "Query-Passw0rd"
}

resource "cloudcompute_zenlayer_zec_instance" "app" {
  count         = var.n
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.1"
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-query"
  name          = format("query-app-%03d", count.index)
  password_wo   = var.password
  power_state   = count.index % 10 == 0 ? "stopped" : "running"
}

resource "cloudcompute_zenlayer_zec_disk" "data" {
  count   = var.n
  zone_id = "asia-east-1a"
  name    = format("query-data-%03d", count.index)
  size    = 20 + 10 * (count.index % 5)
}

resource "cloudcompute_zenlayer_bmc_instance" "db" {
  count            = var.n
  zone_id          = "SEL-A"
  instance_type_id = "S9I"
  image_id         = "img-ubuntu-2204"
  name             = format("query-db-%03d", count.index)
  password_wo      = var.password
}

resource "cloudcompute_huaweicloud_clouddc_instance" "web" {
  count    = var.clouddc_n
  name     = format("query-web-%d", count.index)
  image_id = "8d2b4c6e-1f3a-4b5c-9d7e-0a1b2c3d4e5f"
  vpc_id   = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"

  network_interfaces = [
    { subnet_id = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f" },
  ]

  password_wo = "Query-Passw0rd-1"
}
