variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "project" {
  type = string
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "vpc_id" {
  type        = string
  description = "VPC of the serving tier"
}

variable "db_password" {
  type      = string
  sensitive = true
}
