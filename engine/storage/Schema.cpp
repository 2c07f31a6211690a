#include "storage/Schema.h"

#include "storage/Sqlite.h"

#include <sqlite3.h>

namespace mlops {

namespace {

// Version 1: the tables of docs/storage.md, the durable HITL gates included.
const char* const kVersion1 = R"SQL(
CREATE TABLE project (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    settings_json TEXT NOT NULL DEFAULT '{}',
    created_at    TEXT NOT NULL
);
CREATE TABLE decision_set (
    id                  TEXT PRIMARY KEY,
    project_id          TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    version             INTEGER NOT NULL,
    parent_id           TEXT REFERENCES decision_set(id),
    forked_from_step    INTEGER,
    prompt              TEXT NOT NULL,
    settings_json       TEXT NOT NULL DEFAULT '{}',
    status              TEXT NOT NULL CHECK (status IN ('created','processing','hitl_pending','validating',
                                                       'generating','completed','failed','cancelled')),
    paused              INTEGER NOT NULL DEFAULT 0,
    result_json         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (project_id, version)
);
CREATE INDEX decision_set_parent ON decision_set(parent_id);
CREATE TABLE job (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_set_id TEXT REFERENCES decision_set(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    payload_json    TEXT NOT NULL DEFAULT '{}',
    status          TEXT NOT NULL CHECK (status IN ('queued','running','done','failed','cancelled','paused','waiting')),
    worker_id       TEXT,
    lease_until_ms  INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    max_attempts    INTEGER NOT NULL DEFAULT 3,
    last_error      TEXT,
    run_count       INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX job_claimable ON job(status, lease_until_ms);
CREATE UNIQUE INDEX job_one_active_per_decision_set ON job(decision_set_id)
    WHERE status IN ('queued','running') AND decision_set_id IS NOT NULL;
CREATE TABLE event_log (
    decision_set_id TEXT NOT NULL REFERENCES decision_set(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    timestamp       TEXT NOT NULL,
    type            TEXT NOT NULL,
    data_json       TEXT NOT NULL,
    PRIMARY KEY (decision_set_id, seq)
) WITHOUT ROWID;
CREATE TABLE artifact (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_set_id TEXT NOT NULL REFERENCES decision_set(id) ON DELETE CASCADE,
    path            TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    size            INTEGER NOT NULL,
    type            TEXT NOT NULL,
    UNIQUE (decision_set_id, path)
);
CREATE TABLE checkpoint (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_set_id TEXT NOT NULL REFERENCES decision_set(id) ON DELETE CASCADE,
    step            INTEGER NOT NULL,
    node            TEXT NOT NULL,
    next_step       TEXT NOT NULL,
    state_json      TEXT NOT NULL,
    last_event_seq  INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    UNIQUE (decision_set_id, step)
);
CREATE TABLE hitl_gate (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_set_id TEXT NOT NULL REFERENCES decision_set(id) ON DELETE CASCADE,
    node            TEXT NOT NULL,
    step            INTEGER NOT NULL,
    questions_json  TEXT NOT NULL,
    deadline_ms     INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending','answered','auto_approved','cancelled')),
    answers_json    TEXT NOT NULL DEFAULT '{}',
    resolution_json TEXT,
    created_at      TEXT NOT NULL,
    resolved_at     TEXT,
    UNIQUE (decision_set_id, step)
);
CREATE INDEX hitl_gate_pending ON hitl_gate(status, deadline_ms);
)SQL";

struct Migration {
    int toVersion;
    const char* sql;
};

const Migration kMigrations[] = {
    {1, kVersion1},
};

int readUserVersion(SqliteConnection& c) {
    Statement s = c.prepare("PRAGMA user_version");
    return s.step() ? int(s.int64(0)) : 0;
}

} // namespace

int Schema::currentVersion() {
    return kMigrations[std::size(kMigrations) - 1].toVersion;
}

void Schema::migrate(SqliteConnection& c) {
    // Reading sqlite_master fails with SQLITE_NOTADB on a corrupted or foreign file: that error is our report.
    Statement probe = c.prepare("SELECT count(*) FROM sqlite_master");
    probe.step();
    const qint64 objects = probe.int64(0);
    int version = readUserVersion(c);
    if (version == 0 && objects > 0)
        throw SqliteError(QStringLiteral("database has tables but no schema version: not an Agentic MLOps Studio "
                                         "database"),
                          SQLITE_MISMATCH);
    if (version > currentVersion())
        throw SqliteError(QStringLiteral("database schema version %1 is newer than this build (%2)")
                              .arg(version)
                              .arg(currentVersion()),
                          SQLITE_MISMATCH);
    for (const Migration& m : kMigrations) {
        if (m.toVersion <= version)
            continue;
        Transaction tx(c);
        c.exec(m.sql);
        c.exec(QByteArray("PRAGMA user_version = " + QByteArray::number(m.toVersion)).constData());
        tx.commit();
        version = m.toVersion;
    }
}

} // namespace mlops
