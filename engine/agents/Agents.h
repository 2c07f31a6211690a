#pragma once

#include "workflow/Node.h"

#include <memory>

namespace mlops {

// Factories of the workflow's nodes (SPEC §2). Node names are fixed: they appear in events, checkpoints,
// the UI's graph view and the generated ADRs.
std::shared_ptr<Node> makeIntakeExtractNode();
std::shared_ptr<Node> makeCoverageCheckNode();
std::shared_ptr<Node> makeAdaptiveQuestionsNode();
std::shared_ptr<GateNode> makeInputGateNode();
std::shared_ptr<Node> makePlannerNode();
std::shared_ptr<Node> makeTechCriticNode();
std::shared_ptr<Node> makeCostCriticNode();
std::shared_ptr<Node> makePolicyEngineNode();
std::shared_ptr<GateNode> makeFinalGateNode();
std::shared_ptr<Node> makeCodegenNode();
std::shared_ptr<Node> makeValidatorsNode();
std::shared_ptr<Node> makeReportNode();
std::shared_ptr<Node> makeGitCommitNode();

} // namespace mlops
