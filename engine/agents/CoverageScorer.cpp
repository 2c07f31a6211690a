#include "agents/CoverageScorer.h"

#include "agents/ConstraintConflicts.h"
#include "agents/knowledge/Condition.h"

#include <QJsonArray>

#include <cmath>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

bool isKnown(const QJsonObject& k, const QString& field) {
    if (k.value(s("field_confidence")).toObject().contains(field))
        return true;
    const QJsonValue v = k.value(field);
    return !(v.isNull() || v.isUndefined() || (v.isArray() && v.toArray().isEmpty()));
}

} // namespace

CoverageScorer::CoverageScorer(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

double CoverageScorer::weight(const QString& field, const QJsonObject& constraints) const {
    const QJsonObject cov = m_kb->coverage();
    const QJsonObject conditional = cov.value(s("conditional_weights")).toObject();
    if (conditional.contains(field) && !Condition::evaluate(conditional.value(field), constraints))
        return 0.0;
    return cov.value(s("weights")).toObject().value(field).toDouble(0.0);
}

QJsonArray CoverageScorer::ruleConflicts(const QJsonObject& constraints) const {
    return ConstraintConflicts::fromRules(*m_kb, constraints);
}

QJsonObject CoverageScorer::score(const QJsonObject& k, double threshold) const {
    const QJsonObject cov = m_kb->coverage();
    if (threshold < 0)
        threshold = cov.value(s("threshold")).toDouble(0.75);
    const double ambiguityFactor = cov.value(s("ambiguity_factor")).toDouble(0.5);
    const double minConf = cov.value(s("min_confidence")).toDouble(0.5);
    const QJsonObject confidence = k.value(s("field_confidence")).toObject();
    const QJsonArray ambiguousIn = k.value(s("ambiguous_fields")).toArray();

    double total = 0, credit = 0;
    QJsonObject weights;
    QJsonArray missing, ambiguous;
    const QJsonObject allWeights = cov.value(s("weights")).toObject();
    for (auto it = allWeights.begin(); it != allWeights.end(); ++it) {
        const double w = weight(it.key(), k);
        if (w <= 0)
            continue;
        weights.insert(it.key(), w);
        total += w;
        if (!isKnown(k, it.key())) {
            missing.append(it.key());
            continue;
        }
        const bool isAmbiguous = ambiguousIn.contains(it.key()) || confidence.value(it.key()).toDouble(1.0) < minConf;
        if (isAmbiguous) {
            ambiguous.append(it.key());
            credit += w * ambiguityFactor;
        } else {
            credit += w;
        }
    }
    // The same detection intake_extract applied: for constraints it produced, exactly their `conflicts`.
    const QJsonArray conflicts = ConstraintConflicts::detect(*m_kb, k);
    double score = total > 0 ? credit / total : 0.0;
    score -= cov.value(s("conflict_penalty")).toDouble(0.1) * conflicts.size();
    score = std::round(qBound(0.0, score, 1.0) * 1000.0) / 1000.0;
    return QJsonObject{
        {s("score"), score},
        {s("threshold"), threshold},
        {s("sufficient"), score >= threshold && conflicts.isEmpty()},
        {s("missing_fields"), missing},
        {s("ambiguous_fields"), ambiguous},
        {s("conflicts"), conflicts},
        {s("weights"), weights},
    };
}

} // namespace mlops
