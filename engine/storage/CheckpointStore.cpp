#include "storage/CheckpointStore.h"

#include "core/Clock.h"
#include "core/Json.h"
#include "storage/Sqlite.h"

namespace mlops {

namespace {

CheckpointRecord readCheckpoint(const Statement& s, const QString& decisionSetId, bool withState) {
    CheckpointRecord r;
    r.decisionSetId = decisionSetId;
    r.step = int(s.int64(0));
    r.node = s.text(1);
    r.nextStep = s.text(2);
    r.lastEventSeq = s.int64(3);
    r.createdAt = s.text(4);
    if (withState)
        r.state = Json::parseObject(s.blob(5));
    return r;
}

} // namespace

void CheckpointStore::save(SqliteConnection& c, const CheckpointRecord& cp) {
    c.prepare("INSERT INTO checkpoint(decision_set_id, step, node, next_step, state_json, last_event_seq, created_at) "
              "VALUES (?,?,?,?,?,?,?)")
        .bind(1, cp.decisionSetId)
        .bind(2, cp.step)
        .bind(3, cp.node)
        .bind(4, cp.nextStep)
        .bind(5, Json::compact(cp.state))
        .bind(6, cp.lastEventSeq)
        .bind(7, cp.createdAt.isEmpty() ? Clock::system()->nowText() : cp.createdAt)
        .run();
}

CheckpointRecord CheckpointStore::latest(SqliteConnection& c, const QString& decisionSetId) {
    Statement s = c.prepare("SELECT step, node, next_step, last_event_seq, created_at, state_json FROM checkpoint "
                            "WHERE decision_set_id = ? ORDER BY step DESC LIMIT 1");
    s.bind(1, decisionSetId);
    return s.step() ? readCheckpoint(s, decisionSetId, true) : CheckpointRecord{};
}

CheckpointRecord CheckpointStore::at(SqliteConnection& c, const QString& decisionSetId, int step) {
    Statement s = c.prepare("SELECT step, node, next_step, last_event_seq, created_at, state_json FROM checkpoint "
                            "WHERE decision_set_id = ? AND step = ?");
    s.bind(1, decisionSetId).bind(2, step);
    return s.step() ? readCheckpoint(s, decisionSetId, true) : CheckpointRecord{};
}

QList<CheckpointRecord> CheckpointStore::list(SqliteConnection& c, const QString& decisionSetId) {
    Statement s = c.prepare("SELECT step, node, next_step, last_event_seq, created_at FROM checkpoint "
                            "WHERE decision_set_id = ? ORDER BY step");
    s.bind(1, decisionSetId);
    QList<CheckpointRecord> out;
    while (s.step())
        out.append(readCheckpoint(s, decisionSetId, false));
    return out;
}

} // namespace mlops
