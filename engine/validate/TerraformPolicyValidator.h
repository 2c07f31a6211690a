#pragma once

#include "validate/FileValidator.h"

#include <QJsonObject>

#include <memory>

namespace mlops {

class KnowledgeBase;

// The policy packs of the knowledge base (resources/knowledge/policies/*.yaml, `terraform:` sections) re-run on
// the Terraform resources themselves, plus TerraformSecurityChecks. Which compliance packs apply follows the
// constraints (e.g. {"compliance_requirements": ["HIPAA"]}); the baseline pack always applies. Severity:
// critical/high rules are errors, medium warnings, low info. One info finding summarises the packs' pass rate.
class TerraformPolicyValidator : public FileValidator {
public:
    // `knowledge` holds the packs; null: the default knowledge (KnowledgeBase::loadDefault) is read per validate().
    explicit TerraformPolicyValidator(QJsonObject constraints = {},
                                      std::shared_ptr<const KnowledgeBase> knowledge = {});
    QString name() const override { return QStringLiteral("terraform-policy"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;

private:
    QJsonObject m_constraints;
    std::shared_ptr<const KnowledgeBase> m_knowledge;
};

} // namespace mlops
