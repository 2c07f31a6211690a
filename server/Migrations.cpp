#include "Migrations.h"

#include "SyncStore.h"

#include <QSqlQuery>
#include <QStringList>

namespace mlops::server {

namespace {

struct Migration {
    int version;
    QStringList statements; // %AUTOID% and %BLOB% are filled in per database
};

// Never edit a step that has shipped: add a new one.
QList<Migration> migrations() {
    return {
        {1,
         {
             QStringLiteral(
                 "CREATE TABLE team (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE app_user (id TEXT PRIMARY KEY, team_id TEXT NOT NULL REFERENCES team(id), "
                            "name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE api_token (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES app_user(id), "
                 "token_hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL, read_only INTEGER NOT NULL, "
                 "expires_at TEXT, revoked_at TEXT, created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE project (id TEXT PRIMARY KEY, team_id TEXT NOT NULL REFERENCES team(id), "
                            "name TEXT NOT NULL, settings TEXT NOT NULL, created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE decision_set (id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES "
                            "project(id), team_id TEXT NOT NULL, version INTEGER NOT NULL, parent_id TEXT, prompt TEXT "
                            "NOT NULL, settings TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, "
                            "updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE event (decision_set_id TEXT NOT NULL REFERENCES decision_set(id), seq BIGINT "
                            "NOT NULL, type TEXT NOT NULL, ts TEXT NOT NULL, data TEXT NOT NULL, "
                            "PRIMARY KEY (decision_set_id, seq))"),
             QStringLiteral(
                 "CREATE TABLE checkpoint (decision_set_id TEXT NOT NULL REFERENCES decision_set(id), step "
                 "INTEGER NOT NULL, node TEXT NOT NULL, next_step TEXT NOT NULL, state TEXT NOT NULL, "
                 "last_event_seq BIGINT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (decision_set_id, step))"),
             QStringLiteral("CREATE TABLE blob (team_id TEXT NOT NULL REFERENCES team(id), sha256 TEXT NOT NULL, size "
                            "BIGINT NOT NULL, content %BLOB% NOT NULL, created_at TEXT NOT NULL, "
                            "PRIMARY KEY (team_id, sha256))"),
             QStringLiteral(
                 "CREATE TABLE artifact (decision_set_id TEXT NOT NULL REFERENCES decision_set(id), path TEXT "
                 "NOT NULL, sha256 TEXT NOT NULL, size BIGINT NOT NULL, type TEXT NOT NULL, "
                 "PRIMARY KEY (decision_set_id, path))"),
             QStringLiteral("CREATE TABLE team_change (id %AUTOID%, team_id TEXT NOT NULL, kind TEXT NOT NULL, "
                            "object_id TEXT NOT NULL, detail TEXT NOT NULL, created_at TEXT NOT NULL)"),
         }},
        {2,
         {
             QStringLiteral("CREATE INDEX team_change_by_team ON team_change(team_id, id)"),
             QStringLiteral("CREATE INDEX project_by_team ON project(team_id, id)"),
             QStringLiteral("CREATE INDEX decision_set_by_project ON decision_set(project_id, version, id)"),
             QStringLiteral("CREATE INDEX token_by_user ON api_token(user_id)"),
         }},
    };
}

QString dialect(const QString& statement, bool postgres) {
    QString s = statement;
    s.replace(QStringLiteral("%AUTOID%"),
              postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
    s.replace(QStringLiteral("%BLOB%"), postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB"));
    return s;
}

} // namespace

int latestSchemaVersion() {
    return migrations().constLast().version;
}

bool migrate(SyncStore& store, QString* error) {
    // An arbitrary constant shared by every instance of this server.
    constexpr qint64 kMigrationLock = 0x6d6c6f7073;
    if (store.isPostgres() && !store.run(QStringLiteral("SELECT pg_advisory_lock(?)"), {kMigrationLock})) {
        *error = store.lastError();
        return false;
    }
    auto unlock = [&] {
        if (store.isPostgres())
            store.run(QStringLiteral("SELECT pg_advisory_unlock(?)"), {kMigrationLock});
    };
    if (!store.run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"))) {
        *error = QStringLiteral("cannot create schema_version: ") + store.lastError();
        unlock();
        return false;
    }
    auto q = store.run(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    const int current = q && q->next() ? q->value(0).toInt() : -1;
    if (current < 0) {
        *error = QStringLiteral("cannot read schema_version: ") + store.lastError();
        unlock();
        return false;
    }
    if (current > latestSchemaVersion()) {
        *error = QStringLiteral("the database has schema version %1, newer than this server (%2)")
                     .arg(current)
                     .arg(latestSchemaVersion());
        unlock();
        return false;
    }
    for (const Migration& m : migrations()) {
        if (m.version <= current)
            continue;
        bool ok = store.begin();
        for (const QString& statement : m.statements) {
            if (!ok)
                break;
            ok = store.run(dialect(statement, store.isPostgres())).has_value();
        }
        ok = ok && store.run(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {m.version});
        if (!ok || !store.commit()) {
            *error = QStringLiteral("migration to schema version %1 failed: %2").arg(m.version).arg(store.lastError());
            store.rollback();
            unlock();
            return false;
        }
    }
    unlock();
    return true;
}

} // namespace mlops::server
