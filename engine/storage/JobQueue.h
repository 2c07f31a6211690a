#pragma once

#include "storage/Records.h"

#include <QList>
#include <QStringList>

namespace mlops {

class SqliteConnection;

// The DB-backed job queue (docs/storage.md). A claim is one UPDATE ... RETURNING inside the writer's immediate
// transaction, so two workers (threads or processes) can never hold the same job: the lease belongs to
// exactly one worker id until it expires or the holder is known dead.
namespace JobQueue {
// Worker ids look like "host:pid:nonce" so that a dead process on this host can be recognised at once.
QString makeWorkerId();
bool isLocalWorkerDead(const QString& workerId);

qint64 enqueue(SqliteConnection& c, const QString& kind, const QString& decisionSetId, const QJsonObject& payload,
               int maxAttempts = 5);
// Claims the oldest claimable job of one of `kinds` (all kinds when empty). Invalid record when none.
JobRecord claim(SqliteConnection& c, const QString& workerId, qint64 leaseMs, const QStringList& kinds = {});
// Extends the lease; false when the lease was lost (expired and taken by someone else).
bool heartbeat(SqliteConnection& c, qint64 jobId, const QString& workerId, qint64 leaseMs);
// Ends the holder's claim with a final or parking status (done, failed, cancelled, paused, waiting).
bool finish(SqliteConnection& c, qint64 jobId, const QString& workerId, JobStatus status, const QString& error = {});
// Puts a failed attempt back in the queue, or fails the job when attempts are exhausted.
bool retry(SqliteConnection& c, qint64 jobId, const QString& workerId, const QString& error);
// Running jobs of this host whose process is gone become claimable again. Returns how many.
int reclaimDeadLocalWorkers(SqliteConnection& c);
// A failed job queued again with a fresh set of attempts (an explicit resume). False when the job is not failed.
bool restartFailed(SqliteConnection& c, qint64 jobId);
// A queued job parked before it starts. False when it is no longer queued.
bool pauseQueued(SqliteConnection& c, qint64 jobId);
// The decision set's jobs that are not running (queued, paused, waiting) are cancelled.
void cancelNotRunning(SqliteConnection& c, const QString& decisionSetId);
// The holder gives its running attempt back on shutdown: queued again, the attempt not counted.
bool release(SqliteConnection& c, qint64 jobId, const QString& workerId);
JobRecord job(SqliteConnection& c, qint64 jobId);
JobRecord activeJobFor(SqliteConnection& c, const QString& decisionSetId);
// Jobs parked for a decision set ('paused'/'waiting') are re-queued; a new job is created when none exists.
qint64 requeue(SqliteConnection& c, const QString& kind, const QString& decisionSetId, const QJsonObject& payload);
int countByStatus(SqliteConnection& c, JobStatus status);
} // namespace JobQueue

} // namespace mlops
