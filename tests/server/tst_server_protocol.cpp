// The sync protocol against a real server process on SQLite: idempotent pushes, gaps and conflicts refused with
// nothing stored, paging, versions, blobs and artifacts, tokens stored only as hashes, a kill -9 in the middle of
// a push, TLS and the loopback rule.
#include "ServerHarness.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mlops::test::server;

class TestServerProtocol : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_storage;
    Tokens m_tokens;
    ServerProcess m_server;

    quint16 port() const { return m_server.port(); }
    QString makeProject(const QString& name = QStringLiteral("shop")) {
        const QString id = newUuid();
        const auto r = request(port(), "POST", QStringLiteral("/v1/projects"), m_tokens.right,
                               QJsonDocument(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}})
                                   .toJson(QJsonDocument::Compact));
        if (r.status != 201)
            qWarning("project: %d %s", r.status, r.body.constData());
        return id;
    }
    QString makeDecisionSet(const QString& project, const QString& parent = {}) {
        const QString id = newUuid();
        QJsonObject body{{QStringLiteral("id"), id}, {QStringLiteral("prompt"), QStringLiteral("fraud scoring")}};
        if (!parent.isEmpty())
            body.insert(QStringLiteral("parent_id"), parent);
        const auto r = request(port(), "POST", QStringLiteral("/v1/projects/%1/decision-sets").arg(project),
                               m_tokens.right, QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (r.status != 201)
            qWarning("decision set: %d %s", r.status, r.body.constData());
        return id;
    }
    Response push(const QString& ds, const QByteArray& body) {
        return request(port(), "POST", QStringLiteral("/v1/decision-sets/%1/events").arg(ds), m_tokens.right, body);
    }
    QList<qint64> storedSeqs(const QString& ds) {
        QList<qint64> seqs;
        QString cursor;
        for (int page = 0; page < 1000; ++page) {
            QString path = QStringLiteral("/v1/decision-sets/%1/events?limit=1000").arg(ds);
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + cursor;
            const auto r = request(port(), "GET", path, m_tokens.right);
            if (r.status != 200)
                break;
            for (const auto& e : r.json().value(QStringLiteral("items")).toArray())
                seqs.append(e.toObject().value(QStringLiteral("seq")).toInteger());
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
            if (cursor.isEmpty())
                break;
        }
        return seqs;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_storage = {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))};
        m_tokens = createFixture(m_storage);
        QVERIFY(!m_tokens.right.isEmpty());
        QVERIFY(m_server.start(m_storage, {QStringLiteral("--rate-limit"), QStringLiteral("0")}));
    }

    void me_rightToken_namesUserAndTeam() {
        const auto r = request(port(), "GET", QStringLiteral("/v1/me"), m_tokens.right);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("ana"));
        QCOMPARE(r.json().value(QStringLiteral("team")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("alpha"));
    }

    void push_sameBatchThreeTimes_storesItOnce() {
        const QString ds = makeDecisionSet(makeProject());
        const QByteArray batch = eventsBody(ds, 1, 50);
        const auto first = push(ds, batch);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(QStringLiteral("stored")).toInt(), 50);
        for (int i = 0; i < 2; ++i) {
            const auto again = push(ds, batch);
            QCOMPARE(again.status, 200);
            QCOMPARE(again.json().value(QStringLiteral("stored")).toInt(), 0);
            QCOMPARE(again.json().value(QStringLiteral("duplicates")).toInt(), 50);
        }
        QList<qint64> expected;
        for (qint64 s = 1; s <= 50; ++s)
            expected.append(s);
        QCOMPARE(storedSeqs(ds), expected);
    }

    void push_overlappingBatch_storesOnlyTheNewTail() {
        const QString ds = makeDecisionSet(makeProject());
        QCOMPARE(push(ds, eventsBody(ds, 1, 10)).status, 200);
        const auto r = push(ds, eventsBody(ds, 6, 15));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("stored")).toInt(), 5);
        QCOMPARE(r.json().value(QStringLiteral("duplicates")).toInt(), 5);
        QCOMPARE(storedSeqs(ds).size(), 15);
    }

    void push_gapAfterStored_refusedNamingFirstBadSeqNothingStored() {
        const QString ds = makeDecisionSet(makeProject());
        QCOMPARE(push(ds, eventsBody(ds, 1, 5)).status, 200);
        const auto r = push(ds, eventsBody(ds, 8, 12));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("sequence_gap"));
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("first_bad_seq")).toInteger(),
                 8);
        QCOMPARE(storedSeqs(ds).size(), 5);
    }

    void push_gapInsideBatch_refusedNothingStored() {
        const QString ds = makeDecisionSet(makeProject());
        QJsonObject body = QJsonDocument::fromJson(eventsBody(ds, 1, 6)).object();
        QJsonArray events = body.value(QStringLiteral("events")).toArray();
        events.removeAt(3); // 1 2 3 5 6
        body.insert(QStringLiteral("events"), events);
        const auto r = push(ds, QJsonDocument(body).toJson());
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("first_bad_seq")).toInteger(),
                 5);
        QCOMPARE(storedSeqs(ds).size(), 0);
    }

    void push_conflictAtStoredSeq_refusedNothingOfBatchStored() {
        const QString ds = makeDecisionSet(makeProject());
        QCOMPARE(push(ds, eventsBody(ds, 1, 5)).status, 200);
        // 4 and 5 again, but 5 with other data, then 6..9 new: the whole batch is refused.
        QJsonObject body = QJsonDocument::fromJson(eventsBody(ds, 4, 9)).object();
        QJsonArray events = body.value(QStringLiteral("events")).toArray();
        QJsonObject fifth = events[1].toObject();
        fifth.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("changed"), true}});
        events[1] = fifth;
        body.insert(QStringLiteral("events"), events);
        const auto r = push(ds, QJsonDocument(body).toJson());
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("event_conflict"));
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("first_bad_seq")).toInteger(),
                 5);
        QCOMPARE(storedSeqs(ds).size(), 5);
    }

    void lists_cursorPagesThroughEverythingOnce() {
        const QString ds = makeDecisionSet(makeProject());
        QCOMPARE(push(ds, eventsBody(ds, 1, 250)).status, 200);
        QList<qint64> seen;
        QString cursor;
        int pages = 0;
        do {
            QString path = QStringLiteral("/v1/decision-sets/%1/events?limit=100").arg(ds);
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + cursor;
            const auto r = request(port(), "GET", path, m_tokens.right);
            QCOMPARE(r.status, 200);
            for (const auto& e : r.json().value(QStringLiteral("items")).toArray())
                seen.append(e.toObject().value(QStringLiteral("seq")).toInteger());
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 250);
        QCOMPARE(seen.first(), 1);
        QCOMPARE(seen.last(), 250);
        const auto bad =
            request(port(), "GET", QStringLiteral("/v1/decision-sets/%1/events?cursor=zz!").arg(ds), m_tokens.right);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorCode(), QStringLiteral("bad_cursor"));
    }

    void decisionSets_versionsImmutableParentChecked() {
        const QString project = makeProject();
        const QString v1 = makeDecisionSet(project);
        const QString v2 = makeDecisionSet(project, v1);
        const auto got = request(port(), "GET", QStringLiteral("/v1/decision-sets/%1").arg(v2), m_tokens.right);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json().value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(got.json().value(QStringLiteral("parent_id")).toString(), v1);
        // The same version again is a no-op; different content under its id is a conflict.
        const QByteArray same = QJsonDocument(QJsonObject{{QStringLiteral("id"), v1},
                                                          {QStringLiteral("prompt"), QStringLiteral("fraud scoring")}})
                                    .toJson();
        QCOMPARE(
            request(port(), "POST", QStringLiteral("/v1/projects/%1/decision-sets").arg(project), m_tokens.right, same)
                .status,
            200);
        const QByteArray other = QJsonDocument(QJsonObject{{QStringLiteral("id"), v1},
                                                           {QStringLiteral("prompt"), QStringLiteral("changed")}})
                                     .toJson();
        QCOMPARE(
            request(port(), "POST", QStringLiteral("/v1/projects/%1/decision-sets").arg(project), m_tokens.right, other)
                .status,
            409);
        const QByteArray orphan =
            QJsonDocument(QJsonObject{{QStringLiteral("id"), newUuid()}, {QStringLiteral("parent_id"), newUuid()}})
                .toJson();
        const auto r = request(port(), "POST", QStringLiteral("/v1/projects/%1/decision-sets").arg(project),
                               m_tokens.right, orphan);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("unknown_parent"));
        const auto list =
            request(port(), "GET", QStringLiteral("/v1/projects/%1/decision-sets").arg(project), m_tokens.right);
        QCOMPARE(list.json().value(QStringLiteral("items")).toArray().size(), 2);
    }

    void status_change_appearsInTeamChangeFeed() {
        const QString project = makeProject(QStringLiteral("feed"));
        const QString ds = makeDecisionSet(project);
        const auto r = request(port(), "PUT", QStringLiteral("/v1/decision-sets/%1/status").arg(ds), m_tokens.right,
                               R"({"status":"processing"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("processing"));
        const auto feed = request(port(), "GET", QStringLiteral("/v1/changes?limit=1000"), m_tokens.right);
        QCOMPARE(feed.status, 200);
        QStringList kinds;
        qint64 lastId = 0;
        for (const auto& c : feed.json().value(QStringLiteral("items")).toArray()) {
            QVERIFY(c.toObject().value(QStringLiteral("id")).toInteger() > lastId);
            lastId = c.toObject().value(QStringLiteral("id")).toInteger();
            if (c.toObject().value(QStringLiteral("object_id")).toString() == project ||
                c.toObject().value(QStringLiteral("object_id")).toString() == ds)
                kinds.append(c.toObject().value(QStringLiteral("kind")).toString());
        }
        QCOMPARE(kinds, (QStringList{QStringLiteral("project-created"), QStringLiteral("decision-set-created"),
                                     QStringLiteral("decision-set-status")}));
        // The other team sees none of it.
        const auto theirs = request(port(), "GET", QStringLiteral("/v1/changes"), m_tokens.other);
        QCOMPARE(theirs.status, 200);
        QCOMPARE(theirs.json().value(QStringLiteral("items")).toArray().size(), 0);
    }

    void blobsAndArtifacts_contentAddressedAndPathsChecked() {
        const QString ds = makeDecisionSet(makeProject());
        const QByteArray bundle = QByteArray("# v2 git bundle\n") + QByteArray(5000, 'x');
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bundle, QCryptographicHash::Sha256).toHex());
        QCOMPARE(request(port(), "PUT", QStringLiteral("/v1/blobs/") + sha, m_tokens.right, bundle,
                         "application/octet-stream")
                     .status,
                 201);
        QCOMPARE(request(port(), "PUT", QStringLiteral("/v1/blobs/") + sha, m_tokens.right, bundle,
                         "application/octet-stream")
                     .status,
                 200);
        const auto mismatch = request(port(), "PUT", QStringLiteral("/v1/blobs/") + sha, m_tokens.right,
                                      bundle + "tampered", "application/octet-stream");
        QCOMPARE(mismatch.status, 422);
        QCOMPARE(mismatch.errorCode(), QStringLiteral("digest_mismatch"));
        const auto back = request(port(), "GET", QStringLiteral("/v1/blobs/") + sha, m_tokens.right);
        QCOMPARE(back.status, 200);
        QCOMPARE(back.body, bundle);
        QCOMPARE(request(port(), "GET", QStringLiteral("/v1/blobs/") + sha, m_tokens.other).status, 404);

        auto artifacts = [&](const QString& path, const QString& digest, qint64 size) {
            const QJsonObject a{{QStringLiteral("path"), path},
                                {QStringLiteral("sha256"), digest},
                                {QStringLiteral("size"), size},
                                {QStringLiteral("type"), QStringLiteral("git-bundle")}};
            return request(port(), "POST", QStringLiteral("/v1/decision-sets/%1/artifacts").arg(ds), m_tokens.right,
                           QJsonDocument(QJsonObject{{QStringLiteral("artifacts"), QJsonArray{a}}}).toJson());
        };
        QCOMPARE(artifacts(QStringLiteral("repository.bundle"), sha, bundle.size()).status, 200);
        QCOMPARE(artifacts(QStringLiteral("repository.bundle"), sha, bundle.size())
                     .json()
                     .value(QStringLiteral("duplicates"))
                     .toInt(),
                 1);
        QCOMPARE(artifacts(QStringLiteral("../etc/passwd"), sha, bundle.size()).status, 400);
        QCOMPARE(artifacts(QStringLiteral("/etc/passwd"), sha, bundle.size()).status, 400);
        QCOMPARE(artifacts(QStringLiteral("a/./b"), sha, bundle.size()).status, 400);
        QCOMPARE(artifacts(QStringLiteral("other.bundle"), QString(64, QLatin1Char('0')), 3).status, 422);
        const auto list =
            request(port(), "GET", QStringLiteral("/v1/decision-sets/%1/artifacts").arg(ds), m_tokens.right);
        QCOMPARE(list.json().value(QStringLiteral("items")).toArray().size(), 1);
    }

    void checkpoints_idempotentAndConflictRefused() {
        const QString ds = makeDecisionSet(makeProject());
        const QByteArray body =
            R"({"checkpoints":[{"step":0,"node":"intake","next_step":"plan","state":{"a":1},"last_event_seq":3}]})";
        auto url = QStringLiteral("/v1/decision-sets/%1/checkpoints").arg(ds);
        QCOMPARE(request(port(), "POST", url, m_tokens.right, body).json().value(QStringLiteral("stored")).toInt(), 1);
        QCOMPARE(request(port(), "POST", url, m_tokens.right, body).json().value(QStringLiteral("duplicates")).toInt(),
                 1);
        const QByteArray changed =
            R"({"checkpoints":[{"step":0,"node":"intake","next_step":"plan","state":{"a":2},"last_event_seq":3}]})";
        QCOMPARE(request(port(), "POST", url, m_tokens.right, changed).status, 409);
        QCOMPARE(request(port(), "GET", url, m_tokens.right).json().value(QStringLiteral("items")).toArray().size(), 1);
    }

    void tokens_storedOnlyAsHashes() {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(m_dir.filePath(QStringLiteral("data/sync.sqlite")));
        QVERIFY(db.open());
        QByteArray everything;
        {
            QSqlQuery tables(db);
            QVERIFY(tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
            QStringList names;
            while (tables.next())
                names.append(tables.value(0).toString());
            for (const QString& t : std::as_const(names)) {
                QSqlQuery rows(db);
                QVERIFY(rows.exec(QStringLiteral("SELECT * FROM ") + t));
                while (rows.next()) {
                    for (int c = 0; c < rows.record().count(); ++c)
                        everything += rows.value(c).toByteArray() + '\n';
                }
            }
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
        for (const QString& token : {m_tokens.right, m_tokens.readOnly, m_tokens.other}) {
            QVERIFY(token.size() >= 40); // "mst_" + 43 base64url characters = 256 bits
            QVERIFY2(!everything.contains(token.toLatin1()), "a token secret is in the database");
            QVERIFY2(!everything.contains(token.mid(4, 16).toLatin1()), "part of a token secret is in the database");
            const QByteArray hash = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
            QVERIFY2(everything.contains(hash), "the token's SHA-256 is not stored");
        }
    }

    void kill9DuringPush_retryCompletesAndLogIsGapless() {
        const QString ds = makeDecisionSet(makeProject());
        constexpr int kTotal = 20000, kBatch = 5000;
        // A large batch in flight when the server dies.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray body = eventsBody(ds, 1, kBatch);
        socket.write("POST /v1/decision-sets/" + ds.toLatin1() +
                     "/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_tokens.right.toLatin1() +
                     "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                     "\r\n\r\n" + body);
        socket.waitForBytesWritten(2000);
        QThread::msleep(30);
        m_server.kill9();
        QVERIFY(m_server.start(m_storage, {QStringLiteral("--rate-limit"), QStringLiteral("0")}));
        // The client's retry: the whole log again, batch by batch; whatever the dead server committed is a no-op.
        for (int from = 1; from <= kTotal; from += kBatch) {
            const auto r = push(ds, eventsBody(ds, from, from + kBatch - 1));
            QCOMPARE(r.status, 200);
        }
        const QList<qint64> seqs = storedSeqs(ds);
        QCOMPARE(seqs.size(), kTotal);
        for (int i = 0; i < kTotal; ++i)
            QCOMPARE(seqs[i], qint64(i + 1));
    }

    void serve_nonLoopbackWithoutTls_refused() {
        int code = 0;
        QProcess p;
        p.start(serverBinary(), QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                            QStringLiteral("0.0.0.0"), QStringLiteral("--port"), QStringLiteral("0")} +
                                    m_storage);
        QVERIFY(p.waitForFinished(10000));
        code = p.exitCode();
        QCOMPARE(code, 1);
        QVERIFY(p.readAllStandardError().contains("--insecure-listen"));
    }

    void serve_withTls_answersOverHttps() {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed");
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem")),
                      key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess gen;
        gen.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);
        ServerProcess tls;
        QVERIFY(tls.start(m_storage, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));
        QSslSocket socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), tls.port());
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        socket.write("GET /v1/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " +
                     m_tokens.right.toLatin1() + "\r\n\r\n");
        QByteArray answer;
        for (int i = 0; i < 100 && !answer.contains("\"alpha\""); ++i) {
            socket.waitForReadyRead(100);
            answer += socket.readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains("\"alpha\""));
    }
};

QTEST_GUILESS_MAIN(TestServerProtocol)
#include "tst_server_protocol.moc"
