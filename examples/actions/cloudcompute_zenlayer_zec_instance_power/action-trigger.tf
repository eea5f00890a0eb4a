# Reboot the web server whenever a new release of the application is
# deployed (not when it is first created): a new app_version updates the
# terraform_data in place, and its action_trigger runs the action after it.
variable "app_version" {
  type    = string
  default = "1.4.2"
}

resource "terraform_data" "release" {
  input = var.app_version

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.cloudcompute_zenlayer_zec_instance_power.reboot_web]
    }
  }
}
