#pragma once

#include "storage/Records.h"

#include <QList>

namespace mlops {

class SqliteConnection;

// Rows of `hitl_gate`: durable human-in-the-loop interrupts with their absolute auto-approval deadline.
namespace GateStore {
qint64 open(SqliteConnection& c, const GateRecord& gate);
GateRecord pendingFor(SqliteConnection& c, const QString& decisionSetId);
GateRecord latestFor(SqliteConnection& c, const QString& decisionSetId);
GateRecord gate(SqliteConnection& c, qint64 id);
QList<GateRecord> pending(SqliteConnection& c);
// Records answers so far without resolving (partial answers survive a restart).
void saveAnswers(SqliteConnection& c, qint64 id, const QJsonObject& answers);
// The auto-approval rules ran at the deadline but questions remain: they wait for a human from now on.
void markDeadlineApplied(SqliteConnection& c, qint64 id);
bool isDeadlineApplied(const GateRecord& gate);
// Resolves a pending gate exactly once: false when it was already resolved (by another process).
bool resolve(SqliteConnection& c, qint64 id, GateStatus status, const QJsonObject& answers,
             const QJsonObject& resolution);
// A cancelled decision set's pending gate is cancelled with it.
void cancelPending(SqliteConnection& c, const QString& decisionSetId);
} // namespace GateStore

namespace ArtifactStore {
void upsert(SqliteConnection& c, const ArtifactRecord& artifact);
QList<ArtifactRecord> list(SqliteConnection& c, const QString& decisionSetId);
void clear(SqliteConnection& c, const QString& decisionSetId);
} // namespace ArtifactStore

} // namespace mlops
