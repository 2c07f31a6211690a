#pragma once

#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace mlops {

// Sizes plan components from the constraints and tech_specs.yaml: expected traffic, model class, replicas for
// capacity and availability, job hours, storage, and every metric a service's price items need. Each assumption
// it falls back on is recorded so the planner's reason card can state it.
class PlanSizer {
public:
    PlanSizer(std::shared_ptr<const KnowledgeBase> kb, const QJsonObject& constraints, const QString& cloud);

    // Workload profile of the whole system: requests_per_day, peak_rps, model_class, runs_per_month, data_gb...
    QJsonObject usage() const { return m_usage; }
    QStringList assumptions() const { return m_assumptions; }

    // `size` of one component; `options` carry planner decisions: zones, min_replicas, spot, class_step,
    // min_instances (serverless warm capacity), regions (multi-region count).
    QJsonObject size(const QString& role, const QJsonObject& service, const QJsonObject& options) const;

    // Capacity (requests/s at the target utilisation) of one instance of `instanceClass` for the model class.
    double capacityPerInstance(const QString& instanceClass) const;
    QJsonObject instanceClass(const QString& name) const;
    static int zonesFor(double availability);

private:
    void assume(const QString& text);

    std::shared_ptr<const KnowledgeBase> m_kb;
    QJsonObject m_constraints;
    QString m_cloud;
    QJsonObject m_specs;
    QJsonObject m_usage;
    QStringList m_assumptions;
};

} // namespace mlops
