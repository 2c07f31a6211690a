#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mlops {

// A read-only view of one critic finding on the plan (tech_critic's `tech_findings`, cost_critic's
// `cost_estimate.findings`), as agents/TechCritic.cpp and agents/CostCritic.cpp write it.
struct PlanFinding {
    QString id;       // e.g. "tech.capacity"
    QString severity; // info | low | medium | high | blocking
    bool blocking = false;
    QString component; // the plan component it is about
    QString message;
    QString recommendation;

    static PlanFinding fromJson(const QJsonObject& object);
    static QList<PlanFinding> listFromJson(const QJsonArray& array);
    // The fields above under their JSON names: what fromJson read, written back.
    QJsonObject toJson() const;
};

// A read-only view of one policy rule's result on the plan (policy_engine's `policy_findings`).
struct PolicyResult {
    QString ruleId; // e.g. "PCI-10.2"
    QString pack;   // e.g. "pci-dss"
    QString title;
    QString severity;
    bool passed = false;
    bool blocking = false;
    QString resource; // the plan component checked
    QString message;
    QString remediation;

    static PolicyResult fromJson(const QJsonObject& object);
    static QList<PolicyResult> listFromJson(const QJsonArray& array);
    QJsonObject toJson() const;
};

} // namespace mlops
