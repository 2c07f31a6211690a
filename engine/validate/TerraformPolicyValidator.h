#pragma once

#include "validate/FileValidator.h"

#include <QJsonObject>

namespace mlops {

// The policy packs of the knowledge base (resources/knowledge/policies/*.yaml, `terraform:` sections) re-run on
// the Terraform resources themselves, plus TerraformSecurityChecks. Which compliance packs apply follows the
// constraints (e.g. {"compliance_requirements": ["HIPAA"]}); the baseline pack always applies. Severity:
// critical/high rules are errors, medium warnings, low info. One info finding summarises the packs' pass rate.
class TerraformPolicyValidator : public FileValidator {
public:
    explicit TerraformPolicyValidator(QJsonObject constraints = {});
    QString name() const override { return QStringLiteral("terraform-policy"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;

private:
    QJsonObject m_constraints;
};

} // namespace mlops
