#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace mlops::server {

class SyncStore;

// Who a request speaks for, resolved from its bearer token.
struct Principal {
    QString tokenId;
    QString userId;
    QString userName;
    QString teamId;
    QString teamName;
    bool readOnly = false;
};

// Teams, users and tokens. A token is 256 random bits shown once when it is created; the database keeps only its
// SHA-256 (docs/sync-protocol.md, "Authentication").
class Accounts {
public:
    explicit Accounts(SyncStore& store)
        : m_store(store) {}

    enum class Check { Ok, Missing, Unknown, Revoked, Expired, Failed };
    struct Authenticated {
        Check check = Check::Missing;
        Principal who;
    };
    Authenticated authenticate(const QByteArray& authorizationHeader);

    struct NewToken {
        QString id;
        QString token; // the secret; never stored
        QString expiresAt;
    };
    // Each returns nullopt with `error` set on failure (unknown team or user, duplicate name...).
    std::optional<QString> addTeam(const QString& name, QString* error);
    std::optional<QString> addUser(const QString& name, const QString& teamName, QString* error);
    std::optional<NewToken> createToken(const QString& userName, bool readOnly, const QDateTime& expires,
                                        const QString& label, QString* error);
    std::optional<NewToken> createTokenForUserId(const QString& userId, bool readOnly, const QDateTime& expires,
                                                 const QString& label, QString* error);
    // Revokes by token id; `userId` non-empty restricts it to that user's tokens. False when no such token.
    bool revokeToken(const QString& tokenId, const QString& userId, QString* error);

    static QString hashToken(const QString& token);

private:
    SyncStore& m_store;
};

} // namespace mlops::server
