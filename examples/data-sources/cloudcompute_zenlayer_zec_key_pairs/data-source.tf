# An instance from lookups alone: zone, image, instance type and key pair.
data "cloudcompute_zenlayer_zec_zones" "hong_kong" {
  ids = ["asia-east-1a"]
}

data "cloudcompute_zenlayer_zec_images" "ubuntu_2204" {
  zone_id  = data.cloudcompute_zenlayer_zec_zones.hong_kong.zones[0].id
  category = "Ubuntu"
  name     = "22.04"
}

data "cloudcompute_zenlayer_zec_instance_types" "two_cores" {
  zone_id       = data.cloudcompute_zenlayer_zec_zones.hong_kong.zones[0].id
  min_cpu_count = 2
  with_stock    = true
}

data "cloudcompute_zenlayer_zec_key_pairs" "example" {
  name = "example"
}

resource "cloudcompute_zenlayer_zec_instance" "web" {
  zone_id       = data.cloudcompute_zenlayer_zec_zones.hong_kong.zones[0].id
  instance_type = data.cloudcompute_zenlayer_zec_instance_types.two_cores.instance_types[0].id
  image_id      = data.cloudcompute_zenlayer_zec_images.ubuntu_2204.images[0].id
  key_id        = data.cloudcompute_zenlayer_zec_key_pairs.example.key_pairs[0].id
  subnet_id     = "subnet-example"
  name          = "web-01"
}
