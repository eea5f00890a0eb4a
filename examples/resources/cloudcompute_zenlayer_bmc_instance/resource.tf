variable "bmc_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

# A database server on a bare-metal machine: RAID 10 over its four disks,
# on a private subnet, with a password (write-only: never stored in the
# state). The bandwidth, the traffic package and the subnet change in
# place; a new image, password_wo_version, RAID layout, partitions or
# user_data reinstall the same machine in place (the disks are wiped: the
# plan warns). Destroying it terminates it into the recycle bin and
# releases it from there.
resource "cloudcompute_zenlayer_bmc_instance" "db" {
  zone_id                    = "SEL-A"
  instance_type_id           = "M6C"
  image_id                   = "img-ubuntu-2204"
  name                       = "db-1"
  hostname                   = "db-1.example.internal"
  password_wo                = var.bmc_password
  password_wo_version        = 1 # bump to reinstall the same machine with a new password (wipes its disks)
  raid_type                  = 10
  subnet_id                  = "subnet-sel-a-1"
  internet_charge_type       = "ByBandwidth"
  internet_max_bandwidth_out = 100

  # Tags and the resource group change in place (the resource manager's
  # ModifyResourceTags and AddResourceResourceGroup).
  tags = {
    app = "db"
  }

  timeouts = {
    create = "2h"
  }
}

# A machine with its own disk layout: two RAID 1 groups (disks 1-2 for the
# system, 3-4 for data), partitions, and a first-boot script.
resource "cloudcompute_zenlayer_bmc_instance" "storage" {
  zone_id          = "SEL-A"
  instance_type_id = "M6C"
  image_id         = "img-ubuntu-2204"
  name             = "storage-1"
  key_id           = "key-build"
  custom_raids = [
    { raid_type = 1, disk_sequence = [1, 2] },
    { raid_type = 1, disk_sequence = [3, 4] },
  ]
  partitions = [
    { fs_path = "/", fs_type = "ext4", size = 100 },
    { fs_path = "/data", fs_type = "ext4" }, # the rest
  ]
  user_data = <<-EOT
    #!/bin/sh
    echo "provisioned by Terraform" > /etc/motd
  EOT
}

# A build machine on a one-month subscription, logged into with a key pair
# registered in the Zenlayer console (key_id; ssh_keys is deprecated) and
# kept powered off until needed (set power_state = "running" to start it in
# place). A PREPAID machine cannot be released early: destroying it cancels
# the renewal and it runs until expired_time.
resource "cloudcompute_zenlayer_bmc_instance" "build" {
  zone_id              = "SEL-A"
  instance_type_id     = "S9I"
  image_id             = "img-debian-12"
  name                 = "build-1"
  key_id               = "key-build"
  instance_charge_type = "PREPAID"
  period               = 1
  internet_charge_type = "ByTrafficPackage"
  traffic_package_size = 10
  power_state          = "stopped"
}

# A scratch machine that destroy leaves in the recycle bin (restorable for
# 24 hours) instead of releasing it.
resource "cloudcompute_zenlayer_bmc_instance" "scratch" {
  zone_id            = "HKG-A"
  instance_type_id   = "S9I"
  image_id           = "img-ubuntu-2204"
  name               = "scratch-1"
  release_on_destroy = false
}
