# A ZEC disk is imported by its id.
terraform import cloudcompute_zenlayer_zec_disk.data disk-1234567890abcdef
