#pragma once

#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonObject>

#include <memory>

namespace mlops {

// Monthly cost estimate of a plan, Infracost-style: one line item per priced dimension of each component
// (component, service, unit, quantity, unit price, monthly cost) from the cloud's dated price table, compared with
// the budget. Over budget by more than the tolerance is a blocking finding; savings are computed, not guessed.
class CostCritic {
public:
    explicit CostCritic(std::shared_ptr<const KnowledgeBase> kb);

    // The `cost_estimate` state part.
    QJsonObject estimate(const QJsonObject& constraints, const QJsonObject& plan) const;

    static constexpr double kOverBudgetTolerance = 0.10; // 10 % over is a warning, beyond that blocking

private:
    std::shared_ptr<const KnowledgeBase> m_kb;
};

} // namespace mlops
