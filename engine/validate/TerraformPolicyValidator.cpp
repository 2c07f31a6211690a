#include "validate/TerraformPolicyValidator.h"

#include "agents/PolicyEvaluator.h"
#include "agents/knowledge/KnowledgeBase.h"
#include "validate/TerraformSecurityChecks.h"
#include "validate/TerraformSource.h"

namespace mlops {

namespace {

Finding::Severity severityOf(const QString& policySeverity) {
    if (policySeverity == QLatin1String("critical") || policySeverity == QLatin1String("high"))
        return Finding::Severity::Error;
    if (policySeverity == QLatin1String("medium"))
        return Finding::Severity::Warning;
    return Finding::Severity::Info;
}

} // namespace

TerraformPolicyValidator::TerraformPolicyValidator(QJsonObject constraints,
                                                   std::shared_ptr<const KnowledgeBase> knowledge)
    : m_constraints(std::move(constraints))
    , m_knowledge(std::move(knowledge)) {}

QList<Finding> TerraformPolicyValidator::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    const QList<TerraformSource> modules = TerraformSource::collect(repository);
    if (modules.isEmpty())
        return out;
    QJsonArray resources;
    for (const TerraformSource& module : modules) {
        for (const QJsonValue& r : module.policyResources())
            resources.append(r);
    }
    const std::shared_ptr<const KnowledgeBase> kb = m_knowledge ? m_knowledge : KnowledgeBase::loadDefault();
    if (kb->policyPacks().isEmpty()) {
        out.append(finding(
            Finding::Severity::Error, QString(), 0,
            QStringLiteral("policy packs could not be loaded: %1").arg(kb->errors().join(QStringLiteral("; ")))));
    } else {
        const PolicyEvaluator evaluator(kb);
        const QJsonArray results = evaluator.evaluateTerraform(m_constraints, resources);
        int passed = 0;
        for (const QJsonValue& v : results) {
            const QJsonObject r = v.toObject();
            if (r.value(QStringLiteral("passed")).toBool()) {
                ++passed;
                continue;
            }
            QString message =
                QStringLiteral("%1 [%2] %3 (%4)")
                    .arg(r.value(QStringLiteral("rule_id")).toString(), r.value(QStringLiteral("pack")).toString(),
                         r.value(QStringLiteral("message")).toString(), r.value(QStringLiteral("resource")).toString());
            const QString remediation = r.value(QStringLiteral("remediation")).toString();
            if (!remediation.isEmpty())
                message += QStringLiteral(" Fix: ") + remediation;
            out.append(finding(severityOf(r.value(QStringLiteral("severity")).toString()),
                               r.value(QStringLiteral("file")).toString(), r.value(QStringLiteral("line")).toInt(),
                               message, r.value(QStringLiteral("rule_id")).toString()));
        }
        out.append(finding(Finding::Severity::Info, QString(), 0,
                           QStringLiteral("policy packs %1: %2 of %3 Terraform checks passed on %4 resources")
                               .arg(evaluator.applicablePacks(m_constraints).join(QStringLiteral(", ")))
                               .arg(passed)
                               .arg(results.size())
                               .arg(resources.size())));
    }
    out += TerraformSecurityChecks(modules).run();
    return out;
}

} // namespace mlops
