#include "SseStream.h"

namespace mlops::server {

SseStream::SseStream(QHttpServerResponder&& responder, const QString& key, qint64 after, int retryMs, QObject* parent)
    : QObject(parent)
    , m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
    , m_socket(m_responder->socket())
    , m_key(key)
    , m_lastSent(after) {
    m_responder->writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    m_responder->writeHeader("Content-Type", "text/event-stream; charset=utf-8");
    m_responder->writeHeader("Cache-Control", "no-store");
    m_responder->writeHeader("Transfer-Encoding", "chunked");
    m_responder->writeHeader("X-Accel-Buffering", "no");
    writeChunk("retry: " + QByteArray::number(retryMs) + "\n\n");
    if (m_socket) {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(m_socket, &QTcpSocket::disconnected, this, &SseStream::close);
        connect(m_socket, &QObject::destroyed, this, &SseStream::close);
    }
}

SseStream::~SseStream() = default;

bool SseStream::isOpen() const {
    return !m_closed && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 SseStream::unsentBytes() const {
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void SseStream::writeChunk(const QByteArray& payload) {
    if (!isOpen())
        return;
    m_responder->writeBody(QByteArray::number(payload.size(), 16) + "\r\n" + payload + "\r\n");
}

void SseStream::send(const QList<SseItem>& items) {
    QByteArray frame;
    for (const SseItem& item : items) {
        if (item.id <= m_lastSent)
            continue;
        frame += "id: " + QByteArray::number(item.id) + '\n';
        if (!item.event.isEmpty())
            frame += "event: " + item.event + '\n';
        frame += "data: " + item.data + "\n\n";
        m_lastSent = item.id;
    }
    if (!frame.isEmpty())
        writeChunk(frame);
}

void SseStream::sendComment(const QByteArray& text) {
    writeChunk(": " + text + "\n\n");
}

void SseStream::close() {
    if (m_closed)
        return;
    m_closed = true;
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->abort();
    emit closed(this);
}

} // namespace mlops::server
