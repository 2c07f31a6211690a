#pragma once

#include "workflow/WorkflowState.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace mlops {

// What the renderers read from the workflow state, with the facts they all derive from it in one place (project
// slug, serving mode, schedule, key management), so every file of the repository tells the same story.
// Everything comes from the approved plan and the constraints; nothing here invents a component or a size.
class RenderInput {
public:
    static RenderInput fromState(const WorkflowState& state);

    QJsonObject constraints;
    QJsonObject plan;
    QJsonObject costEstimate;
    QJsonArray policyFindings;
    QJsonArray techFindings;
    QJsonArray decisions;
    QJsonObject answers;
    QJsonObject validation;
    QJsonObject lineage;
    QJsonArray questions;
    // Policy results on the generated Terraform (filled by RepositoryRenderer before the docs are written).
    QJsonArray terraformPolicy;

    QString project() const; // lower-case slug usable in resource names
    QString cloud() const;   // aws | gcp | azure | on_prem
    QString region() const;
    QStringList compliance() const;
    QString dataClassification() const;

    QJsonArray components() const { return plan.value(QStringLiteral("components")).toArray(); }
    // The first component with this role, or an empty object.
    QJsonObject component(const QString& role) const;
    bool has(const QString& role) const { return !component(role).isEmpty(); }
    QJsonObject size(const QString& role) const;
    QJsonObject config(const QString& role) const;
    // The catalogue service_id the plan maps this role to ("" when the plan has no such role). Renderers compare it
    // with the named ids of codegen/ServiceIds.h.
    QString serviceOf(const QString& role) const;
    // Whether any component of the plan is rendered by this service_id (several roles may share one service).
    bool plans(QLatin1String serviceId) const;
    // The role of the first component planned as this service_id, or "".
    QString roleWith(QLatin1String serviceId) const;

    // containers | kubernetes | serverless | batch | streaming | ... as the pattern declares it.
    QString servingMode() const;
    bool onlineServing() const; // a request/response API exists (FastAPI service)
    bool streamingServing() const;
    bool customerManagedKeys() const;
    int logRetentionDays() const;
    int trainingGpus() const;
    QString trainingSchedule() const; // cron expression from training_frequency
    QString primaryFramework() const;
    QStringList monitoring() const; // monitoring_requirements, defaulting to drift + latency
    double latencyP99Ms() const;    // 0 when unknown
};

} // namespace mlops
