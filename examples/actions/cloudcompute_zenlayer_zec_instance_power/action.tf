# Reboot the web server on demand:
#   terraform apply -invoke=action.cloudcompute_zenlayer_zec_instance_power.reboot_web
action "cloudcompute_zenlayer_zec_instance_power" "reboot_web" {
  config {
    instance_id = cloudcompute_zenlayer_zec_instance.web.id
    operation   = "reboot"
  }
}

# Stop a batch machine with a forced power-off, waiting at most 10 minutes:
#   terraform apply -invoke=action.cloudcompute_zenlayer_zec_instance_power.stop_batch
# Its resource leaves power_state to the actions (ignore_changes below);
# otherwise the next apply would start it again.
action "cloudcompute_zenlayer_zec_instance_power" "stop_batch" {
  config {
    instance_id = cloudcompute_zenlayer_zec_instance.batch.id
    operation   = "stop"
    force       = true
    timeouts = {
      invoke = "10m"
    }
  }
}

resource "cloudcompute_zenlayer_zec_instance" "batch" {
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.4"
  image_id      = "debian-12"
  subnet_id     = "subnet-example"
  name          = "batch-1"
  key_id        = "key-example"

  lifecycle {
    ignore_changes = [power_state]
  }
}
