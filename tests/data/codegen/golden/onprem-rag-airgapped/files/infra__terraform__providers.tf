# Providers, pinned versions and remote state in a Kubernetes secret (lease-locked) on the cluster itself.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.31"
    }
    helm = {
      source  = "hashicorp/helm"
      version = "~> 2.14"
    }
  }
  backend "kubernetes" {
    secret_suffix = "ml-platform"
    namespace     = "terraform-state"
    config_path   = "~/.kube/config"
  }
}

provider "kubernetes" {
  config_path = var.kubeconfig_path
}

provider "helm" {
  kubernetes {
    config_path = var.kubeconfig_path
  }
}

locals {
  name = "${var.project}-${var.environment}"
  labels = {
    "app.kubernetes.io/part-of"    = var.project
    environment                    = var.environment
    owner                          = var.owner
    cost-center                    = var.cost_center
    data-classification            = var.data_classification
    "app.kubernetes.io/managed-by" = "terraform"
  }
}
