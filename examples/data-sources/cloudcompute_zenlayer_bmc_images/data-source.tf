# Ubuntu images that an M6C machine can install.
data "cloudcompute_zenlayer_bmc_images" "ubuntu" {
  catalog          = "ubuntu"
  instance_type_id = "M6C"
}

output "ubuntu_image_id" {
  value = data.cloudcompute_zenlayer_bmc_images.ubuntu.images[0].id
}
