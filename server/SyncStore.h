#pragma once

#include "ServerConfig.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>
#include <optional>

namespace mlops::server {

// The server's database connection: SQLite (WAL) in the data folder, or PostgreSQL when the configuration names
// a postgres:// URL. Both are reached through Qt Sql with the same portable SQL; what differs lives in
// Migrations.cpp. Used from the thread that opened it only.
class SyncStore {
public:
    ~SyncStore();
    // Opens (and migrates) the database the configuration names. `connectionName` must be unique per process.
    static std::unique_ptr<SyncStore> open(const ServerConfig& config, const QString& connectionName, QString* error);
    // Opens a second connection to the same PostgreSQL database (the LISTEN connection), without migrating.
    static std::optional<QSqlDatabase> openPostgres(const QString& url, const QString& connectionName, QString* error);

    bool isPostgres() const { return m_postgres; }
    QString databaseUrl() const { return m_url; }
    QSqlDatabase& db() { return m_db; }

    // Runs one statement with positional `?` arguments; nullopt on error (lastError() says why).
    std::optional<QSqlQuery> run(const QString& sql, const QVariantList& args = {});
    QString lastError() const { return m_lastError; }

    bool begin();
    bool commit();
    void rollback();

private:
    SyncStore() = default;
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_url;
    bool m_postgres = false;
    QString m_lastError;
};

// Wall-clock time as stored in every created_at column: ISO 8601 UTC with milliseconds.
QString nowText();

} // namespace mlops::server
