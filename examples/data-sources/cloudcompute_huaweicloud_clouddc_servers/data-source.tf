# The physical servers ready to take an instance.
data "cloudcompute_huaweicloud_clouddc_servers" "ready" {
  manage_state = "ready"
}

variable "db_password" {
  type      = string
  sensitive = true
}

# An instance on the first ready server, with no server id copied from the
# console.
resource "cloudcompute_huaweicloud_clouddc_instance" "db" {
  name        = "db-01"
  image_id    = "8d2b4c6e-1f3a-4b5c-9d7e-0a1b2c3d4e5f"
  vpc_id      = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
  password_wo = var.db_password

  network_interfaces = [
    { subnet_id = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f" },
  ]

  server_id = data.cloudcompute_huaweicloud_clouddc_servers.ready.servers[0].id

  # Once the instance is on it, the server is in-use and no longer listed as
  # ready: keep the instance where it is.
  lifecycle {
    ignore_changes = [server_id]
  }
}

output "db_server_id" {
  value = cloudcompute_huaweicloud_clouddc_instance.db.server_id
}
