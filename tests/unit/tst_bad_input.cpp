// Feeds every file of tests/data/bad-input (see its MANIFEST.tsv and generate.py) to the real CLI: each gets a
// clear one-line error or its documented safe result, within a time limit, and a decision set stored before
// the corpus ran is still intact afterwards.
#include "TestSupport.h"
#include "storage/Sqlite.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;

namespace {

struct Entry {
    QString path;
    QString kind;
    int expectedExit = 0;
    QString expected;
    QString note;
};

struct Outcome {
    int exitCode = -1;
    bool finished = false;
    QString err;
};

QList<Entry> manifest() {
    QFile f(test::dataPath(QStringLiteral("bad-input/MANIFEST.tsv")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<Entry> out;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        if (raw.isEmpty() || raw.startsWith('#'))
            continue;
        const QStringList c = QString::fromUtf8(raw).split(QLatin1Char('\t'));
        if (c.size() >= 5)
            out.append({c[0], c[1], c[2].toInt(), c[3], c[4]});
    }
    return out;
}

QByteArray sha(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

Outcome run(const QString& xdgData, const QString& xdgConfig, const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), xdgData);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), xdgConfig);
    p.setProcessEnvironment(env);
    p.start(test::binaryPath(QStringLiteral("mlops-studio-cli")), args);
    Outcome o;
    o.finished = p.waitForFinished(90000);
    if (!o.finished) {
        p.kill();
        p.waitForFinished();
    }
    o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.err = QString::fromUtf8(p.readAllStandardError());
    return o;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
}

// Databases the generator cannot write without the schema: made here from a real studio database.
bool makeGeneratedDb(const QString& name, const QString& goodDb, const QString& target) {
    QFile::remove(target);
    if (name == QLatin1String("foreign.db")) {
        SqliteConnection c = SqliteConnection::open(target);
        c.exec("CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)");
        return true;
    }
    QFile good(goodDb);
    if (!good.open(QIODevice::ReadOnly))
        return false;
    QByteArray bytes = good.readAll();
    if (name == QLatin1String("newer-schema.db")) {
        writeFile(target, bytes);
        SqliteConnection c = SqliteConnection::open(target);
        c.exec("PRAGMA user_version = 99");
        return true;
    }
    if (name == QLatin1String("truncated-studio.db")) {
        writeFile(target, bytes.left(bytes.size() / 2));
        return true;
    }
    if (name == QLatin1String("corrupted-pages.db")) {
        for (qsizetype i = 100; i < bytes.size(); i += 509)
            bytes[i] = char(0xA5);
        writeFile(target, bytes);
        return true;
    }
    return false;
}

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private slots:
    void corpus_everyFileAccountedForAndHandled() {
        const QList<Entry> entries = manifest();
        QVERIFY2(entries.size() >= 100, "the corpus needs at least 100 entries");

        // Every file on disk has a manifest row (and vice versa, except the ones the test makes).
        QSet<QString> listed;
        for (const Entry& e : entries)
            listed.insert(e.path);
        const QString root = test::dataPath(QStringLiteral("bad-input"));
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = QDir(root).relativeFilePath(it.next());
            if (rel == QLatin1String("MANIFEST.tsv") || rel == QLatin1String("generate.py"))
                continue;
            QVERIFY2(listed.contains(rel), qPrintable(rel + QStringLiteral(" is not in MANIFEST.tsv")));
        }

        QTemporaryDir work;
        const QString data = work.filePath(QStringLiteral("data"));
        const QString config = work.filePath(QStringLiteral("config"));
        const QString good = work.filePath(QStringLiteral("good.txt"));
        writeFile(good, "Batch churn prediction on GCP with BigQuery, weekly retraining, budget $2,000/month, GDPR.");

        // Something stored before the corpus runs: it must survive all of it.
        const Outcome first =
            run(data, config,
                {QStringLiteral("design"), good, QStringLiteral("--out"), work.filePath(QStringLiteral("first"))});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QString dbPath = data + QStringLiteral("/agentic-mlops-studio/studio.db");
        qint64 eventsBefore = 0;
        {
            SqliteConnection c = SqliteConnection::open(dbPath);
            Statement s = c.prepare("SELECT count(*) FROM event_log");
            s.step();
            eventsBefore = s.int64(0);
        }

        int handled = 0;
        for (int i = 0; i < entries.size(); ++i) {
            const Entry& e = entries[i];
            QString file = QDir(root).filePath(e.path);
            Outcome o;
            const QString out = work.filePath(QStringLiteral("out/%1").arg(i));
            if (e.kind == QLatin1String("prompt")) {
                if (e.path == QLatin1String("prompts/10mb.txt")) {
                    file = work.filePath(QStringLiteral("10mb.txt"));
                    writeFile(file, QByteArray(10 * 1024 * 1024, 'a'));
                }
                o = run(data, config, {QStringLiteral("design"), file, QStringLiteral("--out"), out});
            } else if (e.kind == QLatin1String("answers")) {
                o = run(
                    data, config,
                    {QStringLiteral("design"), good, QStringLiteral("--answers"), file, QStringLiteral("--out"), out});
            } else if (e.kind == QLatin1String("policy")) {
                const QString cfg = work.filePath(QStringLiteral("policy-config/%1").arg(i));
                QDir().mkpath(cfg + QStringLiteral("/agentic-mlops-studio/policies"));
                QFile::copy(file, cfg + QStringLiteral("/agentic-mlops-studio/policies/") + QFileInfo(file).fileName());
                o = run(data, cfg, {QStringLiteral("design"), good, QStringLiteral("--out"), out});
            } else if (e.kind == QLatin1String("db")) {
                const QString dbData = work.filePath(QStringLiteral("db-data/%1").arg(i));
                const QString target = dbData + QStringLiteral("/agentic-mlops-studio/studio.db");
                QDir().mkpath(QFileInfo(target).absolutePath());
                if (QFileInfo::exists(file))
                    QVERIFY(QFile::copy(file, target));
                else
                    QVERIFY2(makeGeneratedDb(QFileInfo(e.path).fileName(), dbPath, target), qPrintable(e.path));
                const QByteArray before = sha(target);
                o = run(dbData, config, {QStringLiteral("list")});
                if (e.expectedExit != 0)
                    QVERIFY2(sha(target) == before, qPrintable(e.path + QStringLiteral(": database file was changed")));
            } else {
                QFAIL(qPrintable(QStringLiteral("unknown kind ") + e.kind));
            }
            const QString context = e.path + QStringLiteral(" (") + e.note + QStringLiteral("): exit ") +
                                    QString::number(o.exitCode) + QStringLiteral(", stderr: ") + o.err.left(400);
            QVERIFY2(o.finished, qPrintable(context + QStringLiteral(" — hung")));
            QVERIFY2(o.exitCode >= 0, qPrintable(context + QStringLiteral(" — crashed")));
            QVERIFY2((o.exitCode == 0) == (e.expectedExit == 0), qPrintable(context));
            if (e.expectedExit != 0) {
                const QStringList lines = o.err.trimmed().split(QLatin1Char('\n'));
                QVERIFY2(lines.last().startsWith(QLatin1String("error: ")), qPrintable(context));
            }
            if (!e.expected.isEmpty())
                QVERIFY2(o.err.contains(e.expected, Qt::CaseInsensitive), qPrintable(context));
            ++handled;
        }
        // Path-traversal requests wrote nothing outside their repositories.
        QVERIFY(!QFileInfo::exists(work.filePath(QStringLiteral("pwned"))));

        SqliteConnection c = SqliteConnection::open(dbPath);
        Statement check = c.prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
        Statement firstRun = c.prepare("SELECT status FROM decision_set ORDER BY created_at LIMIT 1");
        QVERIFY(firstRun.step());
        QCOMPARE(firstRun.text(0), QStringLiteral("completed"));
        Statement count = c.prepare("SELECT count(*) FROM event_log");
        QVERIFY(count.step());
        QVERIFY(count.int64(0) >= eventsBefore);
        qInfo().noquote() << QStringLiteral("%1 bad-input entries handled").arg(handled);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"
