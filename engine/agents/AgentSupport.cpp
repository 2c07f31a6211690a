#include "agents/AgentSupport.h"

#include <cmath>

namespace mlops::AgentSupport {

std::shared_ptr<const KnowledgeBase> knowledge(const NodeContext& context, QString* error) {
    auto kb = context.services().knowledge;
    if (!kb) {
        *error = QStringLiteral("no knowledge base was given to this run");
        return kb;
    }
    if (!kb->isValid())
        *error = QStringLiteral("knowledge base is invalid: %1").arg(kb->errors().join(QStringLiteral("; ")));
    return kb;
}

QJsonObject effectiveAnswers(const WorkflowState& state, const RunSettings& settings) {
    QJsonObject answers = settings.presetAnswers;
    const QJsonObject given = state.object(StatePart::answers());
    for (auto it = given.begin(); it != given.end(); ++it)
        answers.insert(it.key(), it.value());
    return answers;
}

QJsonArray allFindings(const WorkflowState& state) {
    QJsonArray out = state.array(StatePart::techFindings());
    for (const QJsonValue& f : state.object(StatePart::costEstimate()).value(QStringLiteral("findings")).toArray())
        out.append(f);
    for (const QJsonValue& f : state.array(StatePart::policyFindings()))
        out.append(f);
    return out;
}

QJsonArray blockingFindings(const WorkflowState& state) {
    QJsonArray out;
    for (const QJsonValue& f : allFindings(state)) {
        if (f.toObject().value(QStringLiteral("blocking")).toBool())
            out.append(f);
    }
    return out;
}

double meanConfidence(const QJsonObject& fieldConfidence) {
    if (fieldConfidence.isEmpty())
        return 0.0;
    double sum = 0;
    for (auto it = fieldConfidence.begin(); it != fieldConfidence.end(); ++it)
        sum += it.value().toDouble();
    return std::round(sum / fieldConfidence.size() * 100.0) / 100.0;
}

} // namespace mlops::AgentSupport
