#pragma once

#include "llm/LlmProvider.h"

namespace mlops {

// POST {base}/v1/messages with x-api-key and anthropic-version: 2023-06-01. Streams message_start,
// content_block_delta (text_delta), message_delta (usage, stop_reason) and message_stop events.
class AnthropicProvider : public LlmProvider {
public:
    QString name() const override { return QStringLiteral("anthropic"); }
    QNetworkRequest networkRequest(const LlmSettings& settings, const QString& apiKey) const override;
    QByteArray body(const LlmRequest& request, const LlmSettings& settings, bool stream) const override;
    bool parseBody(const QByteArray& body, Reply& reply) const override;
    void onEvent(const SseParser::Event& event, Reply& reply) const override;
};

} // namespace mlops
