#include "Routes.h"

#include "JsonInput.h"
#include "SyncApi.h"

namespace mlops::server {

QString Route::methodName() const {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    default:
        return QStringLiteral("OTHER");
    }
}

const QList<Route>& routes() {
    using M = QHttpServerRequest::Method;
    using B = Route::Body;
    const QStringList paged = {QStringLiteral("limit"), QStringLiteral("cursor")};
    static const QList<Route> table = {
        {M::Get, QStringLiteral("/v1/me"), false, B::None, {}, &SyncApi::me},
        {M::Get, QStringLiteral("/v1/team/users"), false, B::None, paged, &SyncApi::listUsers},
        {M::Get, QStringLiteral("/v1/tokens"), false, B::None, paged, &SyncApi::listTokens},
        {M::Post, QStringLiteral("/v1/tokens"), true, B::Json, {}, &SyncApi::createToken},
        {M::Delete, QStringLiteral("/v1/tokens/{tokenId}"), true, B::None, {}, &SyncApi::revokeToken},
        {M::Get, QStringLiteral("/v1/projects"), false, B::None, paged, &SyncApi::listProjects},
        {M::Post, QStringLiteral("/v1/projects"), true, B::Json, {}, &SyncApi::createProject},
        {M::Get, QStringLiteral("/v1/projects/{projectId}"), false, B::None, {}, &SyncApi::getProject},
        {M::Get, QStringLiteral("/v1/projects/{projectId}/decision-sets"), false, B::None, paged,
         &SyncApi::listDecisionSets},
        {M::Post,
         QStringLiteral("/v1/projects/{projectId}/decision-sets"),
         true,
         B::Json,
         {},
         &SyncApi::createDecisionSet},
        {M::Get, QStringLiteral("/v1/decision-sets/{decisionSetId}"), false, B::None, {}, &SyncApi::getDecisionSet},
        {M::Put, QStringLiteral("/v1/decision-sets/{decisionSetId}/status"), true, B::Json, {}, &SyncApi::setStatus},
        {M::Get, QStringLiteral("/v1/decision-sets/{decisionSetId}/events"), false, B::None, paged,
         &SyncApi::listEvents},
        {M::Post, QStringLiteral("/v1/decision-sets/{decisionSetId}/events"), true, B::Json, {}, &SyncApi::pushEvents},
        {M::Get,
         QStringLiteral("/v1/decision-sets/{decisionSetId}/events/stream"),
         false,
         B::None,
         {QStringLiteral("from")},
         &SyncApi::streamEvents,
         true},
        {M::Get, QStringLiteral("/v1/decision-sets/{decisionSetId}/checkpoints"), false, B::None, paged,
         &SyncApi::listCheckpoints},
        {M::Post,
         QStringLiteral("/v1/decision-sets/{decisionSetId}/checkpoints"),
         true,
         B::Json,
         {},
         &SyncApi::pushCheckpoints},
        {M::Get, QStringLiteral("/v1/decision-sets/{decisionSetId}/artifacts"), false, B::None, paged,
         &SyncApi::listArtifacts},
        {M::Post,
         QStringLiteral("/v1/decision-sets/{decisionSetId}/artifacts"),
         true,
         B::Json,
         {},
         &SyncApi::pushArtifacts},
        {M::Put, QStringLiteral("/v1/blobs/{sha256}"), true, B::Binary, {}, &SyncApi::putBlob},
        {M::Get, QStringLiteral("/v1/blobs/{sha256}"), false, B::None, {}, &SyncApi::getBlob},
        {M::Get, QStringLiteral("/v1/changes"), false, B::None, paged, &SyncApi::listChanges},
        {M::Get,
         QStringLiteral("/v1/changes/stream"),
         false,
         B::None,
         {QStringLiteral("from")},
         &SyncApi::streamChanges,
         true},
    };
    return table;
}

bool isValidParameter(const QString& name, const QString& value, QString* expected) {
    if (name == QLatin1String("sha256")) {
        *expected = QStringLiteral("64 lower-case hexadecimal digits");
        return isSha256Hex(value);
    }
    *expected = QStringLiteral("a lower-case uuid");
    return isUuid(value);
}

} // namespace mlops::server
