#pragma once

#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace mlops {

// Feasibility review of a plan against the constraints and tech_specs.yaml: latency of the serving path
// (including cold starts), capacity at peak, availability of the topology, GPUs, data volume, team skills.
// Findings: {id, severity, blocking, component, message, recommendation}; blocking ones send the plan back.
class TechCritic {
public:
    explicit TechCritic(std::shared_ptr<const KnowledgeBase> kb);

    QJsonArray review(const QJsonObject& constraints, const QJsonObject& plan) const;
    // Names of the checks review() performs, for the reason card ("checked and passed").
    static QStringList checks();

private:
    std::shared_ptr<const KnowledgeBase> m_kb;
};

} // namespace mlops
