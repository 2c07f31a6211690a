resource "aws_s3_bucket" "data" {
  bucket = "x"

resource "aws_kms_key" "k" {
  description = "k"
}
