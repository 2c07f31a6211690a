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
    // min_instances (serverless warm capacity), regions (multi-region count), headroom (overrides the planning
    // headroom of tech_specs, used to reproduce a published configuration).
    QJsonObject size(const QString& role, const QJsonObject& service, const QJsonObject& options) const;

    // Serving capacity of one instance of a class for the plan's model family, from the sourced capacity table
    // (resources/knowledge/capacity.yaml, docs/capacity.md).
    struct Capacity {
        double published = 0;  // requests/s of one instance at the entry's published rate
        double planned = 0;    // the same at the planning headroom: what the replica count is derived from
        double headroom = 0.7; // fraction of the published rate planned for at peak
        QJsonObject entry;     // the capacity entry used; empty when the family has none for this hardware
        QString note;          // how the entry was chosen when it is not the instance's own hardware
    };
    // `headroom` < 0: tech_specs assumptions.headroom.
    Capacity capacityOf(const QString& instanceClass, double headroom = -1) const;
    // Capacity (requests/s at the target utilisation) of one instance of `instanceClass` for the model class.
    double capacityPerInstance(const QString& instanceClass) const { return capacityOf(instanceClass).planned; }
    // The capacity family of the model class on GPUs or on vCPUs (tech_specs capacity_families, refined by a named
    // LLM size).
    QString capacityFamily(bool gpu) const;
    QJsonObject instanceClass(const QString& name) const;
    static int zonesFor(double availability);

private:
    void assume(const QString& text);

    std::shared_ptr<const KnowledgeBase> m_kb;
    QJsonObject m_constraints;
    QString m_cloud;
    QJsonObject m_specs;
    QJsonObject m_usage;
    QString m_llmFamily; // capacity family of a named LLM size, empty otherwise
    QStringList m_assumptions;
};

} // namespace mlops
