#pragma once

#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mlops {

// The one conflict detection of a constraint object, used by intake_extract (and `extract --json`) and by
// coverage_check alike, so that what the constraints say and what coverage reports cannot disagree.
// Two kinds of entry share the `conflicts` list: contradictions the extractor read in the text ({fields,
// message}: only the text shows them) and the knowledge base's conflict rules (coverage.yaml, {id, fields,
// message}: they follow from the values, so they are evaluated again whenever the values may have changed).
namespace ConstraintConflicts {
// The conflict rules that hold for these constraints.
QJsonArray fromRules(const KnowledgeBase& kb, const QJsonObject& constraints);
// The text contradictions already in `constraints`, then the rules evaluated on its current values. Idempotent:
// rule entries from an earlier evaluation are replaced, never doubled.
QJsonArray detect(const KnowledgeBase& kb, const QJsonObject& constraints);
} // namespace ConstraintConflicts

} // namespace mlops
