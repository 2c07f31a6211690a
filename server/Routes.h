#pragma once

#include "HttpReply.h"

#include <QHttpServerRequest>
#include <QList>
#include <QString>
#include <QStringList>

namespace mlops::server {

class SyncApi;
struct ApiCall;

// The server's whole surface: the router dispatches on it, `mlops-studio-server routes` prints it, and the tests
// derive the auth matrix and the OpenAPI coverage check from it, so a new endpoint cannot miss either.
struct Route {
    enum class Body { None, Json, Binary };
    QHttpServerRequest::Method method;
    QString path; // OpenAPI form: /v1/projects/{projectId}
    bool writes;  // refused with 403 for read-only tokens
    Body body;
    QStringList query; // accepted query parameters; any other is a 400
    HttpReply (SyncApi::*handler)(ApiCall&);
    bool streams = false; // Server-Sent Events

    QString methodName() const;
    QStringList segments() const { return path.split(QLatin1Char('/'), Qt::SkipEmptyParts); }
};

const QList<Route>& routes();

// Path parameter kinds by name: every {...Id} is a uuid, {sha256} is 64 lower-case hex digits.
bool isValidParameter(const QString& name, const QString& value, QString* expected);

} // namespace mlops::server
