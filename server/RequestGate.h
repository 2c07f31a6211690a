#pragma once

#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace mlops::server {

struct HttpReply;

// Sits in front of QAbstractHttpServer on one connection and reads every request head before the HTTP server
// buffers the body (Qt HttpServer 6.4 buffers whole bodies: a 200 MB POST would cost 400 MB before any handler
// could refuse it). A body larger than the route's cap gets 413, a chunked body 411, an oversized head 431 —
// answered here, after which the HTTP server no longer sees the connection. See docs/sync-protocol.md, "Limits".
class RequestGate : public QObject {
    Q_OBJECT
public:
    struct Limits {
        qint64 maxJsonBody = 0;
        qint64 maxBlobBody = 0;
        int maxHeaderBytes = 0;
    };
    // Must be constructed before the HTTP server connects to the socket: our readyRead slot has to run first.
    RequestGate(QTcpSocket* socket, const Limits& limits);
    // Call once the HTTP server has connected its own readyRead slot: it records what that slot left unread, so
    // the next readyRead knows where the new bytes start.
    void watchAfterServer();

private:
    void beforeServer();
    void afterServer();
    bool scan(const QByteArray& bytes);
    bool checkHead();
    void refuse(const HttpReply& reply);
    void drain();

    QTcpSocket* m_socket;
    Limits m_limits;
    enum class State { Head, Body, Refused } m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    qint64 m_leftUnread = 0;
};

} // namespace mlops::server
