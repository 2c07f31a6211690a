#include "llm/AnthropicProvider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mlops {

namespace {

QString k(const char* text) {
    return QString::fromLatin1(text);
}

void readUsage(const QJsonObject& usage, LlmProvider::Reply& reply) {
    if (usage.contains(k("input_tokens")))
        reply.inputTokens = usage.value(k("input_tokens")).toInteger();
    if (usage.contains(k("output_tokens")))
        reply.outputTokens = usage.value(k("output_tokens")).toInteger();
}

} // namespace

QNetworkRequest AnthropicProvider::networkRequest(const LlmSettings& settings, const QString& apiKey) const {
    QNetworkRequest r(settings.endpoint());
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setRawHeader("anthropic-version", "2023-06-01");
    if (!apiKey.isEmpty())
        r.setRawHeader("x-api-key", apiKey.toUtf8());
    return r;
}

QByteArray AnthropicProvider::body(const LlmRequest& request, const LlmSettings& settings, bool stream) const {
    QJsonArray messages;
    for (const LlmMessage& m : request.messages)
        messages.append(QJsonObject{{k("role"), m.role}, {k("content"), m.content}});
    QJsonObject o{
        {k("model"), settings.model},
        {k("messages"), messages},
        {k("temperature"), qMin(settings.temperature, 1.0)},
        {k("max_tokens"), request.maxTokens > 0 ? request.maxTokens : settings.maxTokens},
        {k("stream"), stream},
    };
    if (!request.system.isEmpty())
        o.insert(k("system"), request.system);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool AnthropicProvider::parseBody(const QByteArray& body, Reply& reply) const {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (!doc.isObject()) {
        reply.error = QStringLiteral("body is not a JSON object: ") + pe.errorString();
        return false;
    }
    const QJsonObject o = doc.object();
    if (o.value(k("type")).toString() == QLatin1String("error")) {
        reply.error = o.value(k("error")).toObject().value(k("message")).toString();
        return false;
    }
    const QJsonValue content = o.value(k("content"));
    if (!content.isArray()) {
        reply.error = QStringLiteral("no content array");
        return false;
    }
    for (const QJsonValue& block : content.toArray()) {
        if (block.toObject().value(k("type")).toString() == QLatin1String("text"))
            reply.text += block.toObject().value(k("text")).toString();
    }
    reply.finishReason = o.value(k("stop_reason")).toString();
    reply.done = true;
    readUsage(o.value(k("usage")).toObject(), reply);
    return true;
}

void AnthropicProvider::onEvent(const SseParser::Event& event, Reply& reply) const {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &pe);
    if (!doc.isObject()) {
        if (reply.error.isEmpty())
            reply.error = QStringLiteral("malformed stream event: ") + pe.errorString();
        return;
    }
    const QJsonObject o = doc.object();
    const QString type = o.value(k("type")).toString(QString::fromLatin1(event.name));
    if (type == QLatin1String("message_start")) {
        readUsage(o.value(k("message")).toObject().value(k("usage")).toObject(), reply);
    } else if (type == QLatin1String("content_block_delta")) {
        const QJsonObject delta = o.value(k("delta")).toObject();
        if (delta.value(k("type")).toString() == QLatin1String("text_delta"))
            reply.text += delta.value(k("text")).toString();
    } else if (type == QLatin1String("message_delta")) {
        const QString stop = o.value(k("delta")).toObject().value(k("stop_reason")).toString();
        if (!stop.isEmpty())
            reply.finishReason = stop;
        readUsage(o.value(k("usage")).toObject(), reply);
    } else if (type == QLatin1String("message_stop")) {
        reply.done = true;
    } else if (type == QLatin1String("error")) {
        reply.error = o.value(k("error")).toObject().value(k("message")).toString();
    }
}

} // namespace mlops
