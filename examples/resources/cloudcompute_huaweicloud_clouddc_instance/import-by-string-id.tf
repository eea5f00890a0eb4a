import {
  to = cloudcompute_huaweicloud_clouddc_instance.web
  id = "3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b"
}
