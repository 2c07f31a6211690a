#pragma once

#include "storage/Records.h"

#include <QList>

namespace mlops {

class SqliteConnection;

// Rows of `checkpoint`: the workflow state after every completed node.
namespace CheckpointStore {
void save(SqliteConnection& c, const CheckpointRecord& checkpoint);
CheckpointRecord latest(SqliteConnection& c, const QString& decisionSetId);
CheckpointRecord at(SqliteConnection& c, const QString& decisionSetId, int step);
// Without state, for listings.
QList<CheckpointRecord> list(SqliteConnection& c, const QString& decisionSetId);
} // namespace CheckpointStore

} // namespace mlops
