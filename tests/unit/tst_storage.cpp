#include "TestSupport.h"
#include "storage/Database.h"
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
        QCOMPARE(d2.status, QStringLiteral("created"));
        // Status values outside docs/storage.md are refused by the schema.
        const WriteResult r = db.writeAndWait(
            [](SqliteConnection& c) { ProjectStore::setStatus(c, QStringLiteral("d2"), QStringLiteral("bogus")); });
        QVERIFY(!r.ok);
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
