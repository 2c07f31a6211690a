variable "region" {
  type = string
}

locals {
  name = "fraud"
}

provider "aws" {
  region = var.regoin
}

module "network" {
  source = "./modules/network"
  name   = "${local.nmae}-net"
}

module "outside" {
  source = "../../elsewhere"
}

output "vpc" {
  value = module.netwrok.vpc_id
}
