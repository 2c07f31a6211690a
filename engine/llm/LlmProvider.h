#pragma once

#include "llm/LlmSettings.h"
#include "llm/LlmTypes.h"
#include "llm/SseParser.h"

#include <QCoroTask>
#include <QNetworkRequest>

#include <memory>

class QNetworkAccessManager;

namespace mlops {

// What one HTTP exchange produced, before retries, caching and accounting.
struct LlmAttempt {
    bool ok = false;
    QString text;
    QString finishReason;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    int httpStatus = 0;
    QString errorKind; // see LlmResult::errorKind
    QString error;     // redacted
    QByteArray retryAfter;
    bool retryable() const;
};

// One chat API. A provider knows its wire format (request body, headers, response and stream events); the
// shared send() does the HTTP exchange with a timeout and cancellation, streaming or not.
class LlmProvider {
public:
    // Accumulates a streamed or whole reply.
    struct Reply {
        QString text;
        QString finishReason;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        bool done = false; // the stream's end marker arrived ([DONE] / message_stop)
        QString error;     // an error reported inside the stream or body
    };

    virtual ~LlmProvider() = default;
    virtual QString name() const = 0;
    virtual QNetworkRequest networkRequest(const LlmSettings& settings, const QString& apiKey) const = 0;
    virtual QByteArray body(const LlmRequest& request, const LlmSettings& settings, bool stream) const = 0;
    // A whole (non-streamed) 2xx body. Returns false with reply.error set when it is not the API's shape.
    virtual bool parseBody(const QByteArray& body, Reply& reply) const = 0;
    // One server-sent event of a streamed reply.
    virtual void onEvent(const SseParser::Event& event, Reply& reply) const = 0;

    static std::unique_ptr<LlmProvider> create(LlmSettings::Provider provider);

    // One HTTP attempt on the calling thread's event loop (the client's network thread). Parameters are taken by
    // value: the coroutine starts at once and outlives the caller's temporaries.
    QCoro::Task<LlmAttempt> send(QNetworkAccessManager* nam, LlmRequest request, LlmSettings settings, QString apiKey,
                                 LlmCancelCheck cancelled) const;
};

} // namespace mlops
