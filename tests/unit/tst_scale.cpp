// Scale: 100 designs at once in one process; 1,000 queued jobs drained by 4 worker
// processes sharing one database, each job run exactly once. Uses the real default workflow.
#include "StatusToString.h"
#include "Studio.h"
#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/EventLogStore.h"
#include "storage/JobQueue.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

using namespace mlops;

namespace {

const QString kPrompt = QStringLiteral(
    "Batch churn prediction on GCP with BigQuery, weekly retraining with XGBoost, budget $2,000/month, GDPR.");

long peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// Every decision set: gapless log, one start, one completion, no node step completed twice.
void verifyLog(Database& db, const QString& ds) {
    const QList<Event> log = EventLogStore::load(db.reader(), ds);
    QVERIFY(!log.isEmpty());
    int starts = 0, completes = 0;
    QSet<QString> steps;
    for (int i = 0; i < log.size(); ++i) {
        QCOMPARE(log[i].seq, qint64(i + 1));
        starts += log[i].type == QLatin1String("workflow-start");
        completes += log[i].type == QLatin1String("workflow-complete");
        if (log[i].type == QLatin1String("node-complete")) {
            const QString key = log[i].data.value(QStringLiteral("node")).toString() + QLatin1Char('@') +
                                QString::number(log[i].data.value(QStringLiteral("step")).toInt());
            QVERIFY2(!steps.contains(key), qPrintable(ds + QStringLiteral(": duplicate ") + key));
            steps.insert(key);
        }
    }
    QCOMPARE(starts, 1);
    QCOMPARE(completes, 1);
}

} // namespace

class TestScale : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hundredDesigns_concurrentlyInOneProcess_allCompleteWithIntactLogs() {
        QTemporaryDir dir;
        Studio::Options o;
        o.dataDir = dir.filePath(QStringLiteral("data"));
        o.maxConcurrentRuns = 100;
        QString error;
        auto studio = Studio::open(o, &error);
        QVERIFY2(studio, qPrintable(error));
        const QString project = studio->createProject(QStringLiteral("scale"));
        QElapsedTimer t;
        t.start();
        QStringList ids;
        for (int i = 0; i < 100; ++i) {
            RunSettings s;
            s.approveWithDefaults = true;
            s.outputDir = dir.filePath(QStringLiteral("repo%1").arg(i));
            ids.append(studio->startRun(project, kPrompt, s));
        }
        int done = 0;
        int maxActive = 0;
        int active = 0;
        connect(studio.get(), &Studio::runStarted, this, [&] { maxActive = std::max(maxActive, ++active); });
        connect(studio.get(), &Studio::runEnded, this, [&](const QString&, RunOutcome outcome) {
            --active;
            if (outcome == RunOutcome::Completed)
                ++done;
        });
        QTRY_COMPARE_WITH_TIMEOUT(done, 100, 600000);
        const qint64 ms = t.elapsed();
        for (const QString& ds : std::as_const(ids)) {
            QCOMPARE(studio->decisionSet(ds).status, DecisionSetStatus::Completed);
            verifyLog(studio->database(), ds);
        }
        qInfo().noquote() << QStringLiteral("100 concurrent designs: %1 ms, at most %2 runs in flight, peak RSS %3 MB")
                                 .arg(ms)
                                 .arg(maxActive)
                                 .arg(peakRssMb());
    }

    void thousandJobs_fourWorkerProcesses_eachRunExactlyOnce() {
        QTemporaryDir dir;
        const int jobs = qEnvironmentVariableIntValue("MLOPS_SCALE_JOBS") > 0
                             ? qEnvironmentVariableIntValue("MLOPS_SCALE_JOBS")
                             : 1000;
        QStringList ids;
        {
            Studio::Options o;
            o.dataDir = dir.filePath(QStringLiteral("xdg/agentic-mlops-studio"));
            o.processJobs = false; // only queue
            QString error;
            auto studio = Studio::open(o, &error);
            QVERIFY2(studio, qPrintable(error));
            const QString project = studio->createProject(QStringLiteral("queue"));
            for (int i = 0; i < jobs; ++i) {
                RunSettings s;
                s.approveWithDefaults = true;
                s.outputDir = dir.filePath(QStringLiteral("repos/%1").arg(i));
                ids.append(studio->startRun(project, kPrompt, s));
            }
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("xdg")));
        QElapsedTimer t;
        t.start();
        QList<QProcess*> workers;
        for (int i = 0; i < 4; ++i) {
            auto* p = new QProcess(this);
            p->setProcessEnvironment(env);
            p->start(test::binaryPath(QStringLiteral("mlops-studio-cli")),
                     {QStringLiteral("worker"), QStringLiteral("--concurrency"), QStringLiteral("2")});
            workers.append(p);
        }
        QStringList perWorker;
        for (QProcess* p : std::as_const(workers)) {
            QVERIFY(p->waitForFinished(1500000));
            QCOMPARE(p->exitCode(), 0);
            perWorker.append(QString::fromUtf8(p->readAllStandardOutput()).trimmed());
        }
        const qint64 ms = t.elapsed();
        Database db(dir.filePath(QStringLiteral("xdg/agentic-mlops-studio/studio.db")));
        Statement s =
            db.reader().prepare("SELECT count(*), MIN(run_count), MAX(run_count) FROM job WHERE kind = 'workflow'");
        QVERIFY(s.step());
        QCOMPARE(int(s.int64(0)), jobs);
        QCOMPARE(int(s.int64(1)), 1);
        QCOMPARE(int(s.int64(2)), 1);
        QCOMPARE(JobQueue::countByStatus(db.reader(), JobStatus::Done), jobs);
        for (const QString& ds : std::as_const(ids))
            verifyLog(db, ds);
        qInfo().noquote() << QStringLiteral("%1 jobs drained by 4 worker processes in %2 ms (%3)")
                                 .arg(jobs)
                                 .arg(ms)
                                 .arg(perWorker.join(QStringLiteral("; ")));
    }
};

QTEST_GUILESS_MAIN(TestScale)
#include "tst_scale.moc"
