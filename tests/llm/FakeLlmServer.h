#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>

#include <functional>

class QThread;

namespace mlops::test {

class FakeLlmServerCore;

// A loopback HTTP server on its own thread that speaks the OpenAI chat-completions and Anthropic Messages APIs
// (whole and streamed replies) and injects faults on demand: delays, status codes with Retry-After, malformed
// bodies, streams cut short. One request per connection ("Connection: close").
class FakeLlmServer {
public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        QJsonObject json;
        bool isAnthropic() const { return path.endsWith("/v1/messages"); }
        bool wantsStream() const { return json.value(QStringLiteral("stream")).toBool(); }
        QString lastUserMessage() const;
        QString system() const;
    };
    struct Response {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;          // whole body (ignored when chunks are set)
        QList<QByteArray> chunks; // streamed pieces (text/event-stream), written chunkDelayMs apart
        int delayMs = 0;          // before anything is written
        int chunkDelayMs = 0;
        qsizetype declaredLength = -1; // Content-Length to announce; larger than the body = truncated transfer
    };
    using Handler = std::function<Response(const Request& request, int index)>;

    FakeLlmServer();
    ~FakeLlmServer();

    QString baseUrl() const; // http://127.0.0.1:PORT
    void setHandler(Handler handler);
    int requestCount() const;
    QList<Request> requests() const;
    int maxConcurrent() const; // most requests open at the same time
    void reset();

    // A successful answer in the request's API and mode (streamed if the request asked for it).
    static Response answer(const Request& request, const QString& content, int inputTokens = 120,
                           int outputTokens = 30);
    static Response openAi(const QString& content, bool stream, int inputTokens = 120, int outputTokens = 30);
    static Response anthropic(const QString& content, bool stream, int inputTokens = 120, int outputTokens = 30);
    static Response status(int code, const QByteArray& body = "{\"error\":{\"message\":\"fake error\"}}",
                           const QByteArray& retryAfter = {});
    // The same streamed answer without its end marker, and with its last chunk cut in half.
    static Response truncatedStream(const Request& request, const QString& content);

private:
    friend class FakeLlmServerCore;
    Response handle(const Request& request);
    void closed();

    QThread* m_thread = nullptr;
    FakeLlmServerCore* m_core = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    Handler m_handler;
    QList<Request> m_requests;
    int m_open = 0;
    int m_maxOpen = 0;
};

} // namespace mlops::test
