# A ZEC instance is imported by its id.
terraform import cloudcompute_zenlayer_zec_instance.example zec-1234567890
