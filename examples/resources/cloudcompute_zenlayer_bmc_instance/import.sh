# A BMC instance is imported by its id. The password (password_wo), its
# version, SSH keys and user_data are never returned by the API: after the
# import they are adopted from the configuration without reinstalling it.
terraform import cloudcompute_zenlayer_bmc_instance.example 1700000000001
