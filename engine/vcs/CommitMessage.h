#pragma once

#include "vcs/GitTypes.h"
#include "workflow/WorkflowState.h"

namespace mlops {

// The commit message of one decision-set version, from the state parts: a subject naming the project, pattern
// and cloud; a body with the decisions (pattern and its score, cloud/region, components, cost vs budget,
// policy and validation results, answered questions); trailers identifying the decision set, which the
// idempotence check and GitRepository::log parse back. Deterministic for a given state.
namespace CommitMessage {

QString body(const WorkflowState& state);
QList<QPair<QString, QString>> trailers(const WorkflowState& state);
// The branch a decision set commits on: `main`, or `version-N` for a fork (lineage.parent_id non-empty).
QString branchFor(const WorkflowState& state);

} // namespace CommitMessage

} // namespace mlops
