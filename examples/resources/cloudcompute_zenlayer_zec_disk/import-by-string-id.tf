import {
  to = cloudcompute_zenlayer_zec_disk.data
  id = "disk-1234567890abcdef"
}
