#include "JsonInput.h"
#include "SyncApi.h"
#include "SyncStore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlQuery>

namespace mlops::server {

namespace {
HttpReply invalid(const JsonInput& in) {
    return HttpReply::error(400, QStringLiteral("invalid_body"), in.error(), {{QStringLiteral("field"), in.field()}});
}
} // namespace

HttpReply SyncApi::listArtifacts(ApiCall& call) {
    if (!decisionSetOfTeam(call.params[0], call.who.teamId))
        return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such decision set"));
    Page page;
    if (auto bad = readPage(call, &page))
        return *bad;
    auto q = m_store.run(QStringLiteral("SELECT path, sha256, size, type FROM artifact WHERE decision_set_id = ? AND "
                                        "path > ? ORDER BY path LIMIT ?"),
                         {call.params[0], page.position.value(QStringLiteral("path")).toString(), page.limit + 1});
    if (!q)
        return dbError();
    QJsonArray rows;
    while (q->next())
        rows.append(QJsonObject{{QStringLiteral("path"), q->value(0).toString()},
                                {QStringLiteral("sha256"), q->value(1).toString()},
                                {QStringLiteral("size"), q->value(2).toLongLong()},
                                {QStringLiteral("type"), q->value(3).toString()}});
    return HttpReply::json(200, keysetPage(rows, page.limit, {QStringLiteral("path")}));
}

HttpReply SyncApi::pushArtifacts(ApiCall& call) {
    const QString dsId = call.params[0];
    if (!decisionSetOfTeam(dsId, call.who.teamId))
        return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such decision set"));
    JsonInput in(call.body);
    const auto array = in.array(QStringLiteral("artifacts"), true, 10000);
    if (!in.finish())
        return invalid(in);
    struct Incoming {
        QString path, sha256, type;
        qint64 size;
    };
    QList<Incoming> batch;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString where = QStringLiteral("artifacts[%1]").arg(i);
        if (!array->at(i).isObject()) {
            JsonInput outer(call.body);
            outer.fail(where, QStringLiteral("must be an object"));
            return invalid(outer);
        }
        JsonInput a(array->at(i).toObject(), where);
        Incoming x;
        x.path = a.string(QStringLiteral("path"), true, 1024).value_or(QString());
        QString why;
        if (a.ok() && !isSafeRelativePath(x.path, &why))
            a.fail(QStringLiteral("path"), why);
        x.sha256 = a.string(QStringLiteral("sha256"), true, 64).value_or(QString());
        if (a.ok() && !isSha256Hex(x.sha256))
            a.fail(QStringLiteral("sha256"), QStringLiteral("must be 64 lower-case hexadecimal digits"));
        x.size = a.integer(QStringLiteral("size"), true, 0).value_or(0);
        x.type = a.string(QStringLiteral("type"), true, 64).value_or(QString());
        if (!a.finish())
            return invalid(a);
        batch.append(x);
    }
    if (!m_store.begin())
        return dbError();
    int stored = 0, duplicates = 0;
    for (const Incoming& x : std::as_const(batch)) {
        // The content must be uploaded first (PUT /v1/blobs/{sha256}), by this team.
        auto blob = m_store.run(QStringLiteral("SELECT size FROM blob WHERE team_id = ? AND sha256 = ?"),
                                {call.who.teamId, x.sha256});
        if (!blob || !blob->next() || blob->value(0).toLongLong() != x.size) {
            m_store.rollback();
            return HttpReply::error(
                422, QStringLiteral("blob_missing"),
                QStringLiteral("no uploaded blob %1 of %2 bytes for %3").arg(x.sha256).arg(x.size).arg(x.path),
                {{QStringLiteral("sha256"), x.sha256}, {QStringLiteral("path"), x.path}});
        }
        auto q = m_store.run(
            QStringLiteral("SELECT sha256, size, type FROM artifact WHERE decision_set_id = ? AND path = ?"),
            {dsId, x.path});
        if (q && q->next()) {
            if (q->value(0).toString() != x.sha256 || q->value(2).toString() != x.type) {
                m_store.rollback();
                return HttpReply::error(409, QStringLiteral("artifact_conflict"),
                                        QStringLiteral("%1 is stored with other content").arg(x.path),
                                        {{QStringLiteral("path"), x.path}});
            }
            ++duplicates;
            continue;
        }
        if (!m_store.run(
                QStringLiteral("INSERT INTO artifact (decision_set_id, path, sha256, size, type) VALUES (?, ?, ?, "
                               "?, ?)"),
                {dsId, x.path, x.sha256, x.size, x.type})) {
            m_store.rollback();
            return dbError();
        }
        ++stored;
    }
    if (!m_store.commit())
        return dbError();
    return HttpReply::json(200, {{QStringLiteral("stored"), stored}, {QStringLiteral("duplicates"), duplicates}});
}

HttpReply SyncApi::putBlob(ApiCall& call) {
    const QString sha = call.params[0];
    const QByteArray content = call.request.body();
    const QString actual = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    if (actual != sha)
        return HttpReply::error(422, QStringLiteral("digest_mismatch"),
                                QStringLiteral("the body's sha256 is %1, not the one in the URL").arg(actual));
    auto existing =
        m_store.run(QStringLiteral("SELECT size FROM blob WHERE team_id = ? AND sha256 = ?"), {call.who.teamId, sha});
    if (!existing)
        return dbError();
    const QJsonObject answer{{QStringLiteral("sha256"), sha}, {QStringLiteral("size"), content.size()}};
    if (existing->next())
        return HttpReply::json(200, answer);
    if (!m_store.run(
            QStringLiteral("INSERT INTO blob (team_id, sha256, size, content, created_at) VALUES (?, ?, ?, ?, ?) "
                           "ON CONFLICT DO NOTHING"),
            {call.who.teamId, sha, content.size(), content, nowText()}))
        return dbError();
    return HttpReply::json(201, answer);
}

HttpReply SyncApi::getBlob(ApiCall& call) {
    auto q = m_store.run(QStringLiteral("SELECT content FROM blob WHERE team_id = ? AND sha256 = ?"),
                         {call.who.teamId, call.params[0]});
    if (!q)
        return dbError();
    if (!q->next())
        return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such blob"));
    HttpReply reply = HttpReply::bytes(200, q->value(0).toByteArray(), "application/octet-stream");
    reply.headers.append(qMakePair(QByteArray("ETag"), QByteArray('"' + call.params[0].toLatin1() + '"')));
    return reply;
}

} // namespace mlops::server
