// Server-Sent Events against a real server on SQLite: history then live without duplicates or gaps, resume with
// Last-Event-ID or ?from=, across a server restart, heartbeats and the retry hint, a slow reader cut off and
// resuming without loss, and the team-wide change stream.
#include "ServerHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops::test::server;

class TestServerSse : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_storage;
    Tokens m_tokens;
    QString m_project;

    QString makeDecisionSet(quint16 port) {
        const QString id = newUuid();
        const auto r = request(port, "POST", QStringLiteral("/v1/projects/%1/decision-sets").arg(m_project),
                               m_tokens.right, QJsonDocument(QJsonObject{{QStringLiteral("id"), id}}).toJson());
        return r.status == 201 ? id : QString();
    }
    static QString streamPath(const QString& ds) {
        return QStringLiteral("/v1/decision-sets/%1/events/stream").arg(ds);
    }
    Response push(quint16 port, const QString& ds, qint64 from, qint64 to, const QString& marker = {}) {
        return request(port, "POST", QStringLiteral("/v1/decision-sets/%1/events").arg(ds), m_tokens.right,
                       eventsBody(ds, from, to, marker));
    }
    static void verifyExactly(const QList<SseEvent>& events, qint64 from, qint64 to) {
        QCOMPARE(events.size(), int(to - from + 1));
        for (int i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].id, from + i);
            const QJsonObject e = QJsonDocument::fromJson(events[i].data).object();
            QCOMPARE(e.value(QStringLiteral("seq")).toInteger(), from + i);
            QCOMPARE(e.value(QStringLiteral("type")).toString(), QStringLiteral("node-start"));
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_storage = {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))};
        m_tokens = createFixture(m_storage);
        ServerProcess server;
        QVERIFY(server.start(m_storage));
        m_project = newUuid();
        QCOMPARE(request(server.port(), "POST", QStringLiteral("/v1/projects"), m_tokens.right,
                         QJsonDocument(QJsonObject{{QStringLiteral("id"), m_project},
                                                   {QStringLiteral("name"), QStringLiteral("s")}})
                             .toJson())
                     .status,
                 201);
    }

    void stream_historyThenLive_inOrderWithoutDuplicates() {
        ServerProcess server;
        QVERIFY(server.start(m_storage, {QStringLiteral("--rate-limit"), QStringLiteral("0")}));
        const QString ds = makeDecisionSet(server.port());
        QCOMPARE(push(server.port(), ds, 1, 100).status, 200);
        SseClient sse;
        QVERIFY(sse.open(server.port(), streamPath(ds), m_tokens.right));
        QCOMPARE(sse.status(), 200);
        QVERIFY(sse.waitFor(100, 10000));
        for (qint64 from = 101; from <= 150; from += 10)
            QCOMPARE(push(server.port(), ds, from, from + 9).status, 200);
        // A re-sent batch is not delivered twice.
        QCOMPARE(push(server.port(), ds, 141, 150).status, 200);
        QVERIFY(sse.waitFor(150, 10000));
        QVERIFY(!sse.waitFor(151, 300));
        verifyExactly(sse.events(), 1, 150);
        QVERIFY(sse.raw().startsWith("retry: "));
    }

    void stream_lastEventIdHeaderOrFrom_resumesRightAfter() {
        ServerProcess server;
        QVERIFY(server.start(m_storage));
        const QString ds = makeDecisionSet(server.port());
        QCOMPARE(push(server.port(), ds, 1, 40).status, 200);
        SseClient byHeader;
        QVERIFY(byHeader.open(server.port(), streamPath(ds), m_tokens.right, "25"));
        QVERIFY(byHeader.waitFor(15, 5000));
        QVERIFY(!byHeader.waitFor(16, 300));
        verifyExactly(byHeader.events(), 26, 40);
        SseClient byQuery;
        QVERIFY(byQuery.open(server.port(), streamPath(ds) + QStringLiteral("?from=38"), m_tokens.right));
        QVERIFY(byQuery.waitFor(2, 5000));
        verifyExactly(byQuery.events(), 39, 40);
        SseClient bad;
        QVERIFY(bad.open(server.port(), streamPath(ds) + QStringLiteral("?from=abc"), m_tokens.right));
        QCOMPARE(bad.status(), 400);
    }

    void stream_resumeAcrossServerRestart_noDuplicateNoGap() {
        QList<SseEvent> received;
        QString ds;
        {
            ServerProcess first;
            QVERIFY(first.start(m_storage));
            ds = makeDecisionSet(first.port());
            QCOMPARE(push(first.port(), ds, 1, 50).status, 200);
            SseClient sse;
            QVERIFY(sse.open(first.port(), streamPath(ds), m_tokens.right));
            QVERIFY(sse.waitFor(50, 5000));
            received = sse.events();
            first.kill9();
        }
        ServerProcess second;
        QVERIFY(second.start(m_storage));
        QCOMPARE(push(second.port(), ds, 51, 80).status, 200);
        SseClient resumed;
        QVERIFY(resumed.open(second.port(), streamPath(ds), m_tokens.right, QByteArray::number(received.last().id)));
        QVERIFY(resumed.waitFor(30, 5000));
        QCOMPARE(push(second.port(), ds, 81, 90).status, 200);
        QVERIFY(resumed.waitFor(40, 5000));
        received += resumed.events();
        verifyExactly(received, 1, 90);
    }

    void stream_heartbeatComments() {
        ServerProcess server;
        QVERIFY(server.start(m_storage, {QStringLiteral("--heartbeat-ms"), QStringLiteral("200")}));
        const QString ds = makeDecisionSet(server.port());
        SseClient sse;
        QVERIFY(sse.open(server.port(), streamPath(ds), m_tokens.right));
        QVERIFY(sse.waitForComment("heartbeat", 3000));
    }

    void stream_slowReader_cutOff_thenResumesWithoutLoss() {
        ServerProcess server;
        QVERIFY(server.start(m_storage, {QStringLiteral("--sse-max-unsent"), QStringLiteral("65536"),
                                         QStringLiteral("--rate-limit"), QStringLiteral("0")}));
        const QString ds = makeDecisionSet(server.port());
        SseClient slow;
        QVERIFY(slow.open(server.port(), streamPath(ds), m_tokens.right));
        slow.pauseReading();
        // Far more than the kernel's socket buffers hold: the server's unsent buffer must grow past the limit.
        const QString marker(2000, QLatin1Char('m'));
        qint64 next = 1;
        for (int batch = 0; batch < 40; ++batch, next += 500)
            QCOMPARE(push(server.port(), ds, next, next + 499, marker).status, 200);
        const qint64 last = next - 1;
        QVERIFY2(slow.waitForClose(15000), "the slow reader was not disconnected");
        const QList<SseEvent> before = slow.events();
        QVERIFY(before.size() < last);
        SseClient resumed;
        QVERIFY(resumed.open(server.port(), streamPath(ds), m_tokens.right,
                             before.isEmpty() ? QByteArray("0") : QByteArray::number(before.last().id)));
        const int missing = int(last - (before.isEmpty() ? 0 : before.last().id));
        QVERIFY(resumed.waitFor(missing, 30000));
        QList<SseEvent> all = before + resumed.events();
        QCOMPARE(all.size(), int(last));
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all[i].id, qint64(i + 1));
    }

    void changeStream_reportsNewVersionsAndStatus() {
        ServerProcess server;
        QVERIFY(server.start(m_storage));
        SseClient changes;
        QVERIFY(changes.open(server.port(), QStringLiteral("/v1/changes/stream"), m_tokens.right));
        QVERIFY(changes.waitFor(1, 3000)); // what happened before: at least the project of initTestCase
        const int before = changes.events().size();
        const QString ds = makeDecisionSet(server.port());
        QCOMPARE(request(server.port(), "PUT", QStringLiteral("/v1/decision-sets/%1/status").arg(ds), m_tokens.right,
                         R"({"status":"completed"})")
                     .status,
                 200);
        QVERIFY(changes.waitFor(before + 2, 5000));
        const QList<SseEvent> all = changes.events();
        const QJsonObject created = QJsonDocument::fromJson(all[before].data).object();
        const QJsonObject status = QJsonDocument::fromJson(all[before + 1].data).object();
        QCOMPARE(created.value(QStringLiteral("kind")).toString(), QStringLiteral("decision-set-created"));
        QCOMPARE(created.value(QStringLiteral("object_id")).toString(), ds);
        QCOMPARE(status.value(QStringLiteral("kind")).toString(), QStringLiteral("decision-set-status"));
        QCOMPARE(status.value(QStringLiteral("detail")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("completed"));
        QVERIFY(all[before + 1].id > all[before].id);
        // The other team's change stream stays quiet.
        SseClient theirs;
        QVERIFY(theirs.open(server.port(), QStringLiteral("/v1/changes/stream"), m_tokens.other));
        QVERIFY(!theirs.waitFor(1, 500));
    }
};

QTEST_GUILESS_MAIN(TestServerSse)
#include "tst_server_sse.moc"
