#pragma once

#include "llm/LlmProvider.h"

namespace mlops {

// POST {base}/v1/chat/completions: OpenAI, and the local servers that speak its protocol (Ollama, vLLM,
// llama.cpp server, LM Studio). Streams "data: {choices:[{delta:{content}}]}" chunks ending with "data: [DONE]".
class OpenAiCompatibleProvider : public LlmProvider {
public:
    QString name() const override { return QStringLiteral("openai"); }
    QNetworkRequest networkRequest(const LlmSettings& settings, const QString& apiKey) const override;
    QByteArray body(const LlmRequest& request, const LlmSettings& settings, bool stream) const override;
    bool parseBody(const QByteArray& body, Reply& reply) const override;
    void onEvent(const SseParser::Event& event, Reply& reply) const override;
};

} // namespace mlops
