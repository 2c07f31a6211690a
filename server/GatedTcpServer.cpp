#include "GatedTcpServer.h"

#include <QSslSocket>
#include <QTimer>

namespace mlops::server {

GatedTcpServer::GatedTcpServer(const RequestGate::Limits& limits, std::optional<QSslConfiguration> tls, QObject* parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_tls(std::move(tls)) {
    setListenBacklogSize(1024);
}

void GatedTcpServer::incomingConnection(qintptr handle) {
    if (!m_tls) {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        handOver(socket, new RequestGate(socket, m_limits));
        return;
    }
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(*m_tls);
    auto* gate = new RequestGate(socket, m_limits);
    connect(socket, &QSslSocket::encrypted, this, [this, socket, gate] { handOver(socket, gate); });
    connect(socket, &QSslSocket::errorOccurred, socket, [socket] { socket->deleteLater(); });
    // A client that never finishes the handshake does not hold a socket for ever.
    QTimer::singleShot(10000, socket, [socket] {
        if (!socket->isEncrypted())
            socket->deleteLater();
    });
    socket->startServerEncryption();
}

void GatedTcpServer::handOver(QTcpSocket* socket, RequestGate* gate) {
    // addPendingConnection emits pendingConnectionAvailable; QAbstractHttpServer takes the socket synchronously
    // and connects its readyRead slot, so the gate's second slot lands after it.
    addPendingConnection(socket);
    gate->watchAfterServer();
}

} // namespace mlops::server
