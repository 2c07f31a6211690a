project     = "fraud"
environment = "prod"
vpc_id      = "vpc-0a1b2c3d"
