# Machines with at least 24 cores and RAID 10, smallest first by id.
data "cloudcompute_zenlayer_bmc_instance_types" "raid10" {
  min_cpu_cores = 24
  support_raids = [10]
}

resource "cloudcompute_zenlayer_bmc_instance" "db" {
  zone_id          = "SEL-A"
  instance_type_id = data.cloudcompute_zenlayer_bmc_instance_types.raid10.instance_types[0].id
  image_id         = "img-ubuntu-2204"
  name             = "db-01"
  raid_type        = 10
}
