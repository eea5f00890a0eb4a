# project_id and region are optional: the provider's (or the aliased
# provider's) configuration is assumed, and an identity naming another
# project or region is refused, since that configuration cannot reach it.
import {
  to = cloudcompute_huaweicloud_clouddc_instance.web
  identity = {
    id         = "3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b"
    project_id = "0f5e2a7c9b3d4e6f8a1b2c3d4e5f6a7b"
    region     = "cn-north-4"
  }
}
