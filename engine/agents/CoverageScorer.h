#pragma once

#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonObject>

#include <memory>

namespace mlops {

// coverage_check's logic: weighted completeness of the constraints (coverage.yaml weights), the missing and
// ambiguous fields, and conflicts (agents/ConstraintConflicts.h: the extractor's plus the knowledge base's rules).
class CoverageScorer {
public:
    explicit CoverageScorer(std::shared_ptr<const KnowledgeBase> kb);

    // The `coverage` state part: {score, threshold, sufficient, missing_fields, ambiguous_fields, conflicts, weights}.
    // `threshold` < 0 takes the knowledge base's default.
    QJsonObject score(const QJsonObject& constraints, double threshold = -1) const;
    // Conflict rules of the knowledge base that hold for these constraints.
    QJsonArray ruleConflicts(const QJsonObject& constraints) const;
    // Weight of a field for these constraints (0 when it does not matter for this system).
    double weight(const QString& field, const QJsonObject& constraints) const;

private:
    std::shared_ptr<const KnowledgeBase> m_kb;
};

} // namespace mlops
