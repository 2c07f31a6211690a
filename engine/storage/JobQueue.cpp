#include "storage/JobQueue.h"

#include "core/Clock.h"
#include "core/Json.h"
#include "storage/Sqlite.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

namespace mlops {

namespace {

const char* const kJobColumns = "id, decision_set_id, kind, payload_json, status, worker_id, lease_until_ms, "
                                "attempts, max_attempts, last_error, run_count";

JobRecord readJob(const Statement& s) {
    JobRecord r;
    r.id = s.int64(0);
    r.decisionSetId = s.text(1);
    r.kind = s.text(2);
    r.payload = Json::parseObject(s.blob(3));
    r.status = storedStatus<JobStatus>(s.text(4));
    r.workerId = s.text(5);
    r.leaseUntilMs = s.int64(6);
    r.attempts = int(s.int64(7));
    r.maxAttempts = int(s.int64(8));
    r.lastError = s.text(9);
    r.runCount = int(s.int64(10));
    return r;
}

QString hostName() {
    QString h = QSysInfo::machineHostName();
    h.replace(QLatin1Char(':'), QLatin1Char('_'));
    return h;
}

} // namespace

QString JobQueue::makeWorkerId() {
    return hostName() + QLatin1Char(':') + QString::number(QCoreApplication::applicationPid()) + QLatin1Char(':') +
           QUuid::createUuid().toString(QUuid::Id128).left(8);
}

bool JobQueue::isLocalWorkerDead(const QString& workerId) {
    const QStringList parts = workerId.split(QLatin1Char(':'));
    if (parts.size() != 3 || parts[0] != hostName())
        return false;
    bool ok = false;
    const qint64 pid = parts[1].toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

qint64 JobQueue::enqueue(SqliteConnection& c, const QString& kind, const QString& decisionSetId,
                         const QJsonObject& payload, int maxAttempts) {
    const QString now = Clock::nowText();
    Statement s = c.prepare("INSERT INTO job(decision_set_id, kind, payload_json, status, max_attempts, created_at, "
                            "updated_at) VALUES (?,?,?,'queued',?,?,?)");
    decisionSetId.isEmpty() ? s.bindNull(1) : s.bind(1, decisionSetId);
    s.bind(2, kind).bind(3, Json::compact(payload)).bind(4, maxAttempts).bind(5, now).bind(6, now).run();
    return c.lastInsertId();
}

JobRecord JobQueue::claim(SqliteConnection& c, const QString& workerId, qint64 leaseMs, const QStringList& kinds) {
    QByteArray kindFilter;
    if (!kinds.isEmpty()) {
        kindFilter = " AND kind IN (";
        for (int i = 0; i < kinds.size(); ++i)
            kindFilter += i ? ",?" : "?";
        kindFilter += ')';
    }
    const QByteArray sql =
        QByteArray("UPDATE job SET status = 'running', worker_id = ?1, lease_until_ms = ?2 + ?3, "
                   "attempts = attempts + 1, run_count = run_count + 1, updated_at = ?4 "
                   "WHERE id = (SELECT id FROM job WHERE (status = 'queued' OR (status = 'running' AND "
                   "lease_until_ms < ?2)) AND attempts < max_attempts") +
        kindFilter + " ORDER BY id LIMIT 1) RETURNING " + kJobColumns;
    const qint64 now = Clock::nowMs();
    Statement s = c.prepare(sql.constData());
    s.bind(1, workerId).bind(2, now).bind(3, leaseMs).bind(4, Clock::nowText());
    for (int i = 0; i < kinds.size(); ++i)
        s.bind(5 + i, kinds[i]);
    JobRecord r;
    if (s.step())
        r = readJob(s);
    s.reset();
    return r;
}

bool JobQueue::heartbeat(SqliteConnection& c, qint64 jobId, const QString& workerId, qint64 leaseMs) {
    c.prepare("UPDATE job SET lease_until_ms = ?, updated_at = ? WHERE id = ? AND worker_id = ? AND status = 'running'")
        .bind(1, Clock::nowMs() + leaseMs)
        .bind(2, Clock::nowText())
        .bind(3, jobId)
        .bind(4, workerId)
        .run();
    return c.changes() == 1;
}

bool JobQueue::finish(SqliteConnection& c, qint64 jobId, const QString& workerId, JobStatus status,
                      const QString& error) {
    Statement s = c.prepare("UPDATE job SET status = ?, last_error = ?, lease_until_ms = 0, updated_at = ? "
                            "WHERE id = ? AND worker_id = ? AND status = 'running'");
    s.bind(1, storedText(status));
    error.isEmpty() ? s.bindNull(2) : s.bind(2, error);
    s.bind(3, Clock::nowText()).bind(4, jobId).bind(5, workerId).run();
    return c.changes() == 1;
}

bool JobQueue::retry(SqliteConnection& c, qint64 jobId, const QString& workerId, const QString& error) {
    c.prepare(
         "UPDATE job SET status = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END, "
         "last_error = ?, lease_until_ms = 0, updated_at = ? WHERE id = ? AND worker_id = ? AND status = 'running'")
        .bind(1, error)
        .bind(2, Clock::nowText())
        .bind(3, jobId)
        .bind(4, workerId)
        .run();
    return c.changes() == 1;
}

int JobQueue::reclaimDeadLocalWorkers(SqliteConnection& c) {
    Statement s = c.prepare("SELECT id, worker_id FROM job WHERE status = 'running'");
    QList<qint64> dead;
    while (s.step()) {
        if (isLocalWorkerDead(s.text(1)))
            dead.append(s.int64(0));
    }
    s.reset();
    Statement u = c.prepare("UPDATE job SET lease_until_ms = 0 WHERE id = ? AND status = 'running'");
    for (qint64 id : dead)
        u.bind(1, id).run();
    return int(dead.size());
}

bool JobQueue::restartFailed(SqliteConnection& c, qint64 jobId) {
    c.prepare("UPDATE job SET status = 'queued', attempts = 0 WHERE id = ? AND status = 'failed'").bind(1, jobId).run();
    return c.changes() == 1;
}

bool JobQueue::pauseQueued(SqliteConnection& c, qint64 jobId) {
    c.prepare("UPDATE job SET status = 'paused' WHERE id = ? AND status = 'queued'").bind(1, jobId).run();
    return c.changes() == 1;
}

void JobQueue::cancelNotRunning(SqliteConnection& c, const QString& decisionSetId) {
    c.prepare(
         "UPDATE job SET status = 'cancelled' WHERE decision_set_id = ? AND status IN ('queued','paused','waiting')")
        .bind(1, decisionSetId)
        .run();
}

bool JobQueue::release(SqliteConnection& c, qint64 jobId, const QString& workerId) {
    c.prepare("UPDATE job SET status = 'queued', lease_until_ms = 0, attempts = MAX(attempts - 1, 0) "
              "WHERE id = ? AND worker_id = ? AND status = 'running'")
        .bind(1, jobId)
        .bind(2, workerId)
        .run();
    return c.changes() == 1;
}

JobRecord JobQueue::job(SqliteConnection& c, qint64 jobId) {
    const QByteArray sql = QByteArray("SELECT ") + kJobColumns + " FROM job WHERE id = ?";
    Statement s = c.prepare(sql.constData());
    s.bind(1, jobId);
    return s.step() ? readJob(s) : JobRecord{};
}

JobRecord JobQueue::activeJobFor(SqliteConnection& c, const QString& decisionSetId) {
    const QByteArray sql =
        QByteArray("SELECT ") + kJobColumns + " FROM job WHERE decision_set_id = ? ORDER BY id DESC LIMIT 1";
    Statement s = c.prepare(sql.constData());
    s.bind(1, decisionSetId);
    return s.step() ? readJob(s) : JobRecord{};
}

qint64 JobQueue::requeue(SqliteConnection& c, const QString& kind, const QString& decisionSetId,
                         const QJsonObject& payload) {
    const JobRecord last = activeJobFor(c, decisionSetId);
    if (last.isValid() && (last.status == JobStatus::Queued || last.status == JobStatus::Running))
        return last.id;
    if (last.isValid() && (last.status == JobStatus::Paused || last.status == JobStatus::Waiting)) {
        c.prepare("UPDATE job SET status = 'queued', attempts = 0, updated_at = ? WHERE id = ?")
            .bind(1, Clock::nowText())
            .bind(2, last.id)
            .run();
        return last.id;
    }
    return enqueue(c, kind, decisionSetId, payload);
}

int JobQueue::countByStatus(SqliteConnection& c, JobStatus status) {
    Statement s = c.prepare("SELECT count(*) FROM job WHERE status = ?");
    s.bind(1, storedText(status));
    s.step();
    return int(s.int64(0));
}

} // namespace mlops
