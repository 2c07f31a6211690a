terraform {
  required_version = ">= 1.5"
  backend "s3" {
    bucket = "fraud-tf-state"
    key    = "fraud/terraform.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.tags
  }
}

locals {
  tags = {
    project             = var.project
    owner               = "ml-platform"
    data_classification = "sensitive"
  }
  name = "${var.project}-${var.environment}"
}

module "storage" {
  source = "./modules/storage"
  name   = local.name
  kms    = aws_kms_key.data.arn
}

resource "aws_kms_key" "data" {
  description         = "Data at rest for ${local.name}"
  enable_key_rotation = true
}

resource "aws_security_group" "serving" {
  name   = "${local.name}-serving"
  vpc_id = var.vpc_id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_iam_role_policy" "training" {
  name = "${local.name}-training"
  role = "training"
  policy = <<-POLICY
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "${module.storage.bucket_arn}/*"}]}
  POLICY
}

output "bucket" {
  value = module.storage.bucket_arn
}

resource "aws_db_instance" "features" {
  identifier        = "${local.name}-features"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 20
  storage_encrypted = true
  kms_key_id        = aws_kms_key.data.arn
  username          = "features"
  password          = var.db_password
}
