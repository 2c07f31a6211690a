#pragma once

#include "agents/knowledge/KnowledgeBase.h"
#include "workflow/Node.h"

#include <QJsonArray>

namespace mlops::AgentSupport {

// The knowledge base the nodes use; a node fails with this message when the built-in knowledge is broken.
std::shared_ptr<const KnowledgeBase> knowledge(QString* error);
// Answers that apply to the run: the run's preset answers (CLI --answers), then the gate's answers over them.
QJsonObject effectiveAnswers(const WorkflowState& state, const RunSettings& settings);
// All critics' findings of the current plan (tech, cost, policy) in one list.
QJsonArray allFindings(const WorkflowState& state);
QJsonArray blockingFindings(const WorkflowState& state);
double meanConfidence(const QJsonObject& fieldConfidence);

} // namespace mlops::AgentSupport
