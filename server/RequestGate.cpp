#include "RequestGate.h"

#include "HttpReply.h"

#include <QTcpSocket>
#include <QTimer>

namespace mlops::server {

RequestGate::RequestGate(QTcpSocket* socket, const Limits& limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits) {
    connect(socket, &QIODevice::readyRead, this, &RequestGate::beforeServer);
}

void RequestGate::watchAfterServer() {
    connect(m_socket, &QIODevice::readyRead, this, &RequestGate::afterServer);
}

void RequestGate::afterServer() {
    if (m_state != State::Refused)
        m_leftUnread = m_socket->bytesAvailable();
}

void RequestGate::beforeServer() {
    if (m_state == State::Refused) {
        drain();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_leftUnread) {
        m_leftUnread = available;
        return;
    }
    const QByteArray all = m_socket->peek(available);
    const QByteArray fresh = all.mid(m_leftUnread);
    m_leftUnread = available;
    scan(fresh);
}

bool RequestGate::scan(const QByteArray& bytes) {
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        if (m_state == State::Body) {
            const qint64 take = std::min<qint64>(m_bodyLeft, bytes.size() - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0)
                m_state = State::Head;
            continue;
        }
        // Head: accumulate up to the blank line.
        const qsizetype before = m_head.size();
        m_head += bytes.mid(pos);
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0 || end > m_limits.maxHeaderBytes) {
            if (end >= 0 || m_head.size() > m_limits.maxHeaderBytes) {
                refuse(
                    HttpReply::error(431, QStringLiteral("header_too_large"),
                                     QStringLiteral("request head larger than %1 bytes").arg(m_limits.maxHeaderBytes)));
                return false;
            }
            return true;
        }
        pos += end + 4 - before;
        m_head.truncate(end + 2);
        if (!checkHead())
            return false;
        m_head.clear();
        m_state = m_bodyLeft > 0 ? State::Body : State::Head;
    }
    return true;
}

bool RequestGate::checkHead() {
    const QList<QByteArray> lines = m_head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3) {
        refuse(HttpReply::error(400, QStringLiteral("bad_request_line"), QStringLiteral("malformed request line")));
        return false;
    }
    const QByteArray method = requestLine[0];
    const QByteArray target = requestLine[1];
    bool hasLength = false;
    qint64 length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            refuse(HttpReply::error(400, QStringLiteral("bad_header"), QStringLiteral("malformed header line")));
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding") {
            refuse(HttpReply::error(411, QStringLiteral("length_required"),
                                    QStringLiteral("chunked request bodies are not accepted; send Content-Length")));
            return false;
        }
        if (name == "content-length") {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || (hasLength && n != length)) {
                refuse(HttpReply::error(400, QStringLiteral("bad_content_length"),
                                        QStringLiteral("Content-Length is not a single non-negative number")));
                return false;
            }
            hasLength = true;
            length = n;
        }
    }
    const bool blob = method == "PUT" && target.startsWith("/v1/blobs/");
    const qint64 cap = blob ? m_limits.maxBlobBody : m_limits.maxJsonBody;
    if (length > cap) {
        refuse(HttpReply::error(
            413, QStringLiteral("body_too_large"),
            QStringLiteral("request body of %1 bytes exceeds the limit of %2 bytes").arg(length).arg(cap),
            {{QStringLiteral("limit"), cap}}));
        return false;
    }
    m_bodyLeft = length;
    return true;
}

void RequestGate::refuse(const HttpReply& reply) {
    m_state = State::Refused;
    // Nothing after this point reaches the HTTP server: its readyRead slot (and any other) is cut off, and what
    // the client still sends is read and dropped, never kept.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &RequestGate::drain);
    m_socket->write(reply.toWire(true));
    drain();
    connect(m_socket, &QIODevice::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0)
            m_socket->disconnectFromHost();
    });
    // A client that keeps sending after the answer is cut off.
    QTimer::singleShot(5000, this, [this] { m_socket->abort(); });
}

void RequestGate::drain() {
    m_socket->skip(m_socket->bytesAvailable());
}

} // namespace mlops::server
