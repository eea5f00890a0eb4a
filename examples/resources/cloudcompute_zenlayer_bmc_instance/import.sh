# A BMC instance is imported by its id. The password and SSH keys are never
# returned by the API: after the import they are adopted from the
# configuration without replacing the machine.
terraform import cloudcompute_zenlayer_bmc_instance.example 1700000000001
