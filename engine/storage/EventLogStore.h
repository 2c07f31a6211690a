#pragma once

#include "core/Event.h"

#include <QList>

namespace mlops {

class SqliteConnection;

// Rows of `event_log`: the complete, durable history of every decision set.
namespace EventLogStore {
void insert(SqliteConnection& c, const QList<Event>& events);
// Events with fromSeq <= seq <= toSeq (toSeq < 0: to the end), in order.
QList<Event> load(SqliteConnection& c, const QString& decisionSetId, qint64 fromSeq = 1, qint64 toSeq = -1);
qint64 maxSeq(SqliteConnection& c, const QString& decisionSetId);
} // namespace EventLogStore

} // namespace mlops
