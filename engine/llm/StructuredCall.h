#pragma once

#include "llm/LlmClient.h"

#include <QJsonObject>
#include <QStringList>

namespace mlops {

// What a structured call produced: a schema-valid object, or why there is none (the caller then falls back to
// its offline implementation and says so in a reason card).
struct StructuredResult {
    bool ok = false;
    QJsonObject value;     // pruned to the schema and valid against it
    QStringList dropped;   // members removed (in any round) because the schema does not declare them
    QStringList errors;    // validation errors of the last reply
    bool repaired = false; // the first reply was invalid and the repair attempt fixed it
    int llmCalls = 0;
    QString failure;     // one line, redacted: why the answer was rejected
    QString failureKind; // timeout | cancelled | http | network | protocol | truncated | config | invalid_output
    LlmUsage usage;
};

// Asks for JSON matching a schema: the task and the schema go in the system prompt, the user's text is framed
// as data (never instructions); the reply is extracted, pruned of undeclared fields and validated. An invalid,
// truncated or off-schema reply gets one repair round with the errors; a second failure rejects the answer.
class StructuredCall {
public:
    StructuredCall(LlmClient& client, LlmSettings settings);

    StructuredResult run(const QString& task, const QString& data, const QJsonObject& schema, const QString& runId = {},
                         const QString& purpose = {}, LlmCancelCheck cancelled = {}) const;

    static QString systemPrompt(const QString& task, const QJsonObject& schema);
    // The user's text inside <data> tags, with any closing tag inside it neutralised.
    static QString framedData(const QString& data);

private:
    LlmClient& m_client;
    LlmSettings m_settings;
};

} // namespace mlops
