#include "JsonInput.h"
#include "SyncApi.h"
#include "SyncStore.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace mlops::server {

HttpReply SyncApi::me(ApiCall& call) {
    return HttpReply::json(
        200, {{QStringLiteral("user"),
               QJsonObject{{QStringLiteral("id"), call.who.userId}, {QStringLiteral("name"), call.who.userName}}},
              {QStringLiteral("team"),
               QJsonObject{{QStringLiteral("id"), call.who.teamId}, {QStringLiteral("name"), call.who.teamName}}},
              {QStringLiteral("token"), QJsonObject{{QStringLiteral("id"), call.who.tokenId},
                                                    {QStringLiteral("read_only"), call.who.readOnly}}}});
}

HttpReply SyncApi::listUsers(ApiCall& call) {
    Page page;
    if (auto bad = readPage(call, &page))
        return *bad;
    auto q = m_store.run(QStringLiteral("SELECT id, name, created_at FROM app_user WHERE team_id = ? AND name > ? "
                                        "ORDER BY name LIMIT ?"),
                         {call.who.teamId, page.position.value(QStringLiteral("name")).toString(), page.limit + 1});
    if (!q)
        return dbError();
    QJsonArray rows;
    while (q->next())
        rows.append(QJsonObject{{QStringLiteral("id"), q->value(0).toString()},
                                {QStringLiteral("name"), q->value(1).toString()},
                                {QStringLiteral("created_at"), q->value(2).toString()}});
    return HttpReply::json(200, keysetPage(rows, page.limit, {QStringLiteral("name")}));
}

HttpReply SyncApi::listTokens(ApiCall& call) {
    Page page;
    if (auto bad = readPage(call, &page))
        return *bad;
    // The secret is never stored, and its hash never leaves the server.
    auto q =
        m_store.run(QStringLiteral("SELECT id, label, read_only, expires_at, revoked_at, created_at FROM api_token "
                                   "WHERE user_id = ? AND id > ? ORDER BY id LIMIT ?"),
                    {call.who.userId, page.position.value(QStringLiteral("id")).toString(), page.limit + 1});
    if (!q)
        return dbError();
    QJsonArray items;
    QJsonObject next;
    auto orNull = [](const QVariant& v) { return v.toString().isEmpty() ? QJsonValue() : QJsonValue(v.toString()); };
    while (q->next()) {
        if (items.size() == page.limit) {
            next = {{QStringLiteral("id"), items.last().toObject().value(QStringLiteral("id"))}};
            break;
        }
        items.append(QJsonObject{{QStringLiteral("id"), q->value(0).toString()},
                                 {QStringLiteral("label"), q->value(1).toString()},
                                 {QStringLiteral("read_only"), q->value(2).toInt() != 0},
                                 {QStringLiteral("expires_at"), orNull(q->value(3))},
                                 {QStringLiteral("revoked_at"), orNull(q->value(4))},
                                 {QStringLiteral("created_at"), q->value(5).toString()}});
    }
    return HttpReply::json(200, pageOf(items, next));
}

HttpReply SyncApi::createToken(ApiCall& call) {
    JsonInput in(call.body);
    const QString label = in.string(QStringLiteral("label"), false, 200).value_or(QString());
    const bool readOnly = in.boolean(QStringLiteral("read_only"), false).value_or(false);
    const auto expiresText = in.string(QStringLiteral("expires_at"), false, 64);
    QDateTime expires;
    if (expiresText) {
        expires = QDateTime::fromString(*expiresText, Qt::ISODateWithMs);
        if (!expires.isValid() || expires.timeSpec() == Qt::LocalTime)
            in.fail(QStringLiteral("expires_at"), QStringLiteral("must be an ISO 8601 time with a time zone"));
        else if (expires <= QDateTime::currentDateTimeUtc())
            in.fail(QStringLiteral("expires_at"), QStringLiteral("must be in the future"));
    }
    if (!in.finish())
        return HttpReply::error(400, QStringLiteral("invalid_body"), in.error(),
                                {{QStringLiteral("field"), in.field()}});
    QString error;
    auto token = m_accounts.createTokenForUserId(call.who.userId, readOnly, expires, label, &error);
    if (!token)
        return dbError();
    return HttpReply::json(201, {{QStringLiteral("id"), token->id},
                                 {QStringLiteral("token"), token->token},
                                 {QStringLiteral("label"), label},
                                 {QStringLiteral("read_only"), readOnly},
                                 {QStringLiteral("expires_at"),
                                  token->expiresAt.isEmpty() ? QJsonValue() : QJsonValue(token->expiresAt)}});
}

HttpReply SyncApi::revokeToken(ApiCall& call) {
    QString error;
    if (!m_accounts.revokeToken(call.params[0], call.who.userId, &error))
        return HttpReply::error(404, QStringLiteral("not_found"),
                                QStringLiteral("no active token of yours with this id"));
    return HttpReply::json(200, {{QStringLiteral("id"), call.params[0]}, {QStringLiteral("revoked"), true}});
}

} // namespace mlops::server
