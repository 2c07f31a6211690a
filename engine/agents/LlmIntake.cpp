#include "agents/LlmIntake.h"

#include "llm/HybridExtraction.h"
#include "workflow/Node.h"

namespace mlops::LlmIntake {

QJsonObject refine(NodeContext& c, const QJsonObject& constraints) {
    QString error;
    const LlmSettings settings = LlmSettings::fromJson(c.settings().llm, LlmSettings::fromEnvironment(), &error);
    if (!error.isEmpty()) {
        c.card({.reasoning =
                    QStringLiteral("The LLM settings are invalid (%1); the offline extraction is used.").arg(error),
                .decision = QStringLiteral("kept the rule-based extraction"),
                .confidence = 1.0,
                .category = QStringLiteral("fallback")});
        return constraints;
    }
    if (!settings.enabled())
        return constraints;
    HybridOutcome out =
        HybridExtraction::refine(constraints, c.state().string(StatePart::prompt()), LlmClient::shared(), settings,
                                 c.decisionSetId(), [&c] { return c.isCancelled(); });
    c.card(out.card);
    return out.constraints;
}

} // namespace mlops::LlmIntake
