import {
  to = cloudcompute_zenlayer_bmc_instance.db
  id = "1700000000001"
}
