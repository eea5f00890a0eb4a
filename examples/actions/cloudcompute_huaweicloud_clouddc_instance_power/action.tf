# Reboot the physical server of an instance, for example so that a new
# administrator password (password_wo_version) takes effect:
#   terraform apply -invoke=action.cloudcompute_huaweicloud_clouddc_instance_power.reboot_web
action "cloudcompute_huaweicloud_clouddc_instance_power" "reboot_web" {
  config {
    instance_id = cloudcompute_huaweicloud_clouddc_instance.web.id
    operation   = "reboot"
  }
}

# Power the server off, and on again:
#   terraform apply -invoke=action.cloudcompute_huaweicloud_clouddc_instance_power.power -var power=stop
#   terraform apply -invoke=action.cloudcompute_huaweicloud_clouddc_instance_power.power -var power=start
variable "power" {
  type    = string
  default = "start"
}

action "cloudcompute_huaweicloud_clouddc_instance_power" "power" {
  config {
    instance_id = cloudcompute_huaweicloud_clouddc_instance.web.id
    operation   = var.power
  }
}
