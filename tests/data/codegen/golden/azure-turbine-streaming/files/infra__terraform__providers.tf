# Providers, pinned versions and remote state in an Azure storage container (blob lease locking).

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.110"
    }
  }
  backend "azurerm" {
    resource_group_name  = "ml-platform-tfstate"
    storage_account_name = "mlplatformtfstate"
    container_name       = "tfstate"
    key                  = "ml-platform.tfstate"
    use_azuread_auth     = true
  }
}

provider "azurerm" {
  storage_use_azuread = true

  features {
    key_vault {
      purge_soft_delete_on_destroy = false
    }
  }
}

locals {
  name         = "${var.project}-${var.environment}"
  compact_name = "${substr(replace(local.name, "-", ""), 0, 16)}"
  tags = {
    project             = var.project
    environment         = var.environment
    owner               = var.owner
    cost_center         = var.cost_center
    data_classification = var.data_classification
    managed_by          = "terraform"
  }
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "main" {
  name     = "${local.name}-rg"
  location = var.region
  tags     = local.tags
}
