# A new administrator password takes effect at the next power-on or reboot:
# reboot the server whenever password_wo_version changes.
resource "terraform_data" "password_version" {
  input = cloudcompute_huaweicloud_clouddc_instance.web.password_wo_version

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.cloudcompute_huaweicloud_clouddc_instance_power.reboot_web]
    }
  }
}
