# Each cloud has its own optional block. Every attribute falls back to an
# environment variable, so a pipeline can keep credentials out of the code.
provider "cloudcompute" {
  zenlayer {
    # access_key_id       = "..."  # or ZENLAYERCLOUD_ACCESS_KEY_ID
    # access_key_password = "..."  # or ZENLAYERCLOUD_ACCESS_KEY_PASSWORD
    domain = "console.zenlayer.com" # or ZENLAYERCLOUD_DOMAIN
    scheme = "HTTPS"                # or ZENLAYERCLOUD_SCHEME

    # Tags every Zenlayer resource carries (in its tags_all), under its own tags.
    default_tags = {
      managed-by = "terraform"
    }
  }
}

# Huawei Cloud CloudDC: one of AK/SK signing, a static token, or an IAM user
# password (the token is fetched, cached and renewed). The names of the
# environment variables are those of the Huawei Cloud provider.
provider "cloudcompute" {
  alias = "huawei"
  huaweicloud {
    region = "cn-north-4" # or HW_REGION_NAME
    # access_key = "..."  # or HW_ACCESS_KEY, with secret_key / HW_SECRET_KEY
    # security_token = "..." # or HW_SECURITY_TOKEN: temporary AK/SK credentials (STS)
    # token      = "..."  # or HW_AUTH_TOKEN, with project_id / HW_PROJECT_ID
    # user_name  = "..."  # or HW_USER_NAME, with password / HW_USER_PASSWORD and domain_name / HW_DOMAIN_NAME
  }
}
