#pragma once

#include "validate/FileValidator.h"

namespace mlops {

// Cross-references inside each Terraform module (directory): every var.x is declared by a `variable "x"` block,
// every local.x is defined in a `locals` block, every module.x is a declared module, every local module source
// ("./..", "../..") stays inside the repository and exists with .tf files in it, and .tfvars files only set
// declared variables. Unused variables are reported as info.
class TerraformReferenceValidator : public FileValidator {
public:
    QString name() const override { return QStringLiteral("terraform-refs"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;
};

} // namespace mlops
