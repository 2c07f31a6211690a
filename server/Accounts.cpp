#include "Accounts.h"

#include "SyncStore.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

namespace mlops::server {

namespace {

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString newSecret() {
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray raw(reinterpret_cast<const char*>(words), sizeof words);
    return QStringLiteral("mst_") +
           QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

QString Accounts::hashToken(const QString& token) {
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Accounts::Authenticated Accounts::authenticate(const QByteArray& header) {
    Authenticated result;
    if (header.isEmpty())
        return result;
    if (!header.startsWith("Bearer ") || header.size() > 200) {
        result.check = Check::Unknown;
        return result;
    }
    const QString token = QString::fromLatin1(header.mid(7).trimmed());
    auto q = m_store.run(QStringLiteral("SELECT t.id, t.read_only, t.expires_at, t.revoked_at, u.id, u.name, m.id, "
                                        "m.name FROM api_token t JOIN app_user u ON u.id = t.user_id JOIN team m ON "
                                        "m.id = u.team_id WHERE t.token_hash = ?"),
                         {hashToken(token)});
    if (!q) {
        result.check = Check::Failed;
        return result;
    }
    if (!q->next()) {
        result.check = Check::Unknown;
        return result;
    }
    if (!q->value(3).isNull() && !q->value(3).toString().isEmpty()) {
        result.check = Check::Revoked;
        return result;
    }
    const QString expires = q->value(2).toString();
    if (!expires.isEmpty() && QDateTime::fromString(expires, Qt::ISODateWithMs) <= QDateTime::currentDateTimeUtc()) {
        result.check = Check::Expired;
        return result;
    }
    result.check = Check::Ok;
    result.who = {q->value(0).toString(), q->value(4).toString(), q->value(5).toString(),
                  q->value(6).toString(), q->value(7).toString(), q->value(1).toInt() != 0};
    return result;
}

std::optional<QString> Accounts::addTeam(const QString& name, QString* error) {
    if (name.trimmed().isEmpty() || name.size() > 200) {
        *error = QStringLiteral("a team name must be 1 to 200 characters");
        return std::nullopt;
    }
    auto existing = m_store.run(QStringLiteral("SELECT id FROM team WHERE name = ?"), {name});
    if (existing && existing->next()) {
        *error = QStringLiteral("team '%1' exists already").arg(name);
        return std::nullopt;
    }
    const QString id = newId();
    if (!m_store.run(QStringLiteral("INSERT INTO team (id, name, created_at) VALUES (?, ?, ?)"),
                     {id, name, nowText()})) {
        *error = m_store.lastError();
        return std::nullopt;
    }
    return id;
}

std::optional<QString> Accounts::addUser(const QString& name, const QString& teamName, QString* error) {
    if (name.trimmed().isEmpty() || name.size() > 200) {
        *error = QStringLiteral("a user name must be 1 to 200 characters");
        return std::nullopt;
    }
    auto team = m_store.run(QStringLiteral("SELECT id FROM team WHERE name = ?"), {teamName});
    if (!team || !team->next()) {
        *error = QStringLiteral("no team named '%1'").arg(teamName);
        return std::nullopt;
    }
    const QString teamId = team->value(0).toString();
    auto existing = m_store.run(QStringLiteral("SELECT id FROM app_user WHERE name = ?"), {name});
    if (existing && existing->next()) {
        *error = QStringLiteral("user '%1' exists already").arg(name);
        return std::nullopt;
    }
    const QString id = newId();
    if (!m_store.run(QStringLiteral("INSERT INTO app_user (id, team_id, name, created_at) VALUES (?, ?, ?, ?)"),
                     {id, teamId, name, nowText()})) {
        *error = m_store.lastError();
        return std::nullopt;
    }
    return id;
}

std::optional<Accounts::NewToken> Accounts::createToken(const QString& userName, bool readOnly,
                                                        const QDateTime& expires, const QString& label,
                                                        QString* error) {
    auto user = m_store.run(QStringLiteral("SELECT id FROM app_user WHERE name = ?"), {userName});
    if (!user || !user->next()) {
        *error = QStringLiteral("no user named '%1'").arg(userName);
        return std::nullopt;
    }
    return createTokenForUserId(user->value(0).toString(), readOnly, expires, label, error);
}

std::optional<Accounts::NewToken> Accounts::createTokenForUserId(const QString& userId, bool readOnly,
                                                                 const QDateTime& expires, const QString& label,
                                                                 QString* error) {
    NewToken t{newId(), newSecret(), expires.isValid() ? expires.toUTC().toString(Qt::ISODateWithMs) : QString()};
    if (!m_store.run(QStringLiteral("INSERT INTO api_token (id, user_id, token_hash, label, read_only, expires_at, "
                                    "revoked_at, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)"),
                     {t.id, userId, hashToken(t.token), label, readOnly ? 1 : 0,
                      t.expiresAt.isEmpty() ? QVariant() : QVariant(t.expiresAt), nowText()})) {
        *error = m_store.lastError();
        return std::nullopt;
    }
    return t;
}

bool Accounts::revokeToken(const QString& tokenId, const QString& userId, QString* error) {
    auto q =
        userId.isEmpty()
            ? m_store.run(QStringLiteral("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                          {nowText(), tokenId})
            : m_store.run(QStringLiteral("UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND "
                                         "revoked_at IS NULL"),
                          {nowText(), tokenId, userId});
    if (!q) {
        *error = m_store.lastError();
        return false;
    }
    if (q->numRowsAffected() != 1) {
        *error = QStringLiteral("no active token with id %1").arg(tokenId);
        return false;
    }
    return true;
}

} // namespace mlops::server
