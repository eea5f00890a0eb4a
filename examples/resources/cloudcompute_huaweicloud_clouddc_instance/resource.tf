# The administrator password is write-only: Terraform sends it to the API and
# never stores it in the plan or the state (Terraform 1.11 or later).
variable "admin_password" {
  type      = string
  sensitive = true
}

# An Ubuntu instance on one of your physical servers, with two network
# interfaces (the first is the primary one). Changing image_id reinstalls the
# OS in place; changing vpc_id or network_interfaces changes the addresses in
# place; other changes replace the instance.
resource "cloudcompute_huaweicloud_clouddc_instance" "web" {
  name     = "web-01"
  image_id = "8d2b4c6e-1f3a-4b5c-9d7e-0a1b2c3d4e5f"
  vpc_id   = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"

  network_interfaces = [
    { subnet_id = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f" },
    { subnet_id = "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a", ipv4_address = "192.168.1.20" },
  ]

  # Bump password_wo_version to set a new password_wo on the running instance.
  password_wo         = var.admin_password
  password_wo_version = 1

  # Optional: a ready physical server; CloudDC picks an idle one if unset.
  server_id = "a1000000-0000-4000-8000-000000000001"

  # Stopped and started in place (ChangeServerPowerState on its server).
  # IP, image and password changes need it running.
  power_state = "running"

  # Set on the instance's physical server, merged over the provider's
  # huaweicloud.default_tags; tags_all holds both.
  tags = {
    service = "shop"
  }

  description = "front-end web server"
  metadata = {
    role = "web"
  }

  timeouts = {
    create = "60m"
    update = "60m"
    delete = "30m"
  }
}

output "web_primary_ip" {
  value = cloudcompute_huaweicloud_clouddc_instance.web.primary_ip
}
