#pragma once

#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace mlops {

// Runs the policy packs (built-in and user) Checkov-style: every applicable rule against every resource it
// selects, one result per pair, passed or failed. Generic over the resource list so the same rules run on the plan
// (resources = components, selected by role) and on generated Terraform (resources = {type, name, attributes},
// selected by the rule's `terraform.resource_types` and checked with `terraform.check`).
class PolicyEvaluator {
public:
    enum class Target { Plan, Terraform };

    explicit PolicyEvaluator(std::shared_ptr<const KnowledgeBase> kb);

    // [{rule_id, pack, title, severity, resource, passed, blocking, message, remediation, remedy?}]
    QJsonArray evaluatePlan(const QJsonObject& constraints, const QJsonObject& plan) const;
    QJsonArray evaluateTerraform(const QJsonObject& constraints, const QJsonArray& resources) const;
    QJsonArray evaluate(Target target, const QJsonObject& constraints, const QJsonObject& plan,
                        const QJsonArray& resources) const;

    // Packs that apply to these constraints (baseline always; compliance packs when named).
    QStringList applicablePacks(const QJsonObject& constraints) const;

private:
    std::shared_ptr<const KnowledgeBase> m_kb;
};

} // namespace mlops
