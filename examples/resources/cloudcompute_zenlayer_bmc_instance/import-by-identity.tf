# A BMC instance id is unique in the account, so the identity is the id alone.
import {
  to = cloudcompute_zenlayer_bmc_instance.db
  identity = {
    id = "1700000000001"
  }
}
