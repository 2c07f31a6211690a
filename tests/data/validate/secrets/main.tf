resource "aws_db_instance" "db" {
  password          = var.db_password
  master_password   = random_password.db.result
  storage_encrypted = true
}

resource "aws_iam_access_key" "ci" {
  user = "ci"
}

locals {
  token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"
}
