#pragma once

#include "validate/FileValidator.h"

namespace mlops {

// Reports the syntax errors HclParser found in .tf, .tfvars and .hcl files (parsed once by the snapshot).
class HclSyntaxValidator : public FileValidator {
public:
    QString name() const override { return QStringLiteral("hcl"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;
};

} // namespace mlops
