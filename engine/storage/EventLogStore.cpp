#include "storage/EventLogStore.h"

#include "core/Json.h"
#include "storage/Sqlite.h"

namespace mlops {

void EventLogStore::insert(SqliteConnection& c, const QList<Event>& events) {
    if (events.isEmpty())
        return;
    Statement s =
        c.prepare("INSERT INTO event_log(decision_set_id, seq, timestamp, type, data_json) VALUES (?,?,?,?,?)");
    for (const Event& e : events) {
        s.bind(1, e.decisionSetId).bind(2, e.seq).bind(3, e.timestampText()).bind(4, e.type);
        s.bind(5, Json::compact(e.data));
        s.run();
    }
}

QList<Event> EventLogStore::load(SqliteConnection& c, const QString& decisionSetId, qint64 fromSeq, qint64 toSeq) {
    Statement s = c.prepare("SELECT seq, timestamp, type, data_json FROM event_log WHERE decision_set_id = ? "
                            "AND seq >= ? AND seq <= ? ORDER BY seq");
    s.bind(1, decisionSetId).bind(2, fromSeq).bind(3, toSeq < 0 ? std::numeric_limits<qint64>::max() : toSeq);
    QList<Event> out;
    while (s.step()) {
        Event e;
        e.decisionSetId = decisionSetId;
        e.seq = s.int64(0);
        e.timestamp = QDateTime::fromString(s.text(1), Qt::ISODateWithMs);
        e.type = s.text(2);
        e.data = Json::parseObject(s.blob(3));
        out.append(std::move(e));
    }
    return out;
}

qint64 EventLogStore::maxSeq(SqliteConnection& c, const QString& decisionSetId) {
    Statement s = c.prepare("SELECT COALESCE(MAX(seq), 0) FROM event_log WHERE decision_set_id = ?");
    s.bind(1, decisionSetId);
    s.step();
    return s.int64(0);
}

} // namespace mlops
