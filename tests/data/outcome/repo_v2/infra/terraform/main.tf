terraform {
  required_version = ">= 1.5"
  backend "s3" {}
}

variable "region" { type = string }
variable "environment" { type = string }

resource "aws_s3_bucket" "models" {
  bucket = "fraud-detection-models"
  # PCI-10.2: access logging goes to the central log bucket
  tags = { project = "fraud-detection" }
}

resource "aws_elasticache_replication_group" "features" {
  replication_group_id       = "fraud-features"
  node_type                  = "cache.r6g.large"
  num_cache_clusters         = 3
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
}
