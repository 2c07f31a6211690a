#pragma once

#include <QHostAddress>
#include <QString>

namespace mlops::server {

// Everything `mlops-studio-server serve` can be told on its command line (docs/sync-protocol.md, "Running").
struct ServerConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8765;
    bool insecureListen = false; // plain HTTP on a non-loopback address
    QString tlsCert;
    QString tlsKey;
    QString dataDir;  // SQLite database lives here unless `database` names PostgreSQL
    QString database; // empty (SQLite in dataDir) or postgres://user:pass@host:port/db
    qint64 maxJsonBody = 4 * 1024 * 1024;
    qint64 maxBlobBody = 256 * 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    double rateLimitPerSecond = 200;
    double rateLimitBurst = 400;
    int heartbeatMs = 15000;
    int sseRetryMs = 2000;
    qint64 sseMaxUnsentBytes = 1024 * 1024; // a subscriber that lets this much pile up is disconnected
    int listenerProbeMs = 5000;             // PostgreSQL listener liveness check
};

} // namespace mlops::server
