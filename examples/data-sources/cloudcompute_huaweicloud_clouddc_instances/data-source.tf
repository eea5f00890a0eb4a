# The running CloudDC instances of the project.
data "cloudcompute_huaweicloud_clouddc_instances" "running" {
  state = "running"
}

# The instance on one physical server.
data "cloudcompute_huaweicloud_clouddc_instances" "on_server" {
  server_ids = ["a1000000-0000-4000-8000-000000000001"]
}

output "running_instance_ips" {
  value = { for i in data.cloudcompute_huaweicloud_clouddc_instances.running.instances : i.name => i.primary_ip }
}
