#include "JsonInput.h"
#include "SyncApi.h"
#include "SyncStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mlops::server {

namespace {

// Decision-set statuses of the engine's storage (docs/sync-protocol.md, "Decision sets").
const QStringList& statuses() {
    static const QStringList s = {
        QStringLiteral("created"),    QStringLiteral("processing"), QStringLiteral("hitl_pending"),
        QStringLiteral("validating"), QStringLiteral("generating"), QStringLiteral("completed"),
        QStringLiteral("failed"),     QStringLiteral("cancelled"),
    };
    return s;
}

QString compact(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

HttpReply invalid(const JsonInput& in) {
    return HttpReply::error(400, QStringLiteral("invalid_body"), in.error(), {{QStringLiteral("field"), in.field()}});
}

} // namespace

HttpReply SyncApi::listProjects(ApiCall& call) {
    Page page;
    if (auto bad = readPage(call, &page))
        return *bad;
    auto q = m_store.run(QStringLiteral("SELECT id FROM project WHERE team_id = ? AND id > ? ORDER BY id LIMIT ?"),
                         {call.who.teamId, page.position.value(QStringLiteral("id")).toString(), page.limit + 1});
    if (!q)
        return dbError();
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    QJsonArray items;
    QJsonObject next;
    for (const QString& id : std::as_const(ids)) {
        if (items.size() == page.limit) {
            next = {{QStringLiteral("id"), items.last().toObject().value(QStringLiteral("id"))}};
            break;
        }
        if (auto p = projectOfTeam(id, call.who.teamId))
            items.append(*p);
    }
    return HttpReply::json(200, pageOf(items, next));
}

HttpReply SyncApi::createProject(ApiCall& call) {
    JsonInput in(call.body);
    const auto id = in.uuid(QStringLiteral("id"), true);
    const auto name = in.string(QStringLiteral("name"), true, 200);
    const QJsonObject settings = in.object(QStringLiteral("settings"), false).value_or(QJsonObject());
    if (name && name->trimmed().isEmpty())
        in.fail(QStringLiteral("name"), QStringLiteral("must not be empty"));
    if (!in.finish())
        return invalid(in);
    if (auto existing = projectOfTeam(*id, call.who.teamId)) {
        // Re-sending what the server has is a no-op; anything else under the same id is a conflict.
        if (existing->value(QStringLiteral("name")).toString() == *name &&
            existing->value(QStringLiteral("settings")).toObject() == settings)
            return HttpReply::json(200, *existing);
        return HttpReply::error(409, QStringLiteral("project_conflict"),
                                QStringLiteral("a different project with this id exists"));
    }
    if (!m_store.begin())
        return dbError();
    const bool ok =
        m_store
            .run(QStringLiteral("INSERT INTO project (id, team_id, name, settings, created_at) VALUES (?, ?, ?, ?, ?)"),
                 {*id, call.who.teamId, *name, compact(settings), nowText()})
            .has_value();
    if (!ok) {
        m_store.rollback();
        // The id is taken (by another team: the uuid space is shared, its owner is not revealed).
        return HttpReply::error(409, QStringLiteral("id_taken"), QStringLiteral("this id is already in use"));
    }
    if (recordChange(call.who.teamId, QStringLiteral("project-created"), *id, {{QStringLiteral("name"), *name}}) < 0 ||
        !m_store.commit()) {
        m_store.rollback();
        return dbError();
    }
    m_streams->poke(QStringLiteral("team:") + call.who.teamId);
    return HttpReply::json(201, projectOfTeam(*id, call.who.teamId).value_or(QJsonObject()));
}

HttpReply SyncApi::getProject(ApiCall& call) {
    if (auto p = projectOfTeam(call.params[0], call.who.teamId))
        return HttpReply::json(200, *p);
    return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such project"));
}

HttpReply SyncApi::listDecisionSets(ApiCall& call) {
    if (!projectOfTeam(call.params[0], call.who.teamId))
        return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such project"));
    Page page;
    if (auto bad = readPage(call, &page))
        return *bad;
    const int afterVersion = page.position.value(QStringLiteral("version")).toInt(0);
    const QString afterId = page.position.value(QStringLiteral("id")).toString();
    auto q = m_store.run(QStringLiteral("SELECT id FROM decision_set WHERE project_id = ? AND (version > ? OR (version "
                                        "= ? AND id > ?)) ORDER BY version, id LIMIT ?"),
                         {call.params[0], afterVersion, afterVersion, afterId, page.limit + 1});
    if (!q)
        return dbError();
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    QJsonArray items;
    QJsonObject next;
    for (const QString& id : std::as_const(ids)) {
        if (items.size() == page.limit) {
            const QJsonObject last = items.last().toObject();
            next = {{QStringLiteral("version"), last.value(QStringLiteral("version"))},
                    {QStringLiteral("id"), last.value(QStringLiteral("id"))}};
            break;
        }
        if (auto d = decisionSetOfTeam(id, call.who.teamId))
            items.append(*d);
    }
    return HttpReply::json(200, pageOf(items, next));
}

HttpReply SyncApi::createDecisionSet(ApiCall& call) {
    const QString projectId = call.params[0];
    if (!projectOfTeam(projectId, call.who.teamId))
        return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such project"));
    JsonInput in(call.body);
    const auto id = in.uuid(QStringLiteral("id"), true);
    const auto parentId = in.uuid(QStringLiteral("parent_id"), false);
    const auto version = in.integer(QStringLiteral("version"), false, 1, 1000000);
    const QString prompt = in.string(QStringLiteral("prompt"), false, 1024 * 1024).value_or(QString());
    const QJsonObject settings = in.object(QStringLiteral("settings"), false).value_or(QJsonObject());
    const QString status = in.string(QStringLiteral("status"), false, 32).value_or(QStringLiteral("created"));
    if (!statuses().contains(status))
        in.fail(QStringLiteral("status"), QStringLiteral("must be one of ") + statuses().join(QStringLiteral(", ")));
    if (!in.finish())
        return invalid(in);
    if (auto existing = decisionSetOfTeam(*id, call.who.teamId)) {
        // Versions are immutable: the same content again is a no-op (status excepted: it moves on its own route).
        const bool same = existing->value(QStringLiteral("project_id")).toString() == projectId &&
                          existing->value(QStringLiteral("parent_id")).toString() == parentId.value_or(QString()) &&
                          (!version || existing->value(QStringLiteral("version")).toInt() == *version) &&
                          existing->value(QStringLiteral("prompt")).toString() == prompt &&
                          existing->value(QStringLiteral("settings")).toObject() == settings;
        if (same)
            return HttpReply::json(200, *existing);
        return HttpReply::error(409, QStringLiteral("decision_set_conflict"),
                                QStringLiteral("a different decision set with this id exists"));
    }
    if (parentId) {
        auto parent = decisionSetOfTeam(*parentId, call.who.teamId);
        if (!parent || parent->value(QStringLiteral("project_id")).toString() != projectId)
            return HttpReply::error(422, QStringLiteral("unknown_parent"),
                                    QStringLiteral("parent_id names no decision set of this project"),
                                    {{QStringLiteral("field"), QStringLiteral("parent_id")}});
    }
    if (!m_store.begin())
        return dbError();
    int v = version.value_or(0);
    if (!version) {
        auto q = m_store.run(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM decision_set WHERE project_id = ?"),
                             {projectId});
        v = q && q->next() ? q->value(0).toInt() + 1 : 1;
    }
    const QString now = nowText();
    const bool ok = m_store
                        .run(QStringLiteral("INSERT INTO decision_set (id, project_id, team_id, version, parent_id, "
                                            "prompt, settings, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                                            "?, ?, ?, ?, ?)"),
                             {*id, projectId, call.who.teamId, v, parentId ? QVariant(*parentId) : QVariant(), prompt,
                              compact(settings), status, now, now})
                        .has_value();
    if (!ok) {
        m_store.rollback();
        return HttpReply::error(409, QStringLiteral("id_taken"), QStringLiteral("this id is already in use"));
    }
    const QJsonObject detail{{QStringLiteral("project_id"), projectId},
                             {QStringLiteral("version"), v},
                             {QStringLiteral("parent_id"), parentId ? QJsonValue(*parentId) : QJsonValue()},
                             {QStringLiteral("status"), status}};
    if (recordChange(call.who.teamId, QStringLiteral("decision-set-created"), *id, detail) < 0 || !m_store.commit()) {
        m_store.rollback();
        return dbError();
    }
    m_streams->poke(QStringLiteral("team:") + call.who.teamId);
    return HttpReply::json(201, decisionSetOfTeam(*id, call.who.teamId).value_or(QJsonObject()));
}

HttpReply SyncApi::getDecisionSet(ApiCall& call) {
    if (auto d = decisionSetOfTeam(call.params[0], call.who.teamId))
        return HttpReply::json(200, *d);
    return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such decision set"));
}

HttpReply SyncApi::setStatus(ApiCall& call) {
    auto existing = decisionSetOfTeam(call.params[0], call.who.teamId);
    if (!existing)
        return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such decision set"));
    JsonInput in(call.body);
    const auto status = in.string(QStringLiteral("status"), true, 32);
    if (status && !statuses().contains(*status))
        in.fail(QStringLiteral("status"), QStringLiteral("must be one of ") + statuses().join(QStringLiteral(", ")));
    if (!in.finish())
        return invalid(in);
    if (existing->value(QStringLiteral("status")).toString() == *status)
        return HttpReply::json(200, *existing);
    if (!m_store.begin())
        return dbError();
    const bool ok = m_store.run(QStringLiteral("UPDATE decision_set SET status = ?, updated_at = ? WHERE id = ?"),
                                {*status, nowText(), call.params[0]}) &&
                    recordChange(call.who.teamId, QStringLiteral("decision-set-status"), call.params[0],
                                 {{QStringLiteral("status"), *status},
                                  {QStringLiteral("project_id"), existing->value(QStringLiteral("project_id"))}}) >= 0;
    if (!ok || !m_store.commit()) {
        m_store.rollback();
        return dbError();
    }
    m_streams->poke(QStringLiteral("team:") + call.who.teamId);
    return HttpReply::json(200, decisionSetOfTeam(call.params[0], call.who.teamId).value_or(QJsonObject()));
}

HttpReply SyncApi::listChanges(ApiCall& call) {
    Page page;
    if (auto bad = readPage(call, &page))
        return *bad;
    const qint64 after = page.position.value(QStringLiteral("id")).toInteger(0);
    const QList<SseItem> changes = fetch(QStringLiteral("team:") + call.who.teamId, after, page.limit + 1);
    QJsonArray items;
    QJsonObject next;
    for (const SseItem& c : changes) {
        if (items.size() == page.limit) {
            next = {{QStringLiteral("id"), items.last().toObject().value(QStringLiteral("id"))}};
            break;
        }
        items.append(QJsonDocument::fromJson(c.data).object());
    }
    return HttpReply::json(200, pageOf(items, next));
}

HttpReply SyncApi::streamChanges(ApiCall& call) {
    HttpReply error;
    const auto from = streamStart(call, &error);
    if (!from)
        return error;
    m_streams->subscribe(QStringLiteral("team:") + call.who.teamId, std::move(*call.responder), *from);
    return HttpReply::streaming();
}

} // namespace mlops::server
