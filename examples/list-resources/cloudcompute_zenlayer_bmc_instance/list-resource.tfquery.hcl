# In a .tfquery.hcl file, run by terraform query (Terraform 1.14 or later).
list "cloudcompute_zenlayer_bmc_instance" "db" {
  provider         = cloudcompute
  include_resource = true

  config {
    zone_id = "SEL-A"
    name    = "db-*" # names starting with "db-"
    status  = "RUNNING"
  }
}
