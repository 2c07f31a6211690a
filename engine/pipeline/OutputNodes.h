#pragma once

#include "workflow/Node.h"

#include <memory>

namespace mlops {

// The nodes after the final gate. Each wires an engine layer below (codegen, validate, vcs) to the agents' shared
// knowledge and policy evaluation, so they live here, next to the graph that uses them, and not inside those
// layers (docs/engine-layers.md). Names are fixed like the agents' nodes (docs/workflow.md).
std::shared_ptr<Node> makeCodegenNode();
std::shared_ptr<Node> makeValidatorsNode();
std::shared_ptr<Node> makeReportNode();
std::shared_ptr<Node> makeGitCommitNode();

} // namespace mlops
