#include "SyncStore.h"

#include "Migrations.h"

#include <QDateTime>
#include <QDir>
#include <QSqlError>
#include <QUrl>

namespace mlops::server {

QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

SyncStore::~SyncStore() {
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::optional<QSqlDatabase> SyncStore::openPostgres(const QString& url, const QString& connectionName, QString* error) {
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != QLatin1String("postgres") && u.scheme() != QLatin1String("postgresql")) ||
        u.host().isEmpty()) {
        *error = QStringLiteral("not a postgres://user:password@host:port/database URL: %1").arg(url);
        return std::nullopt;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *error = QStringLiteral("the Qt PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) is not installed");
        return std::nullopt;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(u.host());
    db.setPort(u.port(5432));
    db.setUserName(u.userName());
    db.setPassword(u.password());
    db.setDatabaseName(u.path().mid(1).isEmpty() ? u.userName() : u.path().mid(1));
    db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=") + connectionName);
    if (!db.open()) {
        *error = QStringLiteral("cannot connect to PostgreSQL at %1:%2: %3")
                     .arg(u.host())
                     .arg(u.port(5432))
                     .arg(db.lastError().text());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return std::nullopt;
    }
    return db;
}

std::unique_ptr<SyncStore> SyncStore::open(const ServerConfig& config, const QString& connectionName, QString* error) {
    std::unique_ptr<SyncStore> store(new SyncStore);
    store->m_connectionName = connectionName;
    if (!config.database.isEmpty() && !config.database.startsWith(QLatin1String("sqlite:"))) {
        auto db = openPostgres(config.database, connectionName, error);
        if (!db)
            return nullptr;
        store->m_db = *db;
        store->m_postgres = true;
        store->m_url = config.database;
    } else {
        const QString path = config.database.startsWith(QLatin1String("sqlite:"))
                                 ? config.database.mid(7)
                                 : QDir(config.dataDir).filePath(QStringLiteral("sync.sqlite"));
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error = QStringLiteral("cannot create the data folder for %1").arg(path);
            return nullptr;
        }
        store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        store->m_db.setDatabaseName(path);
        store->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!store->m_db.open()) {
            *error = QStringLiteral("cannot open %1: %2").arg(path, store->m_db.lastError().text());
            return nullptr;
        }
        store->m_url = QStringLiteral("sqlite:") + path;
        for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
            if (!store->run(QString::fromLatin1(pragma))) {
                *error = QStringLiteral("cannot set up %1: %2").arg(path, store->lastError());
                return nullptr;
            }
        }
    }
    if (!migrate(*store, error))
        return nullptr;
    return store;
}

std::optional<QSqlQuery> SyncStore::run(const QString& sql, const QVariantList& args) {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // QPSQL prepares with PREPARE, which PostgreSQL refuses for DDL: statements without arguments run directly.
    if (args.isEmpty()) {
        if (!q.exec(sql)) {
            m_lastError = q.lastError().text() + QStringLiteral(" (") + sql + QLatin1Char(')');
            return std::nullopt;
        }
        return q;
    }
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text() + QStringLiteral(" (") + sql + QLatin1Char(')');
        return std::nullopt;
    }
    // A null QString binds as SQL NULL; the server means NULL only where it passes an invalid QVariant.
    for (const QVariant& a : args)
        q.addBindValue(
            a.metaType() == QMetaType::fromType<QString>() && a.toString().isNull() ? QVariant(QStringLiteral("")) : a);
    if (!q.exec()) {
        m_lastError = q.lastError().text() + QStringLiteral(" (") + sql + QLatin1Char(')');
        return std::nullopt;
    }
    return q;
}

bool SyncStore::begin() {
    if (!m_db.transaction()) {
        m_lastError = m_db.lastError().text();
        return false;
    }
    return true;
}

bool SyncStore::commit() {
    if (!m_db.commit()) {
        m_lastError = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

void SyncStore::rollback() {
    m_db.rollback();
}

} // namespace mlops::server
