#include "StatusToString.h"
#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/JobQueue.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;

namespace {

JobRecord claimOne(Database& db, const QString& worker, qint64 leaseMs = 60000) {
    JobRecord job;
    db.writeAndWait([&](SqliteConnection& c) { job = JobQueue::claim(c, worker, leaseMs); });
    return job;
}

qint64 enqueue(Database& db, const QString& kind = QStringLiteral("race"), int maxAttempts = 5) {
    qint64 id = 0;
    db.writeAndWait([&](SqliteConnection& c) { id = JobQueue::enqueue(c, kind, {}, {}, maxAttempts); });
    return id;
}

} // namespace

class TestJobQueue : public QObject {
    Q_OBJECT
private slots:
    void claim_queuedJobs_oldestFirstAndOnlyOnce() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("q.db")));
        const qint64 a = enqueue(db);
        const qint64 b = enqueue(db);
        QCOMPARE(claimOne(db, QStringLiteral("w1")).id, a);
        QCOMPARE(claimOne(db, QStringLiteral("w2")).id, b);
        QVERIFY(!claimOne(db, QStringLiteral("w3")).isValid());
    }

    void claim_expiredLease_isTakenOverAndOldHolderLosesIt() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("q.db")));
        const qint64 id = enqueue(db);
        QCOMPARE(claimOne(db, QStringLiteral("w1"), 1).id, id);
        QTest::qWait(20);
        const JobRecord taken = claimOne(db, QStringLiteral("w2"));
        QCOMPARE(taken.id, id);
        QCOMPARE(taken.attempts, 2);
        bool ok = true;
        db.writeAndWait([&](SqliteConnection& c) { ok = JobQueue::heartbeat(c, id, QStringLiteral("w1"), 1000); });
        QVERIFY(!ok);
        db.writeAndWait(
            [&](SqliteConnection& c) { ok = JobQueue::finish(c, id, QStringLiteral("w1"), JobStatus::Done); });
        QVERIFY(!ok); // a stale holder cannot finish someone else's job
        db.writeAndWait([&](SqliteConnection& c) { ok = JobQueue::heartbeat(c, id, QStringLiteral("w2"), 1000); });
        QVERIFY(ok);
    }

    void retry_untilAttemptsExhausted_thenFailed() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("q.db")));
        const qint64 id = enqueue(db, QStringLiteral("race"), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(claimOne(db, QStringLiteral("w")).id, id);
            db.writeAndWait(
                [&](SqliteConnection& c) { JobQueue::retry(c, id, QStringLiteral("w"), QStringLiteral("boom")); });
        }
        JobRecord job;
        db.writeAndWait([&](SqliteConnection& c) { job = JobQueue::job(c, id); });
        QCOMPARE(job.status, JobStatus::Failed);
        QCOMPARE(job.lastError, QStringLiteral("boom"));
        QVERIFY(!claimOne(db, QStringLiteral("w")).isValid());
    }

    void reclaim_deadLocalWorker_jobClaimableAtOnce() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("q.db")));
        const qint64 id = enqueue(db);
        // A worker of this host whose process is gone: start and reap a short-lived process for its pid.
        QProcess p;
        p.start(QStringLiteral("true"));
        QVERIFY(p.waitForFinished());
        const QString deadWorker = JobQueue::makeWorkerId().section(QLatin1Char(':'), 0, 0) + QLatin1Char(':') +
                                   QString::number(p.processId() ? p.processId() : 999999) + QStringLiteral(":x");
        QCOMPARE(claimOne(db, deadWorker).id, id);
        QVERIFY(!claimOne(db, QStringLiteral("w2")).isValid()); // lease still valid for 60 s
        int reclaimed = 0;
        db.writeAndWait([&](SqliteConnection& c) { reclaimed = JobQueue::reclaimDeadLocalWorkers(c); });
        QCOMPARE(reclaimed, 1);
        QCOMPARE(claimOne(db, QStringLiteral("w2")).id, id);
    }

    void twoProcesses_racing_eachJobRunExactlyOnceNeverConcurrently() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("q.db"));
        constexpr int kJobs = 400;
        {
            Database db(path);
            db.writeAndWait([](SqliteConnection& c) {
                for (int i = 0; i < kJobs; ++i)
                    JobQueue::enqueue(c, QStringLiteral("race"), {}, {});
            });
        }
        const QString racer = test::binaryPath(QStringLiteral("jobqueue_racer"));
        QList<QProcess*> procs;
        for (int i = 0; i < 2; ++i) {
            auto* p = new QProcess(this);
            p->start(racer, {path, dir.filePath(QStringLiteral("out%1.txt").arg(i))});
            procs.append(p);
        }
        QHash<qint64, int> runs;
        QList<int> perWorker;
        for (int i = 0; i < procs.size(); ++i) {
            QVERIFY(procs[i]->waitForFinished(120000));
            QCOMPARE(procs[i]->exitCode(), 0);
            QFile f(dir.filePath(QStringLiteral("out%1.txt").arg(i)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            int count = 0;
            for (const QByteArray& line : f.readAll().split('\n')) {
                if (line.isEmpty())
                    continue;
                runs[line.split(' ').first().toLongLong()]++;
                ++count;
            }
            perWorker.append(count);
        }
        QCOMPARE(runs.size(), kJobs);
        for (auto it = runs.begin(); it != runs.end(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("job %1 ran %2 times").arg(it.key()).arg(it.value())));
        QVERIFY2(perWorker[0] > 0 && perWorker[1] > 0, "both workers should have raced for jobs");
        Database db(path);
        QCOMPARE(JobQueue::countByStatus(db.reader(), JobStatus::Done), kJobs);
        qInfo() << "jobs per worker:" << perWorker;
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
