provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "raw" {
  bucket = "fraud-raw"
}

resource "aws_s3_bucket_acl" "raw" {
  bucket = aws_s3_bucket.raw.id
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "raw" {
  bucket                  = aws_s3_bucket.raw.id
  block_public_acls       = false
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_security_group" "ssh" {
  name = "ssh"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "features" {
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 20
  storage_encrypted = false
  tags = {
    project = "fraud"
  }
}

resource "aws_ecr_repository" "images" {
  name = "fraud"
  image_scanning_configuration {
    scan_on_push = false
  }
  tags = {
    project = "fraud"
  }
}
