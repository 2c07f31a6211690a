#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace mlops {

// Names of the parts of the workflow state. Nodes declare which parts they write; the runtime enforces it.
namespace StatePart {
inline QString prompt() {
    return QStringLiteral("prompt");
}
inline QString constraints() {
    return QStringLiteral("constraints");
}
inline QString coverage() {
    return QStringLiteral("coverage");
}
inline QString questions() {
    return QStringLiteral("questions");
}
inline QString answers() {
    return QStringLiteral("answers");
}
inline QString questionRounds() {
    return QStringLiteral("question_rounds");
}
inline QString plan() {
    return QStringLiteral("plan");
}
inline QString techFindings() {
    return QStringLiteral("tech_findings");
}
inline QString costEstimate() {
    return QStringLiteral("cost_estimate");
}
inline QString policyFindings() {
    return QStringLiteral("policy_findings");
}
inline QString planIterations() {
    return QStringLiteral("plan_iterations");
}
inline QString approval() {
    return QStringLiteral("approval");
}
inline QString artifacts() {
    return QStringLiteral("artifacts");
}
inline QString validation() {
    return QStringLiteral("validation");
}
inline QString report() {
    return QStringLiteral("report");
}
inline QString commit() {
    return QStringLiteral("commit");
}
inline QString decisions() {
    return QStringLiteral("decisions");
} // reason cards so far (for ADRs), no timings
inline QString lineage() {
    return QStringLiteral("lineage");
} // {decision_set_id, project_id, version, parent_id, ...}
// Runtime-private parts start with an underscore.
inline QString routeCounts() {
    return QStringLiteral("_route_counts");
}
inline QString parallelDone() {
    return QStringLiteral("_parallel_done");
}
} // namespace StatePart

// The typed state of one run: named JSON parts, checkpointed after every node.
class WorkflowState {
public:
    WorkflowState() = default;
    explicit WorkflowState(QJsonObject parts)
        : m_parts(std::move(parts)) {}

    QJsonValue value(const QString& part) const { return m_parts.value(part); }
    QJsonObject object(const QString& part) const { return m_parts.value(part).toObject(); }
    QJsonArray array(const QString& part) const { return m_parts.value(part).toArray(); }
    QString string(const QString& part) const { return m_parts.value(part).toString(); }
    int integer(const QString& part) const { return m_parts.value(part).toInt(); }
    bool has(const QString& part) const { return m_parts.contains(part); }
    void set(const QString& part, const QJsonValue& value) { m_parts.insert(part, value); }
    void remove(const QString& part) { m_parts.remove(part); }

    // Applies a node's patch (top-level parts replace) after checking each part is declared in `allowed`.
    // Returns the name of an undeclared part, or empty on success (in which case the patch was applied).
    QString apply(const QJsonObject& patch, const QStringList& allowed);

    const QJsonObject& toJson() const { return m_parts; }
    // The state without runtime-private parts, as shown to users and nodes' LLM prompts.
    QJsonObject publicJson() const;

private:
    QJsonObject m_parts;
};

} // namespace mlops
