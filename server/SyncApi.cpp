#include "SyncApi.h"

#include "Cursor.h"
#include "SyncStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mlops::server {

SyncApi::SyncApi(SyncStore& store, const ServerConfig& config, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_config(config)
    , m_accounts(store) {
    m_streams =
        new EventStreams([this](const QString& key, qint64 after, int limit) { return fetch(key, after, limit); },
                         config.heartbeatMs, config.sseRetryMs, config.sseMaxUnsentBytes, this);
}

// Events are sent as the engine's event JSON (core/Event.h), assembled from the stored columns without a parse:
// ids, types and timestamps were validated on the way in and need no escaping, `data` is stored as JSON text.
static QByteArray eventJson(const QString& decisionSetId, qint64 seq, const QString& timestamp, const QString& type,
                            const QByteArray& data) {
    return "{\"data\":" + data + ",\"decision_set_id\":\"" + decisionSetId.toLatin1() +
           "\",\"seq\":" + QByteArray::number(seq) + ",\"timestamp\":\"" + timestamp.toLatin1() + "\",\"type\":\"" +
           type.toLatin1() + "\"}";
}

QList<SseItem> SyncApi::fetch(const QString& key, qint64 after, int limit) {
    QList<SseItem> items;
    if (key.startsWith(QLatin1String("ds:"))) {
        const QString id = key.mid(3);
        auto q =
            m_store.run(QStringLiteral("SELECT seq, type, ts, data FROM event WHERE decision_set_id = ? AND seq > ? "
                                       "ORDER BY seq LIMIT ?"),
                        {id, after, limit});
        while (q && q->next())
            items.append({q->value(0).toLongLong(),
                          {},
                          eventJson(id, q->value(0).toLongLong(), q->value(2).toString(), q->value(1).toString(),
                                    q->value(3).toByteArray())});
    } else if (key.startsWith(QLatin1String("team:"))) {
        auto q = m_store.run(QStringLiteral("SELECT id, kind, object_id, detail, created_at FROM team_change WHERE "
                                            "team_id = ? AND id > ? ORDER BY id LIMIT ?"),
                             {key.mid(5), after, limit});
        while (q && q->next()) {
            const QJsonObject change{
                {QStringLiteral("id"), q->value(0).toLongLong()},
                {QStringLiteral("kind"), q->value(1).toString()},
                {QStringLiteral("object_id"), q->value(2).toString()},
                {QStringLiteral("detail"), QJsonDocument::fromJson(q->value(3).toByteArray()).object()},
                {QStringLiteral("created_at"), q->value(4).toString()}};
            items.append({q->value(0).toLongLong(), {}, QJsonDocument(change).toJson(QJsonDocument::Compact)});
        }
    }
    return items;
}

std::optional<QJsonObject> SyncApi::decisionSetOfTeam(const QString& id, const QString& teamId) {
    auto q = m_store.run(QStringLiteral("SELECT id, project_id, version, parent_id, prompt, settings, status, "
                                        "created_at, updated_at FROM decision_set WHERE id = ? AND team_id = ?"),
                         {id, teamId});
    if (!q || !q->next())
        return std::nullopt;
    return QJsonObject{{QStringLiteral("id"), q->value(0).toString()},
                       {QStringLiteral("project_id"), q->value(1).toString()},
                       {QStringLiteral("version"), q->value(2).toInt()},
                       {QStringLiteral("parent_id"),
                        q->value(3).toString().isEmpty() ? QJsonValue() : QJsonValue(q->value(3).toString())},
                       {QStringLiteral("prompt"), q->value(4).toString()},
                       {QStringLiteral("settings"), QJsonDocument::fromJson(q->value(5).toByteArray()).object()},
                       {QStringLiteral("status"), q->value(6).toString()},
                       {QStringLiteral("created_at"), q->value(7).toString()},
                       {QStringLiteral("updated_at"), q->value(8).toString()}};
}

std::optional<QJsonObject> SyncApi::projectOfTeam(const QString& id, const QString& teamId) {
    auto q =
        m_store.run(QStringLiteral("SELECT id, name, settings, created_at FROM project WHERE id = ? AND team_id = ?"),
                    {id, teamId});
    if (!q || !q->next())
        return std::nullopt;
    return QJsonObject{{QStringLiteral("id"), q->value(0).toString()},
                       {QStringLiteral("name"), q->value(1).toString()},
                       {QStringLiteral("settings"), QJsonDocument::fromJson(q->value(2).toByteArray()).object()},
                       {QStringLiteral("created_at"), q->value(3).toString()}};
}

qint64 SyncApi::recordChange(const QString& teamId, const QString& kind, const QString& objectId,
                             const QJsonObject& detail) {
    auto q = m_store.run(
        QStringLiteral("INSERT INTO team_change (team_id, kind, object_id, detail, created_at) VALUES "
                       "(?, ?, ?, ?, ?) RETURNING id"),
        {teamId, kind, objectId, QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)), nowText()});
    if (!q || !q->next())
        return -1;
    const qint64 id = q->value(0).toLongLong();
    notify(QStringLiteral("mlops_changes"), teamId + QLatin1Char(':') + QString::number(id));
    return id;
}

void SyncApi::notify(const QString& channel, const QString& payload) {
    // Delivered by PostgreSQL on commit, to every instance listening (this one included).
    if (m_store.isPostgres())
        m_store.run(QStringLiteral("SELECT pg_notify(?, ?)"), {channel, payload});
}

void SyncApi::onEventsStored(const QString& decisionSetId, qint64 lastSeq) {
    m_streams->poke(QStringLiteral("ds:") + decisionSetId, lastSeq);
}

void SyncApi::onChangeStored(const QString& teamId, qint64 changeId) {
    m_streams->poke(QStringLiteral("team:") + teamId, changeId);
}

std::optional<HttpReply> SyncApi::readPage(const ApiCall& call, Page* page) {
    if (call.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        const int limit = call.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return HttpReply::error(400, QStringLiteral("bad_parameter"),
                                    QStringLiteral("limit must be an integer from 1 to 1000"),
                                    {{QStringLiteral("parameter"), QStringLiteral("limit")}});
        page->limit = limit;
    }
    if (call.query.hasQueryItem(QStringLiteral("cursor"))) {
        auto position = Cursor::decode(call.query.queryItemValue(QStringLiteral("cursor")));
        if (!position)
            return HttpReply::error(400, QStringLiteral("bad_cursor"),
                                    QStringLiteral("cursor is not one this server handed out"),
                                    {{QStringLiteral("parameter"), QStringLiteral("cursor")}});
        page->position = *position;
    }
    return std::nullopt;
}

QJsonObject SyncApi::pageOf(const QJsonArray& items, const QJsonObject& nextPosition) {
    return {{QStringLiteral("items"), items},
            {QStringLiteral("next_cursor"),
             nextPosition.isEmpty() ? QJsonValue() : QJsonValue(Cursor::encode(nextPosition))}};
}

QJsonObject SyncApi::keysetPage(QJsonArray rows, int limit, const QStringList& keys) {
    QJsonObject next;
    if (rows.size() > limit) {
        while (rows.size() > limit)
            rows.removeLast();
        const QJsonObject last = rows.last().toObject();
        for (const QString& key : keys)
            next.insert(key, last.value(key));
    }
    return pageOf(rows, next);
}

std::optional<qint64> SyncApi::streamStart(const ApiCall& call, HttpReply* error) {
    QString text = QString::fromLatin1(call.request.value("Last-Event-ID")).trimmed();
    if (text.isEmpty())
        text = call.query.queryItemValue(QStringLiteral("from"));
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const qint64 from = text.toLongLong(&ok);
    if (!ok || from < 0) {
        *error = HttpReply::error(400, QStringLiteral("bad_parameter"),
                                  QStringLiteral("Last-Event-ID / from must be a non-negative integer"),
                                  {{QStringLiteral("parameter"), QStringLiteral("from")}});
        return std::nullopt;
    }
    return from;
}

HttpReply SyncApi::dbError() {
    qWarning("database error: %s", qPrintable(m_store.lastError()));
    return HttpReply::error(500, QStringLiteral("internal"), QStringLiteral("the database refused the operation"));
}

} // namespace mlops::server
