# In a .tfquery.hcl file, run by terraform query (Terraform 1.14 or later).
list "cloudcompute_zenlayer_zec_instance" "web" {
  provider         = cloudcompute
  include_resource = true
  limit            = 1000 # the default is 100

  config {
    zone_id  = "asia-east-1a"
    name     = "web" # names containing "web"
    tag_keys = ["env"]
  }
}
