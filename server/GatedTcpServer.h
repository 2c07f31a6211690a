#pragma once

#include "RequestGate.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace mlops::server {

// Our own listening socket for QAbstractHttpServer::bind(): a listen backlog of 1024 (QHttpServer::listen()
// uses 50, which bursts of connects overflow), TLS when configured, and a RequestGate on every connection.
class GatedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GatedTcpServer(const RequestGate::Limits& limits, std::optional<QSslConfiguration> tls, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void handOver(QTcpSocket* socket, RequestGate* gate);

    RequestGate::Limits m_limits;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace mlops::server
