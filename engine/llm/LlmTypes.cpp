#include "llm/LlmTypes.h"

#include <cmath>

namespace mlops {

void LlmUsage::add(const LlmUsage& o) {
    calls += o.calls;
    networkRequests += o.networkRequests;
    cacheHits += o.cacheHits;
    retries += o.retries;
    failures += o.failures;
    inputTokens += o.inputTokens;
    outputTokens += o.outputTokens;
    costUsd += o.costUsd;
    costKnown = costKnown && o.costKnown;
    if (priceSource.isEmpty())
        priceSource = o.priceSource;
}

QJsonObject LlmUsage::toJson() const {
    QJsonObject o{
        {QStringLiteral("calls"), calls},
        {QStringLiteral("network_requests"), networkRequests},
        {QStringLiteral("cache_hits"), cacheHits},
        {QStringLiteral("retries"), retries},
        {QStringLiteral("failures"), failures},
        {QStringLiteral("input_tokens"), inputTokens},
        {QStringLiteral("output_tokens"), outputTokens},
        {QStringLiteral("cost_usd"), std::round(costUsd * 1e6) / 1e6},
        {QStringLiteral("cost_known"), costKnown},
    };
    if (!priceSource.isEmpty())
        o.insert(QStringLiteral("price_source"), priceSource);
    return o;
}

LlmUsage LlmUsage::fromJson(const QJsonObject& o) {
    LlmUsage u;
    u.calls = o.value(QStringLiteral("calls")).toInt();
    u.networkRequests = o.value(QStringLiteral("network_requests")).toInt();
    u.cacheHits = o.value(QStringLiteral("cache_hits")).toInt();
    u.retries = o.value(QStringLiteral("retries")).toInt();
    u.failures = o.value(QStringLiteral("failures")).toInt();
    u.inputTokens = o.value(QStringLiteral("input_tokens")).toInteger();
    u.outputTokens = o.value(QStringLiteral("output_tokens")).toInteger();
    u.costUsd = o.value(QStringLiteral("cost_usd")).toDouble();
    u.costKnown = o.value(QStringLiteral("cost_known")).toBool(true);
    u.priceSource = o.value(QStringLiteral("price_source")).toString();
    return u;
}

LlmUsage LlmUsage::fromCards(const QJsonArray& cards) {
    LlmUsage total;
    for (const QJsonValue& v : cards) {
        const QJsonObject outputs = v.toObject().value(QStringLiteral("outputs")).toObject();
        if (outputs.contains(QStringLiteral("llm-usage")))
            total.add(fromJson(outputs.value(QStringLiteral("llm-usage")).toObject()));
    }
    return total;
}

} // namespace mlops
