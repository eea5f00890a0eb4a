# Reboot the database machine into a new kernel: a new kernel_version
# updates the terraform_data in place, and its action_trigger reboots the
# machine after it (not when it is first created).
variable "kernel_version" {
  type    = string
  default = "6.8.0-45"
}

resource "terraform_data" "kernel" {
  input = var.kernel_version

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.cloudcompute_zenlayer_bmc_instance_power.reboot_db]
    }
  }
}
