#pragma once

#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace mlops::server {

// One Server-Sent Events item: `id:` is the sequence number (or change id), `data:` one JSON line.
struct SseItem {
    qint64 id = 0;
    QByteArray event; // the SSE event name
    QByteArray data;
};

// One open SSE response. It owns the responder moved out of the request handler and writes chunked frames
// itself (the responder's write() overloads would set Content-Length and end the response). The socket
// belongs to QHttpServer, which deletes it on disconnect: hence the QPointer.
class SseStream : public QObject {
    Q_OBJECT
public:
    SseStream(QHttpServerResponder&& responder, const QString& key, qint64 after, int retryMs, QObject* parent);
    ~SseStream() override;

    QString key() const { return m_key; }
    qint64 lastSent() const { return m_lastSent; }
    bool isOpen() const;
    qint64 unsentBytes() const;
    QTcpSocket* socket() const { return m_socket; }

    // Writes the items with an id above lastSent(), in order.
    void send(const QList<SseItem>& items);
    void sendComment(const QByteArray& text);
    void close();

    bool catchingUp = true; // history is still being read from the database

signals:
    void closed(SseStream* stream);

private:
    void writeChunk(const QByteArray& payload);

    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    QString m_key;
    qint64 m_lastSent;
    bool m_closed = false;
};

} // namespace mlops::server
