#pragma once

#include "agents/PlanSizer.h"
#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace mlops {

// The planner's decisions every component of the chosen pattern is built with (docs/planning.md).
struct ComponentShape {
    QString cloud;
    int zones = 1;            // zones of the serving component
    int minReplicas = 1;      // warm replicas of the serving component
    bool multiRegion = false; // serving and gateway in two regions, storage replicated
    bool wantsGpu = false;    // serving and training on accelerators
    int costCuts = 0;         // over-budget findings answered so far
    int servingStep = 0;      // instance class steps up for capacity or latency findings
    bool avoidScaleToZero = false;
    double availability = 0;
};

// The pattern's components mapped to the cloud's services, sized, hardened and adjusted.
struct PatternComponents {
    QJsonArray components;
    QStringList roles;
    QStringList substitutions; // catalogue substitutes taken, with the reason (assumptions of the plan)
    QString sizingLine;        // how the serving replicas were derived, with the capacity figure's source
};

PatternComponents buildPatternComponents(const KnowledgeBase& kb, const QJsonObject& constraints,
                                         const QJsonObject& pattern, const QJsonArray& adjustments,
                                         const ComponentShape& shape, const PlanSizer& sizer,
                                         const std::function<QJsonObject(const QString&)>& configFor);

} // namespace mlops
