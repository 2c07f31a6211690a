# Providers, pinned versions and remote state (S3 with a DynamoDB lock table).

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
  backend "s3" {
    bucket         = "ml-platform-tfstate"
    key            = "ml-platform/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "ml-platform-tflock"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

locals {
  name = "${var.project}-${var.environment}"
  tags = {
    project             = var.project
    environment         = var.environment
    owner               = var.owner
    cost_center         = var.cost_center
    data_classification = var.data_classification
    managed_by          = "terraform"
  }
}

data "aws_caller_identity" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}
