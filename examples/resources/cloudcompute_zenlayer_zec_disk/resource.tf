# A 100 GiB data disk attached to an instance. Growing `size` resizes it in
# place; renaming and moving it to another instance happen in place too.
resource "cloudcompute_zenlayer_zec_disk" "data" {
  zone_id     = "asia-east-1a"
  name        = "app-data"
  size        = 100
  category    = "Standard NVMe SSD"
  instance_id = cloudcompute_zenlayer_zec_instance.app.id

  # Performance bursting above the category's baseline (set at creation).
  bursting_enabled = true

  # Moving or removing instance_id detaches the disk in place, which the API
  # does only while the instance is stopped unless forced. Destroy always
  # detaches forcibly: the data goes with the release anyway.
  force_detach = false

  # On accounts with a recycle bin, false keeps the destroyed disk restorable there.
  release_on_destroy = true

  # Tags and the resource group change in place (the resource manager's
  # ModifyResourceTags and AddResourceResourceGroup).
  tags = {
    app = "data"
  }

  timeouts = {
    create = "10m"
    update = "10m"
    delete = "10m"
  }
}
