# Each cloud has its own optional block. Every attribute falls back to an
# environment variable, so a pipeline can keep credentials out of the code.
provider "cloudcompute" {
  zenlayer {
    # access_key_id       = "..."  # or ZENLAYERCLOUD_ACCESS_KEY_ID
    # access_key_password = "..."  # or ZENLAYERCLOUD_ACCESS_KEY_PASSWORD
    domain = "console.zenlayer.com" # or ZENLAYERCLOUD_DOMAIN
    scheme = "HTTPS"                # or ZENLAYERCLOUD_SCHEME
  }
}
