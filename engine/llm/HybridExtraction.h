#pragma once

#include "core/ReasonCard.h"
#include "llm/LlmClient.h"

#include <QJsonObject>
#include <QStringList>

namespace mlops {

// Hybrid intake: the rule-based extraction stands; an LLM is asked only for the fields the rules left missing,
// ambiguous or defaulted, and every value it proposes must quote its evidence from the prompt verbatim. Values
// outside the field's schema, fields nobody asked for and unsupported evidence are rejected. When the LLM is
// unavailable or its answer is rejected, the constraints come back unchanged with a "fallback" reason card.
struct HybridOutcome {
    QJsonObject constraints;
    ReasonCard card;
    bool consulted = false; // an LLM call was made
    bool usedLlm = false;   // at least one field now comes from the LLM (extraction_method "hybrid")
    QStringList filled;
    QJsonObject rejected; // field -> reason
    LlmUsage usage;
};

namespace HybridExtraction {

// Fields worth asking about: missing, ambiguous, or assumed with low confidence.
QStringList gapFields(const QJsonObject& constraints);
// Schema of the answer: {"fields": {field: {"value": ..., "evidence": "...", "confidence": 0..1}}}.
QJsonObject answerSchema(const QStringList& fields);

HybridOutcome refine(const QJsonObject& constraints, const QString& prompt, LlmClient& client,
                     const LlmSettings& settings, const QString& runId = {}, LlmCancelCheck cancelled = {});

} // namespace HybridExtraction

} // namespace mlops
