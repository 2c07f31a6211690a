#pragma once

#include "Accounts.h"
#include "ApiCall.h"
#include "EventStreams.h"
#include "HttpReply.h"
#include "ServerConfig.h"

#include <QObject>

#include <optional>

namespace mlops::server {

class SyncStore;

// The handlers of every /v1 route (Routes.cpp lists them). Each runs on the server thread against the instance's
// one database connection; a write is one transaction, and what it stored reaches the SSE streams after commit.
class SyncApi : public QObject {
    Q_OBJECT
public:
    SyncApi(SyncStore& store, const ServerConfig& config, QObject* parent = nullptr);

    EventStreams& streams() { return *m_streams; }
    SyncStore& store() { return m_store; }
    Accounts& accounts() { return m_accounts; }

    // Accounts (AccountApi.cpp)
    HttpReply me(ApiCall& call);
    HttpReply listUsers(ApiCall& call);
    HttpReply listTokens(ApiCall& call);
    HttpReply createToken(ApiCall& call);
    HttpReply revokeToken(ApiCall& call);
    // Projects, decision sets, change feed (ProjectApi.cpp)
    HttpReply listProjects(ApiCall& call);
    HttpReply createProject(ApiCall& call);
    HttpReply getProject(ApiCall& call);
    HttpReply listDecisionSets(ApiCall& call);
    HttpReply createDecisionSet(ApiCall& call);
    HttpReply getDecisionSet(ApiCall& call);
    HttpReply setStatus(ApiCall& call);
    HttpReply listChanges(ApiCall& call);
    HttpReply streamChanges(ApiCall& call);
    // Events and checkpoints (EventApi.cpp)
    HttpReply listEvents(ApiCall& call);
    HttpReply pushEvents(ApiCall& call);
    HttpReply streamEvents(ApiCall& call);
    HttpReply listCheckpoints(ApiCall& call);
    HttpReply pushCheckpoints(ApiCall& call);
    // Artifacts and blobs (ArtifactApi.cpp)
    HttpReply listArtifacts(ApiCall& call);
    HttpReply pushArtifacts(ApiCall& call);
    HttpReply putBlob(ApiCall& call);
    HttpReply getBlob(ApiCall& call);

    // A PostgreSQL listener reports rows another instance (or this one) committed.
    void onEventsStored(const QString& decisionSetId, qint64 lastSeq);
    void onChangeStored(const QString& teamId, qint64 changeId);

private:
    QList<SseItem> fetch(const QString& key, qint64 after, int limit);
    // Team scoping: the decision set's row when it belongs to the caller's team, otherwise nullopt (a 404).
    std::optional<QJsonObject> decisionSetOfTeam(const QString& id, const QString& teamId);
    std::optional<QJsonObject> projectOfTeam(const QString& id, const QString& teamId);
    // Records a team-wide change (inside the caller's transaction); returns its id or -1.
    qint64 recordChange(const QString& teamId, const QString& kind, const QString& objectId, const QJsonObject& detail);
    void notify(const QString& channel, const QString& payload);
    // Page size and decoded cursor of a list request; an error reply when either is malformed.
    struct Page {
        int limit = 100;
        QJsonObject position;
    };
    std::optional<HttpReply> readPage(const ApiCall& call, Page* page);
    std::optional<qint64> streamStart(const ApiCall& call, HttpReply* error);
    HttpReply dbError();
    static QJsonObject pageOf(const QJsonArray& items, const QJsonObject& nextPosition);
    // A keyset page from a query that asked for `limit` + 1 rows: an extra row means there is a next page, whose
    // cursor holds `keys` of the last row kept.
    static QJsonObject keysetPage(QJsonArray rows, int limit, const QStringList& keys);

    SyncStore& m_store;
    ServerConfig m_config;
    Accounts m_accounts;
    EventStreams* m_streams;
    QList<qint64> m_pendingChangeIds;
};

} // namespace mlops::server
