#include "FakeLlmServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

namespace mlops::test {

namespace {

QByteArray reason(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray sse(const QJsonObject& o, const QByteArray& event = {}) {
    QByteArray out;
    if (!event.isEmpty())
        out += "event: " + event + "\n";
    return out + "data: " + QJsonDocument(o).toJson(QJsonDocument::Compact) + "\n\n";
}

// Splits text into a few pieces so that streams really arrive in parts.
QStringList pieces(const QString& text) {
    QStringList out;
    const int n = 4;
    const qsizetype step = qMax<qsizetype>(1, text.size() / n);
    for (qsizetype i = 0; i < text.size(); i += step)
        out.append(text.mid(i, step));
    if (out.isEmpty())
        out.append(QString());
    return out;
}

QString k(const char* s) {
    return QString::fromLatin1(s);
}

} // namespace

// Lives on the server thread.
class FakeLlmServerCore : public QObject {
public:
    explicit FakeLlmServerCore(FakeLlmServer* owner)
        : m_owner(owner) {}

    quint16 listen() {
        m_server = new QTcpServer(this);
        m_server->listen(QHostAddress::LocalHost, 0);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection())
                accept(socket);
        });
        return m_server->serverPort();
    }

private:
    void accept(QTcpSocket* socket) {
        auto buffer = std::make_shared<QByteArray>();
        auto done = std::make_shared<bool>(false);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, done] {
            if (*done)
                return;
            *buffer += socket->readAll();
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            FakeLlmServer::Request request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (buffer->size() - headerEnd - 4 < length)
                return;
            *done = true;
            request.body = buffer->mid(headerEnd + 4, length);
            request.json = QJsonDocument::fromJson(request.body).object();
            // The request counts as open until the server finishes it or the client goes away, whichever is first.
            auto open = std::make_shared<bool>(true);
            connect(socket, &QTcpSocket::disconnected, this, [this, open, socket] {
                m_open.remove(socket);
                release(open);
            });
            m_open.insert(socket, open);
            const FakeLlmServer::Response response = m_owner->handle(request);
            respond(socket, response);
        });
    }

    void respond(QTcpSocket* socket, const FakeLlmServer::Response& response) {
        QPointer<QTcpSocket> s(socket);
        QTimer::singleShot(response.delayMs, this, [this, s, response] {
            if (!s)
                return;
            const bool streamed = !response.chunks.isEmpty();
            QByteArray head =
                "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
            head += streamed ? "Content-Type: text/event-stream\r\n" : "Content-Type: application/json\r\n";
            for (const auto& h : response.headers)
                head += h.first + ": " + h.second + "\r\n";
            if (!streamed) {
                const qsizetype length = response.declaredLength >= 0 ? response.declaredLength : response.body.size();
                head += "Content-Length: " + QByteArray::number(length) + "\r\n";
            }
            head += "Connection: close\r\n\r\n";
            s->write(head);
            if (!streamed) {
                s->write(response.body);
                finish(s);
                return;
            }
            writeChunks(s, response.chunks, 0, response.chunkDelayMs);
        });
    }

    void writeChunks(QPointer<QTcpSocket> s, QList<QByteArray> chunks, int index, int delayMs) {
        if (!s)
            return;
        if (index >= chunks.size()) {
            finish(s);
            return;
        }
        s->write(chunks[index]);
        s->flush();
        QTimer::singleShot(delayMs, this,
                           [this, s, chunks, index, delayMs] { writeChunks(s, chunks, index + 1, delayMs); });
    }

    void finish(QPointer<QTcpSocket> s) {
        if (!s)
            return;
        release(m_open.take(s.data()));
        s->disconnectFromHost();
    }

    void release(const std::shared_ptr<bool>& open) {
        if (open && *open) {
            *open = false;
            m_owner->closed();
        }
    }

    FakeLlmServer* m_owner;
    QTcpServer* m_server = nullptr;
    QHash<QTcpSocket*, std::shared_ptr<bool>> m_open;
};

QString FakeLlmServer::Request::lastUserMessage() const {
    const QJsonArray messages = json.value(k("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (messages[i].toObject().value(k("role")).toString() == QLatin1String("user"))
            return messages[i].toObject().value(k("content")).toString();
    }
    return {};
}

QString FakeLlmServer::Request::system() const {
    if (json.contains(k("system")))
        return json.value(k("system")).toString();
    const QJsonArray messages = json.value(k("messages")).toArray();
    for (const QJsonValue& m : messages) {
        if (m.toObject().value(k("role")).toString() == QLatin1String("system"))
            return m.toObject().value(k("content")).toString();
    }
    return {};
}

FakeLlmServer::FakeLlmServer() {
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("fake-llm-server"));
    m_core = new FakeLlmServerCore(this);
    m_core->moveToThread(m_thread);
    m_thread->start();
    FakeLlmServerCore* core = m_core;
    quint16 port = 0;
    QMetaObject::invokeMethod(
        core, [core, &port] { port = core->listen(); }, Qt::BlockingQueuedConnection);
    m_port = port;
}

FakeLlmServer::~FakeLlmServer() {
    FakeLlmServerCore* core = m_core;
    QMetaObject::invokeMethod(
        core, [core] { delete core; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QString FakeLlmServer::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

void FakeLlmServer::setHandler(Handler handler) {
    QMutexLocker lock(&m_mutex);
    m_handler = std::move(handler);
}

int FakeLlmServer::requestCount() const {
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

QList<FakeLlmServer::Request> FakeLlmServer::requests() const {
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int FakeLlmServer::maxConcurrent() const {
    QMutexLocker lock(&m_mutex);
    return m_maxOpen;
}

void FakeLlmServer::reset() {
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
    m_maxOpen = m_open;
}

FakeLlmServer::Response FakeLlmServer::handle(const Request& request) {
    Handler handler;
    int index;
    {
        QMutexLocker lock(&m_mutex);
        index = int(m_requests.size());
        m_requests.append(request);
        m_maxOpen = qMax(m_maxOpen, ++m_open);
        handler = m_handler;
    }
    if (!handler)
        return answer(request, QStringLiteral("hello"));
    return handler(request, index);
}

void FakeLlmServer::closed() {
    QMutexLocker lock(&m_mutex);
    --m_open;
}

FakeLlmServer::Response FakeLlmServer::answer(const Request& request, const QString& content, int in, int out) {
    return request.isAnthropic() ? anthropic(content, request.wantsStream(), in, out)
                                 : openAi(content, request.wantsStream(), in, out);
}

FakeLlmServer::Response FakeLlmServer::openAi(const QString& content, bool stream, int in, int out) {
    Response r;
    const QJsonObject usage{{k("prompt_tokens"), in}, {k("completion_tokens"), out}, {k("total_tokens"), in + out}};
    if (!stream) {
        const QJsonObject o{
            {k("id"), k("chatcmpl-fake")},
            {k("object"), k("chat.completion")},
            {k("choices"),
             QJsonArray{QJsonObject{{k("index"), 0},
                                    {k("message"), QJsonObject{{k("role"), k("assistant")}, {k("content"), content}}},
                                    {k("finish_reason"), k("stop")}}}},
            {k("usage"), usage},
        };
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        return r;
    }
    for (const QString& piece : pieces(content)) {
        r.chunks.append(sse(
            QJsonObject{{k("choices"),
                         QJsonArray{QJsonObject{{k("index"), 0}, {k("delta"), QJsonObject{{k("content"), piece}}}}}}}));
    }
    r.chunks.append(sse(QJsonObject{
        {k("choices"),
         QJsonArray{QJsonObject{{k("index"), 0}, {k("delta"), QJsonObject()}, {k("finish_reason"), k("stop")}}}}}));
    r.chunks.append(sse(QJsonObject{{k("choices"), QJsonArray()}, {k("usage"), usage}}));
    r.chunks.append("data: [DONE]\n\n");
    return r;
}

FakeLlmServer::Response FakeLlmServer::anthropic(const QString& content, bool stream, int in, int out) {
    Response r;
    if (!stream) {
        const QJsonObject o{
            {k("id"), k("msg_fake")},
            {k("type"), k("message")},
            {k("role"), k("assistant")},
            {k("content"), QJsonArray{QJsonObject{{k("type"), k("text")}, {k("text"), content}}}},
            {k("stop_reason"), k("end_turn")},
            {k("usage"), QJsonObject{{k("input_tokens"), in}, {k("output_tokens"), out}}},
        };
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        return r;
    }
    r.chunks.append(sse(QJsonObject{{k("type"), k("message_start")},
                                    {k("message"), QJsonObject{{k("id"), k("msg_fake")},
                                                               {k("usage"), QJsonObject{{k("input_tokens"), in},
                                                                                        {k("output_tokens"), 1}}}}}},
                        "message_start"));
    r.chunks.append(sse(QJsonObject{{k("type"), k("content_block_start")},
                                    {k("index"), 0},
                                    {k("content_block"), QJsonObject{{k("type"), k("text")}, {k("text"), QString()}}}},
                        "content_block_start"));
    r.chunks.append("event: ping\ndata: {\"type\": \"ping\"}\n\n");
    for (const QString& piece : pieces(content)) {
        r.chunks.append(sse(QJsonObject{{k("type"), k("content_block_delta")},
                                        {k("index"), 0},
                                        {k("delta"), QJsonObject{{k("type"), k("text_delta")}, {k("text"), piece}}}},
                            "content_block_delta"));
    }
    r.chunks.append(sse(QJsonObject{{k("type"), k("content_block_stop")}, {k("index"), 0}}, "content_block_stop"));
    r.chunks.append(sse(QJsonObject{{k("type"), k("message_delta")},
                                    {k("delta"), QJsonObject{{k("stop_reason"), k("end_turn")}}},
                                    {k("usage"), QJsonObject{{k("output_tokens"), out}}}},
                        "message_delta"));
    r.chunks.append(sse(QJsonObject{{k("type"), k("message_stop")}}, "message_stop"));
    return r;
}

FakeLlmServer::Response FakeLlmServer::status(int code, const QByteArray& body, const QByteArray& retryAfter) {
    Response r;
    r.status = code;
    r.body = body;
    if (!retryAfter.isEmpty())
        r.headers.append({"Retry-After", retryAfter});
    return r;
}

FakeLlmServer::Response FakeLlmServer::truncatedStream(const Request& request, const QString& content) {
    Response r = request.isAnthropic() ? anthropic(content, true) : openAi(content, true);
    // Drop the end marker and everything after the first text piece, then cut that piece mid-JSON.
    const qsizetype keep = request.isAnthropic() ? 4 : 2;
    r.chunks = r.chunks.mid(0, keep);
    QByteArray& last = r.chunks.last();
    last = last.left(last.size() / 2);
    return r;
}

} // namespace mlops::test
