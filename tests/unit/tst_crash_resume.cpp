// Kills `mlops-studio-cli design` with SIGKILL mid-run, resumes it, and compares with an uninterrupted run:
// same final state, byte-identical generated files, a gapless event log without duplicated node work.
#include "TestSupport.h"
#include "storage/Sqlite.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace mlops;

namespace {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QProcessEnvironment envFor(const QString& home) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    return env;
}

CliResult runCli(const QString& home, const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    p.setProcessEnvironment(envFor(home));
    p.start(test::binaryPath(QStringLiteral("mlops-studio-cli")), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// path -> sha256 of every file under root, ignoring git's own metadata.
QMap<QString, QByteArray> treeHashes(const QString& root) {
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(root).relativeFilePath(path);
        if (rel.startsWith(QLatin1String(".git/")))
            continue;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            out.insert(rel, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    }
    return out;
}

QJsonObject showJson(const QString& home, const QString& ds) {
    const CliResult r = runCli(home, {QStringLiteral("show"), ds, QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out).object();
}

QList<QJsonObject> eventLog(const QString& home, const QString& ds) {
    const CliResult r = runCli(home, {QStringLiteral("show"), ds, QStringLiteral("--events")});
    QList<QJsonObject> out;
    for (const QByteArray& line : r.out.split('\n')) {
        if (!line.isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

// The state that must not depend on interruptions: everything but identity and timings.
QJsonObject comparableResult(QJsonObject result) {
    result.remove(QStringLiteral("lineage"));
    result.remove(QStringLiteral("commit")); // commit ids include the commit time
    // The repository root is where this run wrote (each round has its own folder); the files are compared by
    // content below.
    QJsonObject artifacts = result.value(QStringLiteral("artifacts")).toObject();
    artifacts.remove(QStringLiteral("root"));
    result.insert(QStringLiteral("artifacts"), artifacts);
    QJsonArray decisions;
    for (const QJsonValue& d : result.value(QStringLiteral("decisions")).toArray()) {
        QJsonObject o = d.toObject();
        o.remove(QStringLiteral("duration_ms"));
        decisions.append(o);
    }
    result.insert(QStringLiteral("decisions"), decisions);
    return result;
}

QString decisionSetFromStderr(const QByteArray& err) {
    for (const QByteArray& line : err.split('\n')) {
        if (line.startsWith("decision set ") && line.endsWith(" started"))
            return QString::fromUtf8(line.mid(13, line.size() - 13 - 8));
    }
    return {};
}

} // namespace

class TestCrashResume : public QObject {
    Q_OBJECT
private slots:
    void sigkillMidRun_resume_sameResultAndGaplessLog() {
        QTemporaryDir work;
        const QString prompt = work.filePath(QStringLiteral("prompt.txt"));
        {
            QFile f(prompt);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Real-time fraud detection on AWS for card payments: 2M predictions a day, p99 latency under "
                    "100 ms, budget $8k/month, PCI-DSS, retrain daily with XGBoost, monitor drift.\n");
        }
        // Reference: an uninterrupted run.
        const QString refHome = work.filePath(QStringLiteral("ref"));
        const CliResult ref =
            runCli(refHome, {QStringLiteral("design"), prompt, QStringLiteral("--out"),
                             refHome + QStringLiteral("/repo"), QStringLiteral("--events"), QStringLiteral("ndjson")});
        QVERIFY2(ref.exitCode == 0, ref.err.constData());
        const QString refDs = decisionSetFromStderr(ref.err);
        const QJsonObject refResult =
            comparableResult(showJson(refHome, refDs).value(QStringLiteral("result")).toObject());
        const QMap<QString, QByteArray> refTree = treeHashes(refHome + QStringLiteral("/repo"));
        QVERIFY(!refTree.isEmpty());
        const int refEvents = int(ref.out.count('\n'));
        QVERIFY(refEvents > 10);

        const int kills = qEnvironmentVariableIntValue("MLOPS_CRASH_KILLS") > 0
                              ? qEnvironmentVariableIntValue("MLOPS_CRASH_KILLS")
                              : 3;
        for (int round = 0; round < kills; ++round) {
            const QString home = work.filePath(QStringLiteral("crash%1").arg(round));
            QProcess p;
            p.setProcessEnvironment(envFor(home));
            p.start(test::binaryPath(QStringLiteral("mlops-studio-cli")),
                    {QStringLiteral("design"), prompt, QStringLiteral("--out"), home + QStringLiteral("/repo"),
                     QStringLiteral("--events"), QStringLiteral("ndjson"), QStringLiteral("--node-delay-ms"),
                     QStringLiteral("25")});
            QVERIFY(p.waitForStarted());
            // Kill right after a random event of the stream: anywhere from the first node to the last commit.
            const int killAfter = 1 + int(QRandomGenerator::global()->bounded(refEvents - 2));
            int seen = 0;
            QByteArray pending;
            while (seen < killAfter && p.state() == QProcess::Running) {
                p.waitForReadyRead(50);
                pending += p.readAllStandardOutput();
                seen = int(pending.count('\n'));
            }
            QVERIFY2(p.state() == QProcess::Running && p.processId() > 0, "design finished before it could be killed");
            ::kill(pid_t(p.processId()), SIGKILL); // never with pid 0: that would hit our own process group
            QVERIFY(p.waitForFinished());
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
            const QString ds = decisionSetFromStderr(p.readAllStandardError());
            QVERIFY2(!ds.isEmpty(), "the run should have started before the kill");
            const QJsonObject before = showJson(home, ds);
            const QString statusBefore = before.value(QStringLiteral("status")).toString();

            const CliResult resumed = runCli(home, {QStringLiteral("resume"), ds});
            QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
            const QJsonObject after = showJson(home, ds);
            QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            qInfo().noquote() << QStringLiteral(
                                     "round %1: killed after event %2 of %5 at status '%3' with %4 checkpoints")
                                     .arg(round)
                                     .arg(killAfter)
                                     .arg(statusBefore)
                                     .arg(before.value(QStringLiteral("checkpoints")).toArray().size())
                                     .arg(refEvents);

            QCOMPARE(comparableResult(after.value(QStringLiteral("result")).toObject()), refResult);
            QCOMPARE(treeHashes(home + QStringLiteral("/repo")), refTree);

            const QList<QJsonObject> log = eventLog(home, ds);
            QSet<QString> completedSteps;
            for (int i = 0; i < log.size(); ++i) {
                QCOMPARE(log[i].value(QStringLiteral("seq")).toInteger(), qint64(i + 1));
                if (log[i].value(QStringLiteral("type")).toString() == QLatin1String("node-complete")) {
                    const QJsonObject d = log[i].value(QStringLiteral("data")).toObject();
                    const QString key = d.value(QStringLiteral("node")).toString() + QLatin1Char('@') +
                                        QString::number(d.value(QStringLiteral("step")).toInt());
                    QVERIFY2(!completedSteps.contains(key), qPrintable(QStringLiteral("duplicate ") + key));
                    completedSteps.insert(key);
                }
            }
            QCOMPARE(log.last().value(QStringLiteral("type")).toString(), QStringLiteral("workflow-complete"));

            SqliteConnection db = SqliteConnection::open(home + QStringLiteral("/data/agentic-mlops-studio/studio.db"));
            Statement check = db.prepare("PRAGMA integrity_check");
            QVERIFY(check.step());
            QCOMPARE(check.text(0), QStringLiteral("ok"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCrashResume)
#include "tst_crash_resume.moc"
