# Providers, pinned versions and remote state in a GCS bucket (object versioning keeps history).

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 5.40"
    }
  }
  backend "gcs" {
    bucket = "ml-platform-tfstate"
    prefix = "ml-platform/state"
  }
}

provider "google" {
  project        = var.project_id
  region         = var.region
  default_labels = local.labels
}

locals {
  name = "${var.project}-${var.environment}"
  labels = {
    project             = var.project
    environment         = var.environment
    owner               = var.owner
    cost_center         = var.cost_center
    data_classification = var.data_classification
    managed_by          = "terraform"
  }
}

data "google_project" "current" {
  project_id = var.project_id
}
