#!/usr/bin/env bash
set -euo pipefail

environment="${1:-prod}"
echo "deploying to ${environment}"
terraform -chdir=infra/terraform apply -auto-approve -var "environment=${environment}"
