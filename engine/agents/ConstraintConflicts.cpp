#include "agents/ConstraintConflicts.h"

#include "agents/knowledge/Condition.h"

namespace mlops {

namespace {

const QString kId = QStringLiteral("id");

} // namespace

QJsonArray ConstraintConflicts::fromRules(const KnowledgeBase& kb, const QJsonObject& constraints) {
    QJsonArray out;
    for (const QJsonValue& v : kb.coverage().value(QStringLiteral("conflicts")).toArray()) {
        const QJsonObject rule = v.toObject();
        if (Condition::evaluate(rule.value(QStringLiteral("when")), constraints))
            out.append(QJsonObject{{kId, rule.value(kId)},
                                   {QStringLiteral("fields"), rule.value(QStringLiteral("fields"))},
                                   {QStringLiteral("message"), rule.value(QStringLiteral("message"))}});
    }
    return out;
}

QJsonArray ConstraintConflicts::detect(const KnowledgeBase& kb, const QJsonObject& constraints) {
    QJsonArray out;
    for (const QJsonValue& c : constraints.value(QStringLiteral("conflicts")).toArray()) {
        if (!c.toObject().contains(kId)) // read from the text: the values alone cannot tell it again
            out.append(c);
    }
    for (const QJsonValue& c : fromRules(kb, constraints))
        out.append(c);
    return out;
}

} // namespace mlops
