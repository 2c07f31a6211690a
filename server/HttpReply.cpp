#include "HttpReply.h"

#include <QJsonDocument>

namespace mlops::server {

HttpReply HttpReply::json(int status, const QJsonObject& body) {
    HttpReply r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpReply HttpReply::error(int status, const QString& code, const QString& message, const QJsonObject& extra) {
    QJsonObject e = extra;
    e.insert(QStringLiteral("code"), code);
    e.insert(QStringLiteral("message"), message);
    return json(status, {{QStringLiteral("error"), e}});
}

HttpReply HttpReply::bytes(int status, const QByteArray& body, const QByteArray& contentType) {
    HttpReply r;
    r.status = status;
    r.body = body;
    r.contentType = contentType;
    return r;
}

HttpReply HttpReply::streaming() {
    HttpReply r;
    r.streamed = true;
    return r;
}

static QByteArray reasonPhrase(int status) {
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

QByteArray HttpReply::toWire(bool closeConnection) const {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& h : headers)
        out += h.first + ": " + h.second + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n" + body;
    return out;
}

} // namespace mlops::server
