# The configuration `make demo` applies and destroys against the local
# emulator. Credentials and endpoints come from the environment that
# scripts/demo.sh sets (ZENLAYERCLOUD_*, HW_*), as they would in a pipeline.
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

variable "zone" {
  type    = string
  default = "asia-east-1a"
}

variable "admin_password" {
  description = "Administrator password of the CloudDC instance (write-only: never stored)."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "power_state" {
  description = "Power state of the ZEC instance; after-apply.sh stops and starts it in place."
  type        = string
  default     = "running"
}

# A ZEC instance whose power state Terraform manages.
resource "cloudcompute_zenlayer_zec_instance" "app" {
  zone_id       = var.zone
  instance_type = "z2a.cpu.1"
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-demo"
  name          = "demo-app"
  key_id        = "key-demo"
  power_state   = var.power_state

  system_disk = {
    size = 40
  }
}

# A data disk attached to it; destroy detaches it from the running instance.
resource "cloudcompute_zenlayer_zec_disk" "data" {
  zone_id      = var.zone
  name         = "demo-data"
  size         = 40
  instance_id  = cloudcompute_zenlayer_zec_instance.app.id
  force_detach = true
}

# A bare-metal machine: destroy terminates it into the recycle bin, then
# releases it from there.
resource "cloudcompute_zenlayer_bmc_instance" "db" {
  zone_id          = "SEL-A"
  instance_type_id = "S9I"
  image_id         = "img-ubuntu-2204"
  name             = "demo-db"
  ssh_keys         = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnly demo@example"]
}

# A Huawei Cloud CloudDC instance on one of the account's physical servers:
# destroy answers 204, then the instance goes shutting-down → terminated.
resource "cloudcompute_huaweicloud_clouddc_instance" "web" {
  name     = "demo-web"
  image_id = "8d2b4c6e-1f3a-4b5c-9d7e-0a1b2c3d4e5f"
  vpc_id   = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"

  network_interfaces = [
    { subnet_id = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f" },
  ]

  password_wo = var.admin_password

  metadata = {
    role = "demo"
  }
}

data "cloudcompute_zenlayer_zec_disks" "app" {
  instance_id = cloudcompute_zenlayer_zec_instance.app.id
  depends_on  = [cloudcompute_zenlayer_zec_disk.data]
}

output "zec_instance" {
  value = "${cloudcompute_zenlayer_zec_instance.app.id} ${cloudcompute_zenlayer_zec_instance.app.status} (${cloudcompute_zenlayer_zec_instance.app.power_state})"
}

output "zec_disks_of_instance" {
  value = { for d in data.cloudcompute_zenlayer_zec_disks.app.disks : d.name => "${d.id} ${d.disk_type} ${d.size} GiB ${d.status}" }
}

output "bmc_instance" {
  value = "${cloudcompute_zenlayer_bmc_instance.db.id} ${cloudcompute_zenlayer_bmc_instance.db.status}"
}

output "clouddc_instance" {
  value = "${cloudcompute_huaweicloud_clouddc_instance.web.id} ${cloudcompute_huaweicloud_clouddc_instance.web.status} ${cloudcompute_huaweicloud_clouddc_instance.web.primary_ip}"
}
