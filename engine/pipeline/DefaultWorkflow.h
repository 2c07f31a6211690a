#pragma once

#include "workflow/WorkflowGraph.h"

namespace mlops {

// The graph of docs/workflow.md:
//   intake_extract -> coverage_check -(coverage < threshold)-> adaptive_questions -> hitl_gate_input
//   -> back to intake_extract (answers merged, at most 3 rounds); coverage ok -> planner
//   -> critics {tech_critic || cost_critic} -> policy_engine -(blocking findings, at most 3)-> planner
//   -> hitl_gate_final -> codegen -> validators -> report -> git_commit
namespace DefaultWorkflow {
std::shared_ptr<WorkflowGraph> create();
// True when any critic or policy finding in the state is marked blocking.
bool hasBlockingFindings(const WorkflowState& state);
} // namespace DefaultWorkflow

} // namespace mlops
