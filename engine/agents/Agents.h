#pragma once

#include "workflow/Node.h"

#include <memory>

namespace mlops {

// Factories of the agents' workflow nodes (docs/workflow.md). Node names are fixed: they appear in events, checkpoints,
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

} // namespace mlops
