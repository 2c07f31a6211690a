#include "llm/OpenAiCompatibleProvider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mlops {

namespace {

QString k(const char* text) {
    return QString::fromLatin1(text);
}

void readUsage(const QJsonObject& usage, LlmProvider::Reply& reply) {
    if (usage.isEmpty())
        return;
    reply.inputTokens = usage.value(k("prompt_tokens")).toInteger(reply.inputTokens);
    reply.outputTokens = usage.value(k("completion_tokens")).toInteger(reply.outputTokens);
}

QString errorMessage(const QJsonObject& o) {
    const QJsonValue e = o.value(k("error"));
    return e.isObject() ? e.toObject().value(k("message")).toString() : e.toString();
}

} // namespace

QNetworkRequest OpenAiCompatibleProvider::networkRequest(const LlmSettings& settings, const QString& apiKey) const {
    QNetworkRequest r(settings.endpoint());
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setRawHeader("Accept", settings.stream ? "text/event-stream" : "application/json");
    if (!apiKey.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    return r;
}

QByteArray OpenAiCompatibleProvider::body(const LlmRequest& request, const LlmSettings& settings, bool stream) const {
    QJsonArray messages;
    if (!request.system.isEmpty())
        messages.append(QJsonObject{{k("role"), k("system")}, {k("content"), request.system}});
    for (const LlmMessage& m : request.messages)
        messages.append(QJsonObject{{k("role"), m.role}, {k("content"), m.content}});
    QJsonObject o{
        {k("model"), settings.model},
        {k("messages"), messages},
        {k("temperature"), settings.temperature},
        {k("max_tokens"), request.maxTokens > 0 ? request.maxTokens : settings.maxTokens},
        {k("stream"), stream},
    };
    if (stream)
        o.insert(k("stream_options"), QJsonObject{{k("include_usage"), true}});
    if (request.jsonOutput)
        o.insert(k("response_format"), QJsonObject{{k("type"), k("json_object")}});
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool OpenAiCompatibleProvider::parseBody(const QByteArray& body, Reply& reply) const {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (!doc.isObject()) {
        reply.error = QStringLiteral("body is not a JSON object: ") + pe.errorString();
        return false;
    }
    const QJsonObject o = doc.object();
    if (o.contains(k("error"))) {
        reply.error = errorMessage(o);
        return false;
    }
    const QJsonArray choices = o.value(k("choices")).toArray();
    const QJsonObject choice = choices.isEmpty() ? QJsonObject() : choices.first().toObject();
    const QJsonValue content = choice.value(k("message")).toObject().value(k("content"));
    if (!content.isString()) {
        reply.error = QStringLiteral("no choices[0].message.content");
        return false;
    }
    reply.text = content.toString();
    reply.finishReason = choice.value(k("finish_reason")).toString();
    reply.done = true;
    readUsage(o.value(k("usage")).toObject(), reply);
    return true;
}

void OpenAiCompatibleProvider::onEvent(const SseParser::Event& event, Reply& reply) const {
    if (event.data.trimmed() == "[DONE]") {
        reply.done = true;
        return;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &pe);
    if (!doc.isObject()) {
        if (reply.error.isEmpty())
            reply.error = QStringLiteral("malformed stream chunk: ") + pe.errorString();
        return;
    }
    const QJsonObject o = doc.object();
    if (o.contains(k("error"))) {
        reply.error = errorMessage(o);
        return;
    }
    const QJsonArray choices = o.value(k("choices")).toArray();
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        reply.text += choice.value(k("delta")).toObject().value(k("content")).toString();
        const QString finish = choice.value(k("finish_reason")).toString();
        if (!finish.isEmpty())
            reply.finishReason = finish;
    }
    readUsage(o.value(k("usage")).toObject(), reply);
}

} // namespace mlops
