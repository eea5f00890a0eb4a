variable "root_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

# A web server, logged into with an SSH key pair.
resource "cloudcompute_zenlayer_zec_instance" "web" {
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.2"
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-example"
  name          = "web-1"
  key_id        = "key-example"
  time_zone     = "Asia/Singapore"

  system_disk = {
    size     = 40
    category = "Standard NVMe SSD"
  }

  # Tags and the resource group change in place (the resource manager's
  # ModifyResourceTags and AddResourceResourceGroup).
  tags = {
    app = "web"
  }

  timeouts = {
    create = "30m"
  }
}

# A batch worker that is kept stopped until it is needed: set power_state to
# "running" to start it in place.
resource "cloudcompute_zenlayer_zec_instance" "worker" {
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.4"
  image_id      = "debian-12"
  subnet_id     = "subnet-example"
  name          = "worker-1"
  power_state   = "stopped"

  # Write-only: never stored in the state. Bump the version to set a new
  # password in place (ResetInstancePassword).
  password_wo         = var.root_password
  password_wo_version = 1
}

# A gateway with a public IP, IP forwarding and a fixed private address.
# Its security group, type and IP forwarding change in place; a new image_id
# reinstalls it in place (the plan warns: the system disk is wiped).
resource "cloudcompute_zenlayer_zec_instance" "gateway" {
  zone_id              = "asia-east-1a"
  instance_type        = "z2a.cpu.2"
  image_id             = "ubuntu-24.04"
  subnet_id            = "subnet-example"
  name                 = "gateway-1"
  key_id               = "key-example"
  security_group_id    = "sg-example"
  lan_ip               = "10.0.0.10"
  enable_ip_forwarding = true
  user_data            = "#!/bin/sh\nsysctl -w net.ipv4.ip_forward=1\n"

  public_network = {
    internet_charge_type = "ByBandwidth"
    bandwidth            = 100
    network_line_type    = "PremiumBGP"
  }
}

# A data disk attached to the web server. Destroy detaches it forcibly while
# the server is running (its data goes with the release anyway); releasing
# the server keeps its data disks.
resource "cloudcompute_zenlayer_zec_disk" "data" {
  zone_id     = cloudcompute_zenlayer_zec_instance.web.zone_id
  name        = "web-1-data"
  size        = 100
  instance_id = cloudcompute_zenlayer_zec_instance.web.id
}
