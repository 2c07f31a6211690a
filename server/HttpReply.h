#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace mlops::server {

// One finished HTTP answer. Every error body has the shape {"error": {"code", "message", ...}} (see
// docs/sync-protocol.md, "Errors").
struct HttpReply {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    bool streamed = false; // the handler took the responder over (SSE); nothing more to write

    static HttpReply json(int status, const QJsonObject& body);
    static HttpReply error(int status, const QString& code, const QString& message, const QJsonObject& extra = {});
    static HttpReply bytes(int status, const QByteArray& body, const QByteArray& contentType);
    static HttpReply streaming();
    // The raw HTTP/1.1 response (status line, headers, body) for the connection gate, which answers before the
    // HTTP server has parsed the request.
    QByteArray toWire(bool closeConnection) const;
};

} // namespace mlops::server
