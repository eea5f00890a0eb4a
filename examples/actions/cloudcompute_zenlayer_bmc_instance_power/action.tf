# Power-cycle a bare-metal machine on demand (a stopped machine boots):
#   terraform apply -invoke=action.cloudcompute_zenlayer_bmc_instance_power.reboot_db
action "cloudcompute_zenlayer_bmc_instance_power" "reboot_db" {
  config {
    instance_id = cloudcompute_zenlayer_bmc_instance.db.id
    operation   = "reboot"
    timeouts = {
      invoke = "45m"
    }
  }
}

# Power the machine off for maintenance:
#   terraform apply -invoke=action.cloudcompute_zenlayer_bmc_instance_power.stop_db
# With power_state = "running" in the resource (the default), the next apply
# powers it on again.
action "cloudcompute_zenlayer_bmc_instance_power" "stop_db" {
  config {
    instance_id = cloudcompute_zenlayer_bmc_instance.db.id
    operation   = "stop"
  }
}
