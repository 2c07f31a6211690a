// Two server instances on one PostgreSQL behave as one server: pushes through either, SSE subscribers on the
// other instance get every event in order without duplicates, resume works across instances, and a lost
// LISTEN connection is re-opened and caught up. The cluster is started here (initdb/pg_ctl on a free port); the
// suite skips where PostgreSQL 15 or Qt's QPSQL driver is not installed.
#include "ServerHarness.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QTest>
#include <QThread>

using namespace mlops::test::server;

class TestServerPostgres : public QObject {
    Q_OBJECT

    PgCluster m_pg;
    QStringList m_storage;
    Tokens m_tokens;
    ServerProcess m_a, m_b;
    QString m_project;

    QString makeDecisionSet(quint16 port) {
        const QString id = newUuid();
        const auto r = request(port, "POST", QStringLiteral("/v1/projects/%1/decision-sets").arg(m_project),
                               m_tokens.right, QJsonDocument(QJsonObject{{QStringLiteral("id"), id}}).toJson());
        return r.status == 201 ? id : QString();
    }
    Response push(quint16 port, const QString& ds, qint64 from, qint64 to) {
        return request(port, "POST", QStringLiteral("/v1/decision-sets/%1/events").arg(ds), m_tokens.right,
                       eventsBody(ds, from, to));
    }
    static QString streamPath(const QString& ds) {
        return QStringLiteral("/v1/decision-sets/%1/events/stream").arg(ds);
    }
    // Polls a changing value, reading it once per round, until it equals `want` or `ms` pass; returns the last reading.
    template <typename Read> static int pollUntil(const Read& read, int want, int ms) {
        QElapsedTimer clock;
        clock.start();
        int value = read();
        while (value != want && clock.elapsed() < ms) {
            QTest::qWait(50);
            value = read();
        }
        return value;
    }
    static void verifyExactly(const QList<SseEvent>& events, qint64 from, qint64 to) {
        QCOMPARE(events.size(), int(to - from + 1));
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(events[i].id, from + i);
    }

private slots:
    void initTestCase() {
        if (!PgCluster::binariesPresent())
            QSKIP("PostgreSQL 15 binaries (/usr/lib/postgresql/15/bin) are not installed");
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("Qt's QPSQL driver (libqt6sql6-psql) is not installed");
        QString error;
        QVERIFY2(m_pg.start(&error), qPrintable(error));
        m_storage = {QStringLiteral("--database"), m_pg.url()};
        m_tokens = createFixture(m_storage);
        QVERIFY(!m_tokens.right.isEmpty());
        const QStringList options = {QStringLiteral("--rate-limit"), QStringLiteral("0"),
                                     QStringLiteral("--listener-probe-ms"), QStringLiteral("200")};
        QVERIFY(m_a.start(m_storage, options));
        QVERIFY(m_b.start(m_storage, options));
        m_project = newUuid();
        QCOMPARE(request(m_a.port(), "POST", QStringLiteral("/v1/projects"), m_tokens.right,
                         QJsonDocument(QJsonObject{{QStringLiteral("id"), m_project},
                                                   {QStringLiteral("name"), QStringLiteral("pg")}})
                             .toJson())
                     .status,
                 201);
    }

    void push_throughEitherInstance_idempotentAndGapless() {
        const QString ds = makeDecisionSet(m_a.port());
        QCOMPARE(push(m_a.port(), ds, 1, 10).status, 200);
        QCOMPARE(push(m_b.port(), ds, 11, 20).status, 200);
        for (int i = 0; i < 3; ++i) {
            const auto again = push(i % 2 ? m_a.port() : m_b.port(), ds, 1, 20);
            QCOMPARE(again.status, 200);
            QCOMPARE(again.json().value(QStringLiteral("stored")).toInt(), 0);
        }
        const auto gap = push(m_b.port(), ds, 25, 30);
        QCOMPARE(gap.status, 409);
        QCOMPARE(
            gap.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("first_bad_seq")).toInteger(),
            25);
        const auto list = request(m_a.port(), "GET", QStringLiteral("/v1/decision-sets/%1/events?limit=1000").arg(ds),
                                  m_tokens.right);
        QCOMPARE(list.json().value(QStringLiteral("items")).toArray().size(), 20);
    }

    void sse_pushOnA_reachesSubscriberOnB_inOrder() {
        const QString ds = makeDecisionSet(m_a.port());
        SseClient onB;
        QVERIFY(onB.open(m_b.port(), streamPath(ds), m_tokens.right));
        for (qint64 from = 1; from <= 100; from += 10)
            QCOMPARE(push(m_a.port(), ds, from, from + 9).status, 200);
        QVERIFY(onB.waitFor(100, 10000));
        QVERIFY(!onB.waitFor(101, 300));
        verifyExactly(onB.events(), 1, 100);
    }

    void sse_resumeOnTheOtherInstance_noDuplicateNoGap() {
        const QString ds = makeDecisionSet(m_a.port());
        QCOMPARE(push(m_a.port(), ds, 1, 20).status, 200);
        QList<SseEvent> received;
        {
            SseClient onA;
            QVERIFY(onA.open(m_a.port(), streamPath(ds), m_tokens.right));
            QVERIFY(onA.waitFor(20, 5000));
            received = onA.events();
        }
        QCOMPARE(push(m_b.port(), ds, 21, 40).status, 200);
        SseClient onB;
        QVERIFY(onB.open(m_b.port(), streamPath(ds), m_tokens.right, QByteArray::number(received.last().id)));
        QVERIFY(onB.waitFor(20, 5000));
        QCOMPARE(push(m_a.port(), ds, 41, 50).status, 200);
        QVERIFY(onB.waitFor(30, 5000));
        received += onB.events();
        verifyExactly(received, 1, 50);
    }

    void changeStream_crossInstance() {
        SseClient changes;
        QVERIFY(changes.open(m_b.port(), QStringLiteral("/v1/changes/stream"), m_tokens.right));
        QVERIFY(changes.waitFor(1, 5000));
        const int before = changes.events().size();
        const QString ds = makeDecisionSet(m_a.port());
        QVERIFY(changes.waitFor(before + 1, 5000));
        const QJsonObject c = QJsonDocument::fromJson(changes.events().last().data).object();
        QCOMPARE(c.value(QStringLiteral("object_id")).toString(), ds);
    }

    void lostListener_reopenedAndCaughtUp() {
        const QString ds = makeDecisionSet(m_a.port());
        SseClient onB;
        QVERIFY(onB.open(m_b.port(), streamPath(ds), m_tokens.right));
        const auto listeners = [this] {
            return m_pg
                .psql(QStringLiteral(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'mlops-listener-%'"))
                .trimmed()
                .toInt();
        };
        // Cut every instance's LISTEN connection, then push through A. pg_stat_activity lags: a backend cut a moment
        // ago may still be listed, so keep cutting until each instance's listener (one application name per
        // instance) was terminated at least once. Each poll reads the count once (QTRY_COMPARE reads it twice).
        QSet<QString> cut;
        for (int attempt = 0; attempt < 20 && cut.size() < 2; ++attempt) {
            QCOMPARE(pollUntil(listeners, 2, 10000), 2);
            const QByteArray names =
                m_pg.psql(QStringLiteral("SELECT application_name FROM pg_stat_activity WHERE application_name LIKE "
                                         "'mlops-listener-%' AND pg_terminate_backend(pid)"));
            for (const QByteArray& name : names.split('\n'))
                if (!name.trimmed().isEmpty())
                    cut.insert(QString::fromUtf8(name.trimmed()));
        }
        QVERIFY2(cut.size() == 2, qPrintable(QStringList(cut.begin(), cut.end()).join(u',')));
        QCOMPARE(push(m_a.port(), ds, 1, 30).status, 200);
        QVERIFY2(onB.waitFor(30, 10000), "the subscriber on B did not catch up after its listener was lost");
        verifyExactly(onB.events(), 1, 30);
        // And live delivery works again through the new listener.
        QCOMPARE(push(m_a.port(), ds, 31, 35).status, 200);
        QVERIFY(onB.waitFor(35, 5000));
        verifyExactly(onB.events(), 1, 35);
        // The terminated backends leave pg_stat_activity asynchronously: wait for exactly the two new listeners.
        QCOMPARE(pollUntil(listeners, 2, 10000), 2);
    }

    void cleanupTestCase() {
        m_a.stop();
        m_b.stop();
        m_pg.stop();
    }
};

QTEST_GUILESS_MAIN(TestServerPostgres)
#include "tst_server_postgres.moc"
