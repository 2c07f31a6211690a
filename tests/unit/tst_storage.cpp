#include "StatusToString.h"
#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/GateStore.h"
#include "storage/JobQueue.h"
#include "storage/ProjectStore.h"
#include "storage/Schema.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;

class TestStorage : public QObject {
    Q_OBJECT
private slots:
    void open_freshFile_migratesToCurrentVersion() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        { Database db(path); }
        SqliteConnection c = SqliteConnection::open(path);
        Statement s = c.prepare("PRAGMA user_version");
        QVERIFY(s.step());
        QCOMPARE(int(s.int64(0)), Schema::currentVersion());
        Statement wal = c.prepare("PRAGMA journal_mode");
        QVERIFY(wal.step());
        QCOMPARE(wal.text(0), QStringLiteral("wal"));
        Statement fk = c.prepare("PRAGMA foreign_keys");
        QVERIFY(fk.step());
        QCOMPARE(fk.int64(0), 1);
    }

    void open_existingDatabase_keepsRows() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        {
            Database db(path);
            QVERIFY(db.writeAndWait([](SqliteConnection& c) {
                          ProjectStore::createProject(c, QStringLiteral("p1"), QStringLiteral("Fraud"), {});
                      }).ok);
        }
        Database again(path);
        const QList<ProjectRecord> projects = ProjectStore::projects(again.reader());
        QCOMPARE(projects.size(), 1);
        QCOMPARE(projects.first().name, QStringLiteral("Fraud"));
    }

    void open_corruptedFile_throwsClearError() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        try {
            Database db(path);
            QFAIL("a garbage file must not open");
        } catch (const SqliteError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("not a database")), qPrintable(e.message()));
        }
        QFile check(path);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray(8192, 'x')); // left untouched
    }

    void open_foreignDatabase_refusedWithoutChange() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        {
            SqliteConnection c = SqliteConnection::open(path);
            c.exec("CREATE TABLE notes(x)");
        }
        QVERIFY_THROWS_EXCEPTION(SqliteError, Database db(path));
    }

    void open_newerSchema_refused() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.db"));
        { Database db(path); }
        {
            SqliteConnection c = SqliteConnection::open(path);
            c.exec("PRAGMA user_version = 999");
        }
        try {
            Database db(path);
            QFAIL("newer schema must be refused");
        } catch (const SqliteError& e) {
            QVERIFY(e.message().contains(QStringLiteral("newer")));
        }
    }

    void write_failingOperation_doesNotUndoOthersInBatch() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.db")));
        QFuture<WriteResult> good1 = db.write([](SqliteConnection& c) {
            ProjectStore::createProject(c, QStringLiteral("p1"), QStringLiteral("one"), {});
        });
        QFuture<WriteResult> bad = db.write([](SqliteConnection& c) {
            ProjectStore::createProject(c, QStringLiteral("p2"), QStringLiteral("two"), {});
            ProjectStore::createProject(c, QStringLiteral("p1"), QStringLiteral("duplicate"), {});
        });
        QFuture<WriteResult> good2 = db.write([](SqliteConnection& c) {
            ProjectStore::createProject(c, QStringLiteral("p3"), QStringLiteral("three"), {});
        });
        good2.waitForFinished();
        QVERIFY(good1.result().ok);
        QVERIFY(!bad.result().ok);
        QVERIFY(bad.result().error.contains(QStringLiteral("UNIQUE")));
        QVERIFY(good2.result().ok);
        QStringList names;
        for (const ProjectRecord& p : ProjectStore::projects(db.reader()))
            names.append(p.name);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("one"), QStringLiteral("three")})); // "two" rolled back
    }

    void decisionSet_versions_formTreeWithParents() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.db")));
        QVERIFY(db.writeAndWait([](SqliteConnection& c) {
                      ProjectStore::createProject(c, QStringLiteral("p"), QStringLiteral("p"), {});
                      ProjectStore::createDecisionSet(c, QStringLiteral("d1"), QStringLiteral("p"), QStringLiteral("x"),
                                                      {});
                      ProjectStore::createDecisionSet(c, QStringLiteral("d2"), QStringLiteral("p"), QStringLiteral("x"),
                                                      {}, QStringLiteral("d1"), 3);
                  }).ok);
        const DecisionSetRecord d2 = ProjectStore::decisionSet(db.reader(), QStringLiteral("d2"));
        QCOMPARE(d2.version, 2);
        QCOMPARE(d2.parentId, QStringLiteral("d1"));
        QCOMPARE(d2.forkedFromStep, 3);
        QCOMPARE(d2.status, DecisionSetStatus::Created);
        // Status values outside docs/storage.md are refused by the schema.
        const WriteResult r = db.writeAndWait(
            [](SqliteConnection& c) { c.prepare("UPDATE decision_set SET status = 'bogus' WHERE id = 'd2'").run(); });
        QVERIFY(!r.ok);
    }

    // Every status of each kind is accepted by the schema's CHECK list under its stored text and reads back as the
    // same enum value; the stored words are the ones the schema (and older databases) use.
    void status_everyValue_roundTripsThroughTheDatabase() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.db")));
        const QList<DecisionSetStatus> sets = {DecisionSetStatus::Created,     DecisionSetStatus::Processing,
                                               DecisionSetStatus::HitlPending, DecisionSetStatus::Validating,
                                               DecisionSetStatus::Generating,  DecisionSetStatus::Completed,
                                               DecisionSetStatus::Failed,      DecisionSetStatus::Cancelled};
        const QList<JobStatus> jobs = {JobStatus::Queued,    JobStatus::Running, JobStatus::Done,   JobStatus::Failed,
                                       JobStatus::Cancelled, JobStatus::Paused,  JobStatus::Waiting};
        const QList<GateStatus> gates = {GateStatus::Pending, GateStatus::Answered, GateStatus::AutoApproved,
                                         GateStatus::Cancelled};
        qint64 jobId = 0, gateId = 0;
        QVERIFY(db.writeAndWait([&](SqliteConnection& c) {
                      ProjectStore::createProject(c, QStringLiteral("p"), QStringLiteral("p"), {});
                      ProjectStore::createDecisionSet(c, QStringLiteral("d"), QStringLiteral("p"), QStringLiteral("x"),
                                                      {});
                      jobId = JobQueue::enqueue(c, QStringLiteral("workflow"), QStringLiteral("d"), {});
                      GateRecord g;
                      g.decisionSetId = QStringLiteral("d");
                      g.node = QStringLiteral("hitl_gate_input");
                      g.step = 1;
                      gateId = GateStore::open(c, g);
                  }).ok);
        for (const DecisionSetStatus s : sets) {
            QVERIFY(
                db.writeAndWait([s](SqliteConnection& c) { ProjectStore::setStatus(c, QStringLiteral("d"), s); }).ok);
            QCOMPARE(ProjectStore::decisionSet(db.reader(), QStringLiteral("d")).status, s);
            QVERIFY(statusFromText<DecisionSetStatus>(storedText(s)) == s);
        }
        for (const JobStatus s : jobs) {
            QVERIFY(
                db.writeAndWait([s, jobId](SqliteConnection& c) {
                      c.prepare("UPDATE job SET status = ? WHERE id = ?").bind(1, storedText(s)).bind(2, jobId).run();
                  }).ok);
            QCOMPARE(JobQueue::job(db.reader(), jobId).status, s);
        }
        for (const GateStatus s : gates) {
            QVERIFY(db.writeAndWait([s, gateId](SqliteConnection& c) {
                          c.prepare("UPDATE hitl_gate SET status = ? WHERE id = ?")
                              .bind(1, storedText(s))
                              .bind(2, gateId)
                              .run();
                      }).ok);
            QCOMPARE(GateStore::gate(db.reader(), gateId).status, s);
        }
        QCOMPARE(storedText(DecisionSetStatus::HitlPending), QStringLiteral("hitl_pending"));
        QCOMPARE(storedText(GateStatus::AutoApproved), QStringLiteral("auto_approved"));
        QVERIFY(!statusFromText<JobStatus>(u"completed").has_value()); // a decision-set word, not a job's
    }

    void status_unknownTextInDatabase_readsAsClearError() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.db")));
        QVERIFY(db.writeAndWait([](SqliteConnection& c) {
                      ProjectStore::createProject(c, QStringLiteral("p"), QStringLiteral("p"), {});
                      ProjectStore::createDecisionSet(c, QStringLiteral("d"), QStringLiteral("p"), QStringLiteral("x"),
                                                      {});
                      // A foreign tool that ignored the schema's CHECK list.
                      c.prepare("PRAGMA ignore_check_constraints = ON").run();
                      c.prepare("UPDATE decision_set SET status = 'archived' WHERE id = 'd'").run();
                      c.prepare("PRAGMA ignore_check_constraints = OFF").run();
                  }).ok);
        try {
            ProjectStore::decisionSet(db.reader(), QStringLiteral("d"));
            QFAIL("an unknown status must not read as some other status");
        } catch (const SqliteError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("decision_set.status")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("archived")), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
