#pragma once

#include "workflow/WorkflowState.h"

#include <QString>

namespace mlops::test {

// A workflow state as the agents leave it before codegen, built directly from a prompt: intake, then planner and
// critics iterated like the workflow does (blocking findings go back to the planner, at most 3 times).
WorkflowState designState(const QString& prompt);
WorkflowState designStateFromFile(const QString& path);
// The frozen state of tests/data/codegen/states/<name>.json, so golden files test codegen alone and do not move
// when the planner or the knowledge base changes. MLOPS_UPDATE_STATES=1 (or a missing file) rebuilds it from
// prompts/<name>.txt with the current agents and saves it; then regenerate the goldens with MLOPS_UPDATE_GOLDEN=1.
WorkflowState frozenDesignState(const QString& name);
// Writes the repository codegen renders from frozenDesignState(name) into dir; returns the error, empty on success.
QString writeFrozenRepository(const QString& name, const QString& dir);

} // namespace mlops::test
