#include "storage/GateStore.h"

#include "core/Clock.h"
#include "core/Json.h"
#include "storage/Sqlite.h"

namespace mlops {

namespace {

const char* const kGateColumns =
    "id, decision_set_id, node, step, questions_json, deadline_ms, status, answers_json, resolution_json";

GateRecord readGate(const Statement& s) {
    GateRecord g;
    g.id = s.int64(0);
    g.decisionSetId = s.text(1);
    g.node = s.text(2);
    g.step = int(s.int64(3));
    g.questions = Json::parseObject(s.blob(4));
    g.deadlineMs = s.int64(5);
    g.status = storedStatus<GateStatus>(s.text(6));
    g.answers = Json::parseObject(s.blob(7));
    g.resolution = Json::parseObject(s.blob(8));
    return g;
}

QList<GateRecord> queryGates(SqliteConnection& c, const char* where, const QString& arg = {}) {
    const QByteArray sql = QByteArray("SELECT ") + kGateColumns + " FROM hitl_gate " + where;
    Statement s = c.prepare(sql.constData());
    if (!arg.isNull())
        s.bind(1, arg);
    QList<GateRecord> out;
    while (s.step())
        out.append(readGate(s));
    return out;
}

} // namespace

qint64 GateStore::open(SqliteConnection& c, const GateRecord& g) {
    // A resumed run re-opens the same gate (same step): keep the stored deadline, do not restart the clock.
    Statement existing = c.prepare("SELECT id FROM hitl_gate WHERE decision_set_id = ? AND step = ?");
    existing.bind(1, g.decisionSetId).bind(2, g.step);
    if (existing.step())
        return existing.int64(0);
    c.prepare("INSERT INTO hitl_gate(decision_set_id, node, step, questions_json, deadline_ms, status, created_at) "
              "VALUES (?,?,?,?,?,'pending',?)")
        .bind(1, g.decisionSetId)
        .bind(2, g.node)
        .bind(3, g.step)
        .bind(4, Json::compact(g.questions))
        .bind(5, g.deadlineMs)
        .bind(6, Clock::nowText())
        .run();
    return c.lastInsertId();
}

GateRecord GateStore::pendingFor(SqliteConnection& c, const QString& decisionSetId) {
    const QList<GateRecord> rows =
        queryGates(c, "WHERE decision_set_id = ? AND status = 'pending' ORDER BY step DESC LIMIT 1", decisionSetId);
    return rows.isEmpty() ? GateRecord{} : rows.first();
}

GateRecord GateStore::latestFor(SqliteConnection& c, const QString& decisionSetId) {
    const QList<GateRecord> rows = queryGates(c, "WHERE decision_set_id = ? ORDER BY step DESC LIMIT 1", decisionSetId);
    return rows.isEmpty() ? GateRecord{} : rows.first();
}

GateRecord GateStore::gate(SqliteConnection& c, qint64 id) {
    const QList<GateRecord> rows = queryGates(c, "WHERE id = ?", QString::number(id));
    return rows.isEmpty() ? GateRecord{} : rows.first();
}

QList<GateRecord> GateStore::pending(SqliteConnection& c) {
    return queryGates(c, "WHERE status = 'pending' ORDER BY deadline_ms");
}

void GateStore::saveAnswers(SqliteConnection& c, qint64 id, const QJsonObject& answers) {
    c.prepare("UPDATE hitl_gate SET answers_json = ? WHERE id = ? AND status = 'pending'")
        .bind(1, Json::compact(answers))
        .bind(2, id)
        .run();
}

void GateStore::markDeadlineApplied(SqliteConnection& c, qint64 id) {
    c.prepare(
         "UPDATE hitl_gate SET resolution_json = '{\"deadline_applied\":true}' WHERE id = ? AND status = 'pending'")
        .bind(1, id)
        .run();
}

bool GateStore::isDeadlineApplied(const GateRecord& gate) {
    return gate.resolution.value(QStringLiteral("deadline_applied")).toBool();
}

bool GateStore::resolve(SqliteConnection& c, qint64 id, GateStatus status, const QJsonObject& answers,
                        const QJsonObject& resolution) {
    c.prepare("UPDATE hitl_gate SET status = ?, answers_json = ?, resolution_json = ?, resolved_at = ? "
              "WHERE id = ? AND status = 'pending'")
        .bind(1, storedText(status))
        .bind(2, Json::compact(answers))
        .bind(3, Json::compact(resolution))
        .bind(4, Clock::nowText())
        .bind(5, id)
        .run();
    return c.changes() == 1;
}

void GateStore::cancelPending(SqliteConnection& c, const QString& decisionSetId) {
    c.prepare("UPDATE hitl_gate SET status = 'cancelled' WHERE decision_set_id = ? AND status = 'pending'")
        .bind(1, decisionSetId)
        .run();
}

void ArtifactStore::upsert(SqliteConnection& c, const ArtifactRecord& a) {
    c.prepare("INSERT INTO artifact(decision_set_id, path, sha256, size, type) VALUES (?,?,?,?,?) "
              "ON CONFLICT(decision_set_id, path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, "
              "type = excluded.type")
        .bind(1, a.decisionSetId)
        .bind(2, a.path)
        .bind(3, a.sha256)
        .bind(4, a.size)
        .bind(5, a.type)
        .run();
}

QList<ArtifactRecord> ArtifactStore::list(SqliteConnection& c, const QString& decisionSetId) {
    Statement s = c.prepare("SELECT path, sha256, size, type FROM artifact WHERE decision_set_id = ? ORDER BY path");
    s.bind(1, decisionSetId);
    QList<ArtifactRecord> out;
    while (s.step())
        out.append({decisionSetId, s.text(0), s.text(1), s.int64(2), s.text(3)});
    return out;
}

void ArtifactStore::clear(SqliteConnection& c, const QString& decisionSetId) {
    c.prepare("DELETE FROM artifact WHERE decision_set_id = ?").bind(1, decisionSetId).run();
}

} // namespace mlops
