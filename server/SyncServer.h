#pragma once

#include "RateLimiter.h"
#include "ServerConfig.h"

#include <QAbstractHttpServer>

#include <memory>

namespace mlops::server {

class PgListener;
class SyncApi;
class SyncStore;
struct HttpReply;

// One instance of the sync server: the HTTP front (routing, authentication, rate limit, body checks — in that
// order, see docs/sync-protocol.md, "Errors") over SyncApi's handlers.
class SyncServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit SyncServer(const ServerConfig& config, QObject* parent = nullptr);
    ~SyncServer() override;

    // Opens the database, binds the listening socket; false with `error` set on failure.
    bool start(QString* error);
    quint16 port() const { return m_port; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    HttpReply dispatch(const QHttpServerRequest& request, QHttpServerResponder& responder);
    static void write(QHttpServerResponder& responder, const HttpReply& reply);

    ServerConfig m_config;
    std::unique_ptr<SyncStore> m_store;
    SyncApi* m_api = nullptr;
    PgListener* m_listener = nullptr;
    RateLimiter m_limiter;
    quint16 m_port = 0;
};

} // namespace mlops::server
