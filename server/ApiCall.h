#pragma once

#include "Accounts.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>

namespace mlops::server {

// One authenticated request on its way to a handler: path parameters in route order, the parsed JSON body
// (JSON routes), the query, and the responder for streaming handlers that take the connection over.
struct ApiCall {
    const QHttpServerRequest& request;
    QStringList params;
    Principal who;
    QJsonObject body;
    QUrlQuery query;
    QHttpServerResponder* responder = nullptr;
};

} // namespace mlops::server
