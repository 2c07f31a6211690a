#pragma once

#include "agents/knowledge/KnowledgeBase.h"
#include "core/ReasonCard.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace mlops {

// The planner: scores every pattern of the library against the constraints, picks the best, maps its components
// to services of the cloud, sizes them and applies the secure-by-design settings. On a later iteration it reads the
// critics' blocking findings and turns each into an adjustment (penalise a pattern, resize, move region, apply a
// policy remedy); adjustments accumulate over iterations so an earlier fix is never undone.
class Planner {
public:
    explicit Planner(std::shared_ptr<const KnowledgeBase> kb);

    struct Result {
        QJsonObject plan;
        ReasonCard card;
    };

    // `previousPlan` and `findings` (all critics' findings of the previous iteration) may be empty.
    Result plan(const QJsonObject& constraints, const QJsonObject& previousPlan, const QJsonArray& findings,
                int iteration) const;

    // Every pattern with its score and the reasons behind it, best first.
    QJsonArray scorePatterns(const QJsonObject& constraints, const QJsonArray& adjustments) const;
    // Adjustments for blocking findings (cumulative with the previous plan's). An over-budget finding against a
    // budget nobody gave (a default) changes nothing.
    QJsonArray adjustmentsFor(const QJsonObject& constraints, const QJsonArray& findings,
                              const QJsonObject& previousPlan, int iteration) const;

private:
    std::shared_ptr<const KnowledgeBase> m_kb;
};

} // namespace mlops
