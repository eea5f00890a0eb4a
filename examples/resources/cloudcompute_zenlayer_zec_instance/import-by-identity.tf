# A ZEC id is unique in the account, so the identity is the id alone.
import {
  to = cloudcompute_zenlayer_zec_instance.web
  identity = {
    id = "zec-1234567890"
  }
}
