# Ubuntu 24.04 images of a zone.
data "cloudcompute_zenlayer_zec_images" "ubuntu" {
  zone_id  = "asia-east-1a"
  category = "Ubuntu"
  name     = "24.04"
  os_type  = "linux"
}

output "ubuntu_image_id" {
  value = data.cloudcompute_zenlayer_zec_images.ubuntu.images[0].id
}
