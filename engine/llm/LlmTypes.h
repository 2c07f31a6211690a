#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace mlops {

struct LlmMessage {
    QString role; // user | assistant
    QString content;
};

// One chat request, provider-neutral. The API key is never part of it: the client resolves it at send time.
struct LlmRequest {
    QString system;
    QList<LlmMessage> messages;
    int maxTokens = 0;       // 0: the settings' max_tokens
    bool jsonOutput = false; // ask for a JSON object where the API supports it (OpenAI response_format)
    QString runId;           // accounting tag (decision set id); not part of the cache key
    QString purpose;         // what the call is for, shown in errors ("intake_extract")
};

// Token, request and cost accounting; summed per run and shown in reason cards ("llm-usage").
struct LlmUsage {
    int calls = 0;           // completions asked for
    int networkRequests = 0; // HTTP requests sent, retries included
    int cacheHits = 0;
    int retries = 0;
    int failures = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    bool costKnown = true; // false once a call used a model missing from the price table
    QString priceSource;   // "llm_prices.yaml 2025-05-01", "local model", or empty

    void add(const LlmUsage& other);
    double cacheHitRate() const { return calls > 0 ? double(cacheHits) / calls : 0.0; }
    QJsonObject toJson() const;
    static LlmUsage fromJson(const QJsonObject& object);
    // Sum of the "llm-usage" outputs of reason cards (as stored in the state's `decisions` or the event log).
    static LlmUsage fromCards(const QJsonArray& cards);
};

struct LlmResult {
    bool ok = false;
    QString text;
    QString error;     // redacted, one line
    QString errorKind; // config | cancelled | timeout | network | http | protocol | truncated | rate_limited
    int httpStatus = 0;
    bool fromCache = false;
    QString finishReason;
    int attempts = 0;
    LlmUsage usage; // of this call only
};

// Polled while a request runs; true aborts it. Must be cheap and thread-safe (it runs on the network thread).
using LlmCancelCheck = std::function<bool()>;

} // namespace mlops
