import {
  to = cloudcompute_zenlayer_zec_instance.web
  id = "zec-1234567890"
}
