#pragma once

#include <QJsonObject>

namespace mlops {

class NodeContext;

// The hook the intake_extract node calls after its rules: with no LLM configured (the default) it returns the
// constraints untouched and emits nothing; otherwise it runs HybridExtraction on the process's LlmClient,
// emits the reason card (category "extraction" or "fallback", with "llm-usage") and returns the result.
// Responses are cached, so a resumed or repeated run gets the same answer without asking again.
namespace LlmIntake {
QJsonObject refine(NodeContext& context, const QJsonObject& constraints);
} // namespace LlmIntake

} // namespace mlops
