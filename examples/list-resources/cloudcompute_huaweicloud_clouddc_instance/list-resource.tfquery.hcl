# In a .tfquery.hcl file, run by terraform query (Terraform 1.14 or later).
# The instances of the provider's project and region: ListInstances filters
# by state and physical server only.
list "cloudcompute_huaweicloud_clouddc_instance" "running" {
  provider         = cloudcompute.huawei
  include_resource = true

  config {
    state = "running"
  }
}
