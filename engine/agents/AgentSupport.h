#pragma once

#include "agents/knowledge/KnowledgeBase.h"
#include "workflow/Node.h"

#include <QJsonArray>

namespace mlops::AgentSupport {

// The knowledge base of the Studio running the node (NodeContext::services); a node fails with this message
// when none was given or the built-in knowledge is broken.
std::shared_ptr<const KnowledgeBase> knowledge(const NodeContext& context, QString* error);
// Answers that apply to the run: the run's preset answers (CLI --answers), then the gate's answers over them.
QJsonObject effectiveAnswers(const WorkflowState& state, const RunSettings& settings);
// All critics' findings of the current plan (tech, cost, policy) in one list.
QJsonArray allFindings(const WorkflowState& state);
QJsonArray blockingFindings(const WorkflowState& state);
double meanConfidence(const QJsonObject& fieldConfidence);

} // namespace mlops::AgentSupport
