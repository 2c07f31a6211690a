#include "llm/LlmProvider.h"

#include "llm/AnthropicProvider.h"
#include "llm/OpenAiCompatibleProvider.h"
#include "llm/Redactor.h"

#include <QCoroNetworkReply>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace mlops {

namespace {

constexpr qsizetype kMaxBody = 8 * 1024 * 1024;

struct DeleteLater {
    void operator()(QObject* o) const {
        if (o) {
            o->disconnect();
            o->deleteLater();
        }
    }
};

// Aborting emits finished(), which resumes the coroutine at once; doing that from inside a timer's or the
// reply's own signal would destroy them mid-emission, so the abort is queued.
void abortLater(QNetworkReply* reply) {
    QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
}

QString snippet(const QByteArray& body) {
    QString s = QString::fromUtf8(body.left(300)).simplified();
    return Redactor::scrubKnown(s);
}

} // namespace

bool LlmAttempt::retryable() const {
    if (errorKind == QLatin1String("network") || errorKind == QLatin1String("truncated"))
        return true;
    return errorKind == QLatin1String("http") && (httpStatus == 429 || httpStatus >= 500);
}

std::unique_ptr<LlmProvider> LlmProvider::create(LlmSettings::Provider provider) {
    switch (provider) {
    case LlmSettings::Provider::OpenAi:
        return std::make_unique<OpenAiCompatibleProvider>();
    case LlmSettings::Provider::Anthropic:
        return std::make_unique<AnthropicProvider>();
    case LlmSettings::Provider::None:
        break;
    }
    return {};
}

QCoro::Task<LlmAttempt> LlmProvider::send(QNetworkAccessManager* nam, LlmRequest request, LlmSettings settings,
                                          QString apiKey, LlmCancelCheck cancelled) const {
    LlmAttempt attempt;
    try {
        QNetworkRequest nr = networkRequest(settings, apiKey);
        nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        std::unique_ptr<QNetworkReply, DeleteLater> reply(nam->post(nr, body(request, settings, settings.stream)));

        bool timedOut = false;
        bool wasCancelled = false;
        bool tooLarge = false;
        bool streaming = false;
        bool decided = false;
        QByteArray raw;
        SseParser sse;
        Reply parsed;

        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, reply.get(), [&timedOut, r = reply.get()] {
            timedOut = true;
            abortLater(r);
        });
        deadline.start(settings.timeoutMs);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, reply.get(), [&wasCancelled, &cancelled, r = reply.get()] {
            if (cancelled && cancelled()) {
                wasCancelled = true;
                abortLater(r);
            }
        });
        poll.start(50);

        const auto consume = [&] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (!decided && status > 0) {
                decided = true;
                const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
                streaming = status >= 200 && status < 300 && type.startsWith("text/event-stream");
            }
            const QByteArray chunk = reply->readAll();
            if (streaming && decided) {
                for (const SseParser::Event& e : sse.feed(chunk))
                    onEvent(e, parsed);
            } else {
                raw += chunk;
            }
            if (raw.size() + parsed.text.size() > kMaxBody) {
                tooLarge = true;
                abortLater(reply.get());
            }
        };
        QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), consume);

        co_await reply.get();
        deadline.stop();
        poll.stop();
        if (!wasCancelled && !timedOut && !tooLarge && reply->bytesAvailable() > 0)
            consume();

        attempt.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        attempt.retryAfter = reply->rawHeader("Retry-After");
        const QString what =
            request.purpose.isEmpty() ? name() : name() + QStringLiteral(" (") + request.purpose + QLatin1Char(')');
        if (wasCancelled) {
            attempt.errorKind = QStringLiteral("cancelled");
            attempt.error = QStringLiteral("%1: cancelled with the run").arg(what);
        } else if (timedOut) {
            attempt.errorKind = QStringLiteral("timeout");
            attempt.error = QStringLiteral("%1: no complete answer within %2 ms").arg(what).arg(settings.timeoutMs);
        } else if (tooLarge) {
            attempt.errorKind = QStringLiteral("protocol");
            attempt.error = QStringLiteral("%1: response larger than 8 MB").arg(what);
        } else if (attempt.httpStatus == 0) {
            attempt.errorKind = QStringLiteral("network");
            attempt.error = QStringLiteral("%1: %2").arg(what, Redactor::scrubKnown(reply->errorString()));
        } else if (attempt.httpStatus < 200 || attempt.httpStatus >= 300) {
            attempt.errorKind = QStringLiteral("http");
            attempt.error = QStringLiteral("%1: HTTP %2 %3").arg(what).arg(attempt.httpStatus).arg(snippet(raw));
        } else if (streaming) {
            if (!parsed.error.isEmpty()) {
                attempt.errorKind = QStringLiteral("protocol");
                attempt.error = QStringLiteral("%1: %2").arg(what, Redactor::scrubKnown(parsed.error));
            } else if (!parsed.done || reply->error() != QNetworkReply::NoError) {
                attempt.errorKind = QStringLiteral("truncated");
                attempt.error = QStringLiteral("%1: the stream ended before its end marker").arg(what);
            } else {
                attempt.ok = true;
            }
        } else if (reply->error() != QNetworkReply::NoError) {
            attempt.errorKind = QStringLiteral("truncated");
            attempt.error = QStringLiteral("%1: %2").arg(what, Redactor::scrubKnown(reply->errorString()));
        } else if (!parseBody(raw, parsed)) {
            attempt.errorKind = QStringLiteral("protocol");
            attempt.error = QStringLiteral("%1: unexpected response (%2): %3")
                                .arg(what, Redactor::scrubKnown(parsed.error), snippet(raw));
        } else {
            attempt.ok = true;
        }
        attempt.text = parsed.text;
        attempt.finishReason = parsed.finishReason;
        attempt.inputTokens = parsed.inputTokens;
        attempt.outputTokens = parsed.outputTokens;
    } catch (const std::exception& e) {
        attempt = {};
        attempt.errorKind = QStringLiteral("protocol");
        attempt.error = Redactor::scrubKnown(QString::fromLocal8Bit(e.what()));
    }
    co_return attempt;
}

} // namespace mlops
